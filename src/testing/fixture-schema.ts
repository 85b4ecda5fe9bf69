import { z } from 'zod';
import { CollectionRecord, Resource } from '../core/index.js';

/** A resource as a fixture writes it: only `type` and `properties` are needed, the rest has defaults. */
export const FixtureResource = Resource.partial({ uid: true, source: true }).extend({
  properties: z.record(z.string(), z.unknown()).default({}),
});
export type FixtureResource = z.input<typeof FixtureResource>;

export const CASE_KINDS = ['pass', 'fail', 'unknown', 'not_applicable', 'error'] as const;

const LiveInput = z
  .object({
    resources: z.array(FixtureResource).default([]),
    /** Collection records; when absent, every type the rule reads is recorded as fully listed. */
    collection: z.array(CollectionRecord.partial({ source: true })).optional(),
    accounts: z.array(z.string()).optional(),
    regions: z.array(z.string()).optional(),
  })
  .strict();

export const FixtureCase = z
  .object({
    name: z.string().min(3),
    expect: z.enum(CASE_KINDS),
    /** For `fail` cases (required) and optionally others: a message id some outcome carries. */
    messageId: z.string().optional(),
    /** For `unknown` cases: the start of the reason (`collection_failed:s3:GetBucketPolicy`). */
    reason: z.string().optional(),
    /** Expected outcome per resource (uid, logical id or Terraform address): `pass`, `fail:<messageId>`, `unknown` … */
    outcomes: z.record(z.string(), z.string()).optional(),
    facts: z.record(z.string(), z.unknown()).optional(),
    now: z.string().optional(),
    live: LiveInput.optional(),
    /** A CloudFormation template, inline (YAML or JSON text) — it goes through the real parser. */
    cloudformation: z.string().optional(),
    /** Template parameters for the `cloudformation` input. */
    parameters: z.record(z.string(), z.string()).optional(),
    /** Terraform: plan JSON text (`terraform show -json`) or HCL (`.tf`) text. */
    terraformPlan: z.string().optional(),
    terraform: z.string().optional(),
    /** The code input is a template shipped to customers (ftr.yaml `customerTemplates`): the parser marks it so. */
    customerTemplate: z.boolean().optional(),
  })
  .strict()
  .refine((c) => [c.live, c.cloudformation, c.terraformPlan, c.terraform].filter((x) => x !== undefined).length === 1, {
    message: 'each case has exactly one input: live, cloudformation, terraformPlan or terraform',
  })
  .refine((c) => c.expect !== 'fail' || c.messageId !== undefined, { message: 'a fail case names the messageId it expects' })
  .refine((c) => c.customerTemplate === undefined || c.live === undefined, { message: 'customerTemplate applies to code inputs; live resources set shippedToCustomers themselves' });
export type FixtureCase = z.infer<typeof FixtureCase>;

export const FixtureFile = z.object({ cases: z.array(FixtureCase).min(1) }).strict();
export type FixtureFile = z.infer<typeof FixtureFile>;

import { z } from 'zod';
import { Source } from './status.js';

/**
 * A property path whose value could not be known, and why. `path` is a JSON pointer into `properties`
 * ("/BucketEncryption"), or `@<Type>` when the resources of that type related to this one could not be listed
 * (a denied GetBucketPolicy marks its bucket with `@AWS::S3::BucketPolicy`).
 * `reason` is machine-readable: `collection_failed:<iam action>`, `unresolved:<what>`, `parameter:<name>` …
 */
export const UnknownMark = z.object({
  path: z.string(),
  reason: z.string().min(1),
});
export type UnknownMark = z.infer<typeof UnknownMark>;

/** A value that was resolved, but only by assuming something (a parameter's Default, say). */
export const Assumption = z.object({
  path: z.string(),
  note: z.string().min(1),
});
export type Assumption = z.infer<typeof Assumption>;

export const Location = z.object({
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  logicalId: z.string().optional(),
  address: z.string().optional(),
  arn: z.string().optional(),
  /** Lines of property paths inside the resource's code (JSON pointer → line), so a finding points at its line. */
  lines: z.record(z.string(), z.number().int().positive()).optional(),
});
export type Location = z.infer<typeof Location>;

/** A waiver written in code (CloudFormation Metadata, a Terraform comment); applied like one from ftr.yaml. */
export const Suppression = z.object({
  rule: z.string().min(1),
  reason: z.string().trim().min(10),
  owner: z.string().optional(),
  expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
});
export type Suppression = z.infer<typeof Suppression>;

/**
 * One resource in the model (ARCHITECTURE §3). `type` uses CloudFormation type names, or a documented pseudo-type
 * (`AWS::Account`, `AWS::Account::Region`, …; docs/resource-model.md). `physicalId` is what CloudFormation's `Ref`
 * returns for the resource (bucket name, security group id …), so a reference from another resource can be matched.
 */
export const Resource = z.object({
  uid: z.string().min(1),
  type: z.string().regex(/^[A-Za-z0-9]+(::[A-Za-z0-9]+){1,3}$/, 'a type like AWS::S3::Bucket'),
  source: Source,
  account: z.string().optional(),
  region: z.string().optional(),
  name: z.string().optional(),
  physicalId: z.string().optional(),
  properties: z.record(z.string(), z.unknown()),
  tags: z.record(z.string(), z.string()).default({}),
  location: Location.default({}),
  unknown: z.array(UnknownMark).default([]),
  assumptions: z.array(Assumption).default([]),
  suppressions: z.array(Suppression).default([]),
  /** Code the company ships to its customers (an onboarding template), judged by the customer-template rules only. */
  shippedToCustomers: z.boolean().optional(),
  observedAt: z.string().optional(),
});
export type Resource = z.infer<typeof Resource>;
export type ResourceInput = z.input<typeof Resource>;

/** A reference, inside a template, to another resource of the same snapshot (`Ref`, `Fn::GetAtt`). */
export interface ResourceRef {
  $ref: string;
  attribute?: string;
}

export function isResourceRef(value: unknown): value is ResourceRef {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';
}

/** The pseudo-region of account-wide (global) live resources such as IAM users. */
export const GLOBAL_REGION = 'global';

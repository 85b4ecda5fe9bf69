import { z } from 'zod';
import { RequirementRef } from '../model/requirement-ref.js';
import { Severity, Source } from '../model/status.js';

/**
 * How a rule relates to a requirement. `gates` is true only where the checklist really asks for what the rule checks;
 * `basis` names that part of the requirement (or, for an informing rule, what it informs).
 */
export const RuleRequirement = RequirementRef.extend({
  gates: z.boolean(),
  basis: z.string().min(10),
});
export type RuleRequirement = z.infer<typeof RuleRequirement>;

export const Remediation = z.object({
  summary: z.string().min(1),
  console: z.array(z.string().min(1)).default([]),
  cli: z.string().optional(),
  cloudformation: z.string().optional(),
  terraform: z.string().optional(),
  links: z.array(z.string().url()).default([]),
});
export type Remediation = z.infer<typeof Remediation>;

/** Best-practice topics from the seed guide that the FTR does not ask for; rules on them inform only. */
export const BEST_PRACTICE_TOPICS = ['logging', 'monitoring', 'infrastructure-as-code', 'scaling', 'cost', 'governance'] as const;

export const RuleMeta = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id'),
    title: z
      .string()
      .min(10)
      .max(100)
      .refine((t) => !/^ensure\b/i.test(t), 'a title states the compliant condition; it does not start with "Ensure"'),
    severity: Severity,
    requirements: z.array(RuleRequirement),
    bestPractice: z.enum(BEST_PRACTICE_TOPICS).optional(),
    resourceTypes: z.array(z.string().min(3)).min(1),
    /**
     * What the rule judges: the company's own infrastructure (default), or the templates it ships to customers
     * (CAA-002's cross-account role, the Customer-Deployed checklist). Each kind of rule sees only its resources.
     */
    target: z.enum(['product', 'customer-templates']).default('product'),
    sources: z.array(Source).min(1),
    rationale: z.string().min(20).max(600),
    remediation: Remediation,
    messages: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/), z.string().min(5)),
    /** IAM actions the rule's data comes from (live). Checked against what the collectors declare. */
    needs: z.array(z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9*]+$/, 'an IAM action like s3:GetBucketPolicy')),
    since: z.string().default('0.1.0'),
    notes: z.string().optional(),
  })
  .refine((m) => m.requirements.length > 0 || m.bestPractice !== undefined, {
    message: 'a rule maps to at least one requirement, or names its best-practice topic',
  });
export type RuleMeta = z.input<typeof RuleMeta>;

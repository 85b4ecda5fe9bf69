import { z } from 'zod';
import { OutcomeStatus } from './status.js';

export const OutcomeData = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type OutcomeData = z.infer<typeof OutcomeData>;

/**
 * What a rule concluded about one resource. Rules build these through their context (`ctx.pass` …); the engine adds
 * the rule id and the resource. `reason` is machine-readable and set for `unknown` and `error`
 * (`collection_failed:<action>`, `unresolved:<what>`, `rule_error`). `subject` names another resource when the
 * outcome is about it rather than the one evaluated (an account rule that reports per user).
 */
export const Outcome = z.object({
  status: OutcomeStatus,
  messageId: z.string().optional(),
  data: OutcomeData.default({}),
  path: z.string().optional(),
  reason: z.string().optional(),
  subject: z.string().optional(),
});
export type Outcome = z.infer<typeof Outcome>;

import { z } from 'zod';
import { Source, FindingStatus, Severity } from './status.js';

export const FindingResource = z.object({
  uid: z.string(),
  type: z.string(),
  name: z.string().optional(),
  account: z.string().optional(),
  region: z.string().optional(),
  source: Source,
  file: z.string().optional(),
  line: z.number().int().optional(),
  logicalId: z.string().optional(),
  address: z.string().optional(),
});
export type FindingResource = z.infer<typeof FindingResource>;

export const AppliedWaiver = z.object({
  reason: z.string(),
  owner: z.string().optional(),
  expires: z.string().optional(),
  origin: z.string(),
});
export type AppliedWaiver = z.infer<typeof AppliedWaiver>;

/** One rule outcome on one resource, as reports show it (ARCHITECTURE §7). */
export const Finding = z.object({
  id: z.string(),
  ruleId: z.string(),
  requirementIds: z.array(z.string()),
  status: FindingStatus,
  /** The outcome before a waiver applied (`fail` for a waived failure). */
  outcome: z.string(),
  severity: Severity,
  messageId: z.string().optional(),
  message: z.string(),
  reason: z.string().optional(),
  propertyPath: z.string().optional(),
  assumptions: z.array(z.string()).default([]),
  waiver: AppliedWaiver.nullable().default(null),
  observedAt: z.string().optional(),
  resource: FindingResource,
});
export type Finding = z.infer<typeof Finding>;

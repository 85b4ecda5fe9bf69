import { z } from 'zod';

/** Where a resource was seen. */
export const SOURCES = ['live', 'cloudformation', 'terraform'] as const;
export const Source = z.enum(SOURCES);
export type Source = z.infer<typeof Source>;

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

/** Rank for `--fail-on-severity`: higher is worse. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

/** What a rule says about one resource. `error` is set by the engine when a rule throws. */
export const OUTCOME_STATUSES = ['pass', 'fail', 'unknown', 'not_applicable', 'error'] as const;
export const OutcomeStatus = z.enum(OUTCOME_STATUSES);
export type OutcomeStatus = z.infer<typeof OutcomeStatus>;

/** What a finding says once waivers are applied. */
export const FINDING_STATUSES = [...OUTCOME_STATUSES, 'waived'] as const;
export const FindingStatus = z.enum(FINDING_STATUSES);
export type FindingStatus = z.infer<typeof FindingStatus>;

/** A requirement's answer. */
export const REQUIREMENT_STATUSES = [
  'compliant',
  'partially_compliant',
  'non_compliant',
  'not_applicable',
  'unknown',
] as const;
export const RequirementStatus = z.enum(REQUIREMENT_STATUSES);
export type RequirementStatus = z.infer<typeof RequirementStatus>;

/** The `--fail-on` order (ARCHITECTURE §8): partially_compliant < unknown < non_compliant. */
export const GATE_STATUSES = ['partially_compliant', 'unknown', 'non_compliant'] as const;
export const GateStatus = z.enum(GATE_STATUSES);
export type GateStatus = z.infer<typeof GateStatus>;

export function gateRank(status: RequirementStatus): number {
  return GATE_STATUSES.indexOf(status as GateStatus);
}

/** How the checklist words each status in the self-assessment. */
export const STATUS_LABELS: Record<RequirementStatus, string> = {
  compliant: 'Compliant',
  partially_compliant: 'Partially compliant',
  non_compliant: 'Non-compliant',
  not_applicable: 'Not applicable',
  unknown: 'Unknown',
};

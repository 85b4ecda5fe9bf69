import { z } from 'zod';

/** A checklist id such as `partner-hosted` or `customer-deployed`. */
export const ChecklistId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a checklist id like partner-hosted');

/**
 * Requirement ids follow the checklists (`S3-001`, `IAM-010`, `1.1`, `HOST-001.2`); they are validated against the
 * catalog, this pattern only keeps out obvious typos.
 */
export const RequirementId = z.string().regex(/^([A-Z][A-Z0-9]*-\d{3}(\.\d+)?|\d+\.\d+)$/, 'a requirement id like IAM-001 or 1.1');

/** Every reference to a requirement carries its checklist: ids overlap between checklists (BAR-001, SUP-001). */
export const RequirementRef = z.object({ checklist: ChecklistId, id: RequirementId });
export type RequirementRef = z.infer<typeof RequirementRef>;

export function requirementKey(ref: RequirementRef): string {
  return `${ref.checklist}:${ref.id}`;
}

/** Reads `IAM-001` (with a default checklist) or `partner-hosted:IAM-001`. */
export function parseRequirementKey(text: string, defaultChecklist: string): RequirementRef {
  const colon = text.indexOf(':');
  return colon < 0
    ? { checklist: defaultChecklist, id: text.trim() }
    : { checklist: text.slice(0, colon).trim(), id: text.slice(colon + 1).trim() };
}

/** Status and severity words, glyphs and CSS classes: colour always comes with a text label and a shape. */
import { STATUS_LABELS, type FindingStatus, type RequirementStatus, type Severity } from '../../core/index.js';

export const STATUS_GLYPH: Record<RequirementStatus, string> = {
  compliant: '✓',
  partially_compliant: '◐',
  non_compliant: '✗',
  not_applicable: '–',
  unknown: '?',
};

/** The order people read a summary in: what is done, what is half done, what is wrong, then the rest. */
export const SUMMARY_ORDER: readonly RequirementStatus[] = ['compliant', 'partially_compliant', 'non_compliant', 'unknown', 'not_applicable'];

export function statusBadge(status: RequirementStatus): string {
  return `<span class="badge st-${status}"><span class="glyph" aria-hidden="true">${STATUS_GLYPH[status]}</span>${STATUS_LABELS[status]}</span>`;
}

export const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

export function severityBadge(severity: Severity): string {
  return `<span class="sev sev-${severity}">${SEVERITY_LABEL[severity]}</span>`;
}

type RuleStatus = 'pass' | 'fail' | 'unknown' | 'error' | 'not_applicable';

export const OUTCOME_LABEL: Record<FindingStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  unknown: 'Not evaluated',
  error: 'Rule error',
  not_applicable: 'Not applicable',
  waived: 'Waived',
};

export function outcomeBadge(status: RuleStatus | FindingStatus): string {
  return `<span class="out out-${status}">${OUTCOME_LABEL[status]}</span>`;
}

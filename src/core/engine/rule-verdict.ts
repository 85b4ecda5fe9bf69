import type { Finding } from '../model/finding.js';
import type { FindingStatus, Source } from '../model/status.js';
import type { Rule } from '../rule/define-rule.js';
import { reason, uniqueReasons, type Reason } from './reasons.js';
import type { ResourceIndex } from './resource-index.js';

export type RuleStatus = 'pass' | 'fail' | 'unknown' | 'error' | 'not_applicable';

export interface RuleVerdict {
  ruleId: string;
  status: RuleStatus;
  reasons: Reason[];
  counts: Partial<Record<FindingStatus, number>>;
}

/**
 * One rule's answer over the whole scope (ARCHITECTURE §5, "first, per gating rule"):
 * - a failure that is not waived fails the rule; waived outcomes do not gate;
 * - an unknown or error outcome makes it unknown (error when the rule itself threw);
 * - an inventory of its resource types that was not fully listed makes it unknown — a partial listing can never
 *   pass or be "not applicable";
 * - no outcomes at all, with complete inventories, is not applicable;
 * - no source in scope that the rule applies to is unknown, `out_of_scope`.
 */
export function ruleVerdict(rule: Rule, findings: readonly Finding[], index: ResourceIndex): RuleVerdict {
  const counts: Partial<Record<FindingStatus, number>> = {};
  for (const f of findings) counts[f.status] = (counts[f.status] ?? 0) + 1;
  const ruleId = rule.meta.id;
  const sources = index.scope.sources.filter((s: Source) => rule.meta.sources.includes(s));
  if (sources.length === 0) {
    return {
      ruleId,
      status: 'unknown',
      counts,
      reasons: [reason('out_of_scope', `${ruleId} reads ${rule.meta.sources.join('/')} data; the scope has ${index.scope.sources.join(', ') || 'no input'}`, ruleId)],
    };
  }
  const unknownReasons: Reason[] = [];
  for (const f of findings) {
    if (f.status === 'unknown' || f.status === 'error') unknownReasons.push(reason(f.reason ?? `rule_error:${ruleId}`, undefined, ruleId));
  }
  for (const source of sources) {
    for (const type of rule.meta.resourceTypes) {
      const inventory = index.inventory(type, { source });
      if (!inventory.complete) unknownReasons.push(reason(inventory.reason ?? `not_collected:${type}`, undefined, ruleId));
    }
  }
  const has = (status: FindingStatus) => (counts[status] ?? 0) > 0;
  if (has('fail')) return { ruleId, status: 'fail', counts, reasons: uniqueReasons([reason(`rule_failed:${ruleId}`, undefined, ruleId), ...unknownReasons]) };
  if (unknownReasons.length > 0) return { ruleId, status: has('error') && !has('unknown') ? 'error' : 'unknown', counts, reasons: uniqueReasons(unknownReasons) };
  if (has('pass') || has('waived')) return { ruleId, status: 'pass', counts, reasons: [] };
  return { ruleId, status: 'not_applicable', counts, reasons: [reason('no_resources', undefined, ruleId)] };
}

// Test-only: runs every rule that reads both code and live data on both sides of each pair, reduces each side's
// outcomes to one verdict, and lists the pairs whose verdicts differ, readably.
import { evaluateRules, ProductFacts, renderMessage, ResourceIndex, type Outcome, type Resource, type Rule, type Snapshot } from '../../../src/core/index.js';
import type { Pair } from './pairing.js';

/** One side's answer for a (rule, resource): the worst outcome wins, as in the rule's own verdict; `none`: no outcome. */
export type Verdict = 'fail' | 'error' | 'unknown' | 'pass' | 'not_applicable' | 'none';
const ORDER: readonly Verdict[] = ['fail', 'error', 'unknown', 'pass', 'not_applicable'];

export interface Side {
  verdict: Verdict;
  /** `status messageId|reason path: message`, one per outcome. */
  outcomes: string[];
}

export interface Comparison {
  rule: string;
  pair: Pair;
  code: Side;
  live: Side;
}

/** The rules one pair is judged by: they read its type and declare both sources. */
export function rulesForBoth(rules: readonly Rule[]): Rule[] {
  return rules.filter((r) => r.meta.sources.includes('live') && r.meta.sources.includes('cloudformation') && r.meta.target !== 'customer-templates');
}

type OutcomesByRule = Map<string, Map<string, Outcome[]>>;

function evaluateSnapshot(snapshot: Snapshot, rules: readonly Rule[], facts: ProductFacts, now: Date): OutcomesByRule {
  const index = new ResourceIndex(snapshot.resources, snapshot.collection, { ...snapshot.scope });
  const out: OutcomesByRule = new Map();
  for (const { rule, results } of evaluateRules(rules, index, facts, now)) {
    const byUid = new Map<string, Outcome[]>();
    for (const { outcome, resource } of results) (byUid.get(resource.uid) ?? byUid.set(resource.uid, []).get(resource.uid)!).push(outcome);
    out.set(rule.meta.id, byUid);
  }
  return out;
}

function side(rule: Rule, resource: Resource, outcomes: readonly Outcome[]): Side {
  const verdict = ORDER.find((status) => outcomes.some((o) => o.status === status)) ?? 'none';
  return {
    verdict,
    outcomes: outcomes.map((o) => {
      const template = o.messageId !== undefined ? rule.meta.messages[o.messageId] : undefined;
      const text = template !== undefined ? renderMessage(template, { resource: resource.name ?? resource.physicalId ?? resource.uid, ...o.data }) : '';
      return [o.status, o.messageId ?? o.reason ?? '', o.path ?? '', text].filter((part) => part !== '').join(' ');
    }),
  };
}

export function compare(pairs: readonly Pair[], rules: readonly Rule[], code: Snapshot, live: Snapshot, facts = ProductFacts.parse({})): Comparison[] {
  const chosen = rulesForBoth(rules);
  const now = new Date(live.collectedAt);
  const codeOutcomes = evaluateSnapshot(code, chosen, facts, now);
  const liveOutcomes = evaluateSnapshot(live, chosen, facts, now);
  const comparisons: Comparison[] = [];
  for (const rule of chosen) {
    for (const pair of pairs) {
      if (!rule.meta.resourceTypes.includes(pair.type)) continue;
      comparisons.push({
        rule: rule.meta.id,
        pair,
        code: side(rule, pair.code, codeOutcomes.get(rule.meta.id)?.get(pair.code.uid) ?? []),
        live: side(rule, pair.live, liveOutcomes.get(rule.meta.id)?.get(pair.live.uid) ?? []),
      });
    }
  }
  return comparisons;
}

export function describeComparison(c: Comparison): string {
  const lines = [
    `${c.rule} on ${c.pair.file}#${c.pair.logicalId} (${c.pair.type}, live ${c.pair.live.uid})`,
    `  code: ${c.code.verdict}`,
    ...c.code.outcomes.map((o) => `    - ${o}`),
    `  live: ${c.live.verdict}`,
    ...c.live.outcomes.map((o) => `    - ${o}`),
  ];
  return lines.join('\n');
}

// Test helpers for collector tests: scan the harness's moto account with chosen collectors, then judge rules on it.
import type { AwsCredentialIdentity } from '@smithy/types';
import { expect } from 'vitest';
import { buildFindings, evaluateRules, ProductFacts, ResourceIndex, ruleVerdict, type CollectionRecord, type RuleVerdict, type Snapshot } from '../../../src/core/index.js';
import type { Collector } from '../../../src/collectors/framework/collector.js';
import { collectors } from '../../../src/collectors/index.js';
import { scanAccount } from '../../../src/collectors/framework/scan.js';
import { rules } from '../../../src/rules/index.js';
import type { AwsHarness } from '../../harness/index.js';

export const TEST_KEYS: AwsCredentialIdentity = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface ScanWithOptions {
  regions?: string[];
  credentials?: AwsCredentialIdentity;
  /** Few attempts keep persistent-throttling tests short; the adaptive retry mode is still on. */
  maxAttempts?: number;
  callTimeoutMs?: number;
}

/** Scans the harness account (through the fault proxy) with only the given collectors. */
export function scanWith(h: AwsHarness, collectors: readonly Collector[], options: ScanWithOptions = {}): Promise<Snapshot> {
  const credentials = options.credentials ?? TEST_KEYS;
  return scanAccount({
    credentials: async () => credentials,
    collectors,
    regions: options.regions ?? ['us-east-1'],
    endpoint: h.endpoint,
    maxAttempts: options.maxAttempts ?? 2,
    callTimeoutMs: options.callTimeoutMs ?? 10_000,
    tool: { name: 'ftr-ready', version: 'test' },
  });
}

/** The verdict of each named rule (or every rule) on a snapshot, as the assessment would compute it. */
export function verdicts(snapshot: Snapshot, ruleIds?: readonly string[], facts: Record<string, unknown> = {}): Map<string, RuleVerdict> {
  const chosen = ruleIds ? rules.filter((r) => ruleIds.includes(r.meta.id)) : rules;
  const index = new ResourceIndex(snapshot.resources, snapshot.collection, { ...snapshot.scope });
  const now = new Date(snapshot.collectedAt);
  const runs = evaluateRules(chosen, index, ProductFacts.parse(facts), now);
  const byUid = new Map(snapshot.resources.map((r) => [r.uid, r]));
  const findings = buildFindings(runs, [], now, 'partner-hosted', (uid) => byUid.get(uid));
  return new Map(chosen.map((rule) => [rule.meta.id, ruleVerdict(rule, findings.filter((f) => f.ruleId === rule.meta.id), index)]));
}

/** Rules whose declared data needs include one of these IAM actions. */
export function rulesNeeding(actions: readonly string[]): string[] {
  return rules.filter((r) => r.meta.needs.some((n) => actions.includes(n))).map((r) => r.meta.id);
}

/**
 * The types whose inventory the listing operations behind an IAM action give (the collectors' `listings`), sorted: what
 * that action's record lists whatever its outcome. Empty for an action only per-resource calls use.
 */
export function typesListedBy(action: string): string[] {
  const types = collectors.flatMap((c) => Object.entries<string>(c.operations).flatMap(([operation, a]) => (a === action ? (c.listings?.[operation] ?? []) : [])));
  return [...new Set(types)].sort();
}

/** Live rules that judge one of these types (`meta.resourceTypes`): a failed listing of it leaves them unknown. */
export function rulesJudging(types: readonly string[]): string[] {
  return rules.filter((r) => r.meta.sources.includes('live') && r.meta.resourceTypes.some((t) => types.includes(t))).map((r) => r.meta.id);
}

/**
 * What a failed call of `record.action` must leave behind: its record keeps the types the action's listings declare
 * (none for a per-resource action; a subset when collectors sharing the action did not all run), and every rule
 * judging one of them carries the reason `collection_failed:<action>` — the permission to grant, never
 * `not_collected:<type>` — and is `unknown` (or `fail`, on what it did see; never pass, never not applicable).
 */
export function expectListingReasons(snapshot: Snapshot, record: CollectionRecord): void {
  const types = typesListedBy(record.action);
  expect(types, `${record.action} lists ${record.lists.join(', ')}`).toEqual(expect.arrayContaining(record.lists));
  expect(record.lists.length > 0, `${record.action} lists ${types.join(', ')}`).toBe(types.length > 0);
  const judged = verdicts(snapshot, rulesJudging(record.lists));
  for (const [id, verdict] of judged) {
    const status = verdict.status === 'fail' ? 'unknown' : verdict.status;
    expect({ rule: id, status, reason: verdict.reasons.some((r) => r.code === `collection_failed:${record.action}`) }).toEqual({ rule: id, status: 'unknown', reason: true });
  }
}

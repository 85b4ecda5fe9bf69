// Test helpers for collector tests: scan the harness's moto account with chosen collectors, then judge rules on it.
import type { AwsCredentialIdentity } from '@smithy/types';
import { buildFindings, evaluateRules, ProductFacts, ResourceIndex, ruleVerdict, type RuleVerdict, type Snapshot } from '../../../src/core/index.js';
import type { Collector } from '../../../src/collectors/framework/collector.js';
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

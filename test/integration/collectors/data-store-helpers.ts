// Test helpers for the data-store collectors (S3, RDS, DynamoDB …): what one resource looks like after a scan, each
// rule's outcome per resource, and the checks every failure test repeats (record outcome, unknown marks, rules).
import { expect } from 'vitest';
import { evaluateRules, ProductFacts, ResourceIndex, type CollectionRecord, type Resource, type Snapshot } from '../../../src/core/index.js';
import { rules } from '../../../src/rules/index.js';
import { expectListingReasons, rulesNeeding, verdicts } from './scan-helpers.js';

export function resourcesOf(snapshot: Snapshot, type: string): Resource[] {
  return snapshot.resources.filter((r) => r.type === type);
}

export function resourceNamed(snapshot: Snapshot, type: string, name: string): Resource {
  const found = snapshot.resources.find((r) => r.type === type && (r.name === name || r.physicalId === name));
  if (!found) throw new Error(`no ${type} named ${name}; have ${resourcesOf(snapshot, type).map((r) => r.name).join(', ')}`);
  return found;
}

export function regionFacts(snapshot: Snapshot, region = 'us-east-1'): Resource {
  const found = snapshot.resources.find((r) => r.type === 'AWS::Account::Region' && r.region === region);
  if (!found) throw new Error(`no AWS::Account::Region for ${region}`);
  return found;
}

export function accountFacts(snapshot: Snapshot): Resource {
  const found = snapshot.resources.find((r) => r.type === 'AWS::Account');
  if (!found) throw new Error('no AWS::Account');
  return found;
}

export function record(snapshot: Snapshot, action: string, region?: string): CollectionRecord {
  const found = snapshot.collection.find((r) => r.action === action && (region === undefined || r.region === region));
  if (!found) throw new Error(`no collection record for ${action}; have ${snapshot.collection.map((r) => r.action).join(', ')}`);
  return found;
}

/** The outcome statuses of one rule, per resource uid (a rule may give several outcomes for one resource). */
export function outcomesByUid(snapshot: Snapshot, ruleId: string): Map<string, string[]> {
  const rule = rules.find((r) => r.meta.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const index = new ResourceIndex(snapshot.resources, snapshot.collection, { ...snapshot.scope });
  const [run] = evaluateRules([rule], index, ProductFacts.parse({}), new Date(snapshot.collectedAt));
  const out = new Map<string, string[]>();
  for (const { outcome, resource } of run?.results ?? []) out.set(resource.uid, [...(out.get(resource.uid) ?? []), outcome.status]);
  return out;
}

/** The single outcome status of a rule on one resource. */
export function outcomeOn(snapshot: Snapshot, ruleId: string, uid: string): string | undefined {
  const statuses = outcomesByUid(snapshot, ruleId).get(uid);
  return statuses === undefined ? undefined : statuses.includes('fail') ? 'fail' : statuses.includes('unknown') ? 'unknown' : statuses[0];
}

export function unknownPaths(resource: Resource): string[] {
  return resource.unknown.map((m) => m.path).sort();
}

/**
 * The consequences of a failed action: its record has the outcome (and the affected uids when given) and keeps the
 * types its listings declare (rules judging them are unknown with `collection_failed:<action>`), and every named rule
 * comes out `unknown` — never pass, never not applicable. With no rule ids given, every rule that declares the action
 * in `needs` is checked.
 */
export function expectFailure(snapshot: Snapshot, action: string, outcome: string, options: { affected?: string[]; rules?: string[]; region?: string } = {}): void {
  const r = record(snapshot, action, options.region);
  expect(r.outcome, `${action} record`).toBe(outcome);
  expectListingReasons(snapshot, r);
  if (options.affected) expect(r.affected).toEqual([...options.affected].sort());
  const ruleIds = options.rules ?? rulesNeeding([action]);
  const judged = verdicts(snapshot, ruleIds);
  for (const id of ruleIds) expect(judged.get(id)?.status, `${id} after ${action} ${outcome}`).toBe('unknown');
}

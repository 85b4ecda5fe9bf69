// Test helpers for the identity, account and governance collectors: find what a scan wrote, and check what a failed
// call must leave behind (its record, unknown marks, and rules that come out unknown — never pass or not applicable).
import { expect } from 'vitest';
import type { CollectionRecord, Resource, Snapshot } from '../../../src/core/index.js';
import { expectListingReasons, verdicts } from './scan-helpers.js';

export const ACCOUNT = '123456789012';

export function ofType(snapshot: Snapshot, type: string): Resource[] {
  return snapshot.resources.filter((r) => r.type === type);
}

export function byUid(snapshot: Snapshot, uid: string): Resource {
  const found = snapshot.resources.find((r) => r.uid === uid);
  if (!found) throw new Error(`no resource ${uid}; have ${snapshot.resources.map((r) => r.uid).join(', ')}`);
  return found;
}

export function named(snapshot: Snapshot, type: string, name: string): Resource {
  const found = snapshot.resources.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`no ${type} named ${name}; have ${ofType(snapshot, type).map((r) => r.name).join(', ')}`);
  return found;
}

export function account(snapshot: Snapshot, id = ACCOUNT): Resource {
  return byUid(snapshot, `account:${id}`);
}

export function region(snapshot: Snapshot, name = 'us-east-1'): Resource {
  return byUid(snapshot, `account:${ACCOUNT}/region:${name}`);
}

export function record(snapshot: Snapshot, action: string, regionName?: string): CollectionRecord {
  const found = snapshot.collection.find((r) => r.action === action && (regionName === undefined || r.region === regionName));
  if (!found) throw new Error(`no record for ${action}${regionName ? ` in ${regionName}` : ''}; have ${snapshot.collection.map((r) => `${r.action}@${r.region}`).join(', ')}`);
  return found;
}

/** The marks of a resource as `path → reason`. */
export function marks(resource: Resource): Record<string, string> {
  return Object.fromEntries(resource.unknown.map((m) => [m.path, m.reason]));
}

export function statuses(snapshot: Snapshot, ruleIds: readonly string[], facts: Record<string, unknown> = {}): Record<string, string | undefined> {
  const judged = verdicts(snapshot, ruleIds, facts);
  return Object.fromEntries(ruleIds.map((id) => [id, judged.get(id)?.status]));
}

/** Every named rule comes out `unknown`. */
export function expectUnknown(snapshot: Snapshot, ruleIds: readonly string[], context: string, facts: Record<string, unknown> = {}): void {
  expect(ruleIds.length, `${context}: no rules to check`).toBeGreaterThan(0);
  const got = statuses(snapshot, ruleIds, facts);
  expect(got, context).toEqual(Object.fromEntries(ruleIds.map((id) => [id, 'unknown'])));
}

/**
 * The record of a failed action: its outcome, the types its listings declare (rules judging them are unknown with
 * `collection_failed:<action>`), and (when given) the affected uids.
 */
export function expectFailedRecord(snapshot: Snapshot, action: string, outcome: string, options: { region?: string; affected?: string[] } = {}): void {
  const r = record(snapshot, action, options.region);
  expect(r.outcome, `${action} record`).toBe(outcome);
  expectListingReasons(snapshot, r);
  if (options.affected) expect(r.affected).toEqual([...options.affected].sort());
}

// Test helpers for the network, compute, edge and monitoring collectors: finding resources and records in a snapshot,
// and the checks every failure test repeats (the record's outcome, and dependent rules never passing).
import { expect } from 'vitest';
import type { CollectionRecord, Resource, Snapshot } from '../../../src/core/index.js';
import type { AwsHarness } from '../../harness/index.js';
import { expectListingReasons, rulesNeeding, verdicts } from './scan-helpers.js';

export function ofType(snapshot: Snapshot, type: string): Resource[] {
  return snapshot.resources.filter((r) => r.type === type);
}

/** The one resource of a type with this name or physical id. */
export function named(snapshot: Snapshot, type: string, name: string): Resource {
  const found = ofType(snapshot, type).find((r) => r.name === name || r.physicalId === name);
  if (!found) throw new Error(`no ${type} named ${name}; have ${ofType(snapshot, type).map((r) => r.name).join(', ')}`);
  return found;
}

export function recordOf(snapshot: Snapshot, action: string, region = 'us-east-1'): CollectionRecord {
  const found = snapshot.collection.find((r) => r.action === action && r.region === region);
  if (!found) throw new Error(`no record for ${action} in ${region}; have ${snapshot.collection.map((r) => `${r.action}@${r.region}`).join(', ')}`);
  return found;
}

export function regionFacts(snapshot: Snapshot, region = 'us-east-1'): Resource {
  const found = snapshot.resources.find((r) => r.type === 'AWS::Account::Region' && r.region === region);
  if (!found) throw new Error(`no AWS::Account::Region for ${region}`);
  return found;
}

/** Every record of the scan is `ok`, and each listing action completes the inventories named. */
export function expectListings(snapshot: Snapshot, lists: Record<string, string[]>, region = 'us-east-1'): void {
  for (const r of snapshot.collection) expect({ action: r.action, outcome: r.outcome }).toEqual({ action: r.action, outcome: 'ok' });
  for (const [action, types] of Object.entries(lists)) expect(recordOf(snapshot, action, region).lists).toEqual([...types].sort());
}

/**
 * A failed action: its record says `outcome` and keeps the types its listings declare (rules judging them are unknown
 * with `collection_failed:<action>`), and every rule that needs the action comes out `unknown` — or `fail` on what it
 * did see, never pass, never not applicable. Returns the verdicts for further checks.
 */
export function expectFailed(snapshot: Snapshot, action: string, outcome: string, region = 'us-east-1'): Map<string, { status: string; reasons: Array<{ code: string }> }> {
  const record = recordOf(snapshot, action, region);
  expect(record.outcome).toBe(outcome);
  expectListingReasons(snapshot, record);
  const dependent = rulesNeeding([action]);
  const judged = verdicts(snapshot, dependent);
  // A rule may still fail on what it did see (fail wins); it must never pass or be not applicable.
  for (const id of dependent) expect({ rule: id, status: judged.get(id)?.status === 'fail' ? 'unknown' : judged.get(id)?.status }).toEqual({ rule: id, status: 'unknown' });
  return judged;
}

/** Secrets seeded into the account must appear nowhere in the snapshot, in clear or in base64. */
export function expectNoSecret(snapshot: Snapshot, ...secrets: string[]): void {
  const text = JSON.stringify(snapshot);
  for (const secret of secrets) {
    expect(text.includes(secret), `snapshot contains ${secret.slice(0, 4)}…`).toBe(false);
    expect(text.includes(Buffer.from(secret).toString('base64').slice(0, 16))).toBe(false);
  }
}

/** Which answers a list operation got through the proxy (`moto`, then `page` for the split pages). */
export function answeredBy(h: AwsHarness, service: string, operation: string): string[] {
  return h.proxy.callsTo(service, operation).map((c) => c.answeredBy);
}

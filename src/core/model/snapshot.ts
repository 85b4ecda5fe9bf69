import { z } from 'zod';
import { Resource } from './resource.js';
import { Source } from './status.js';

export const SNAPSHOT_SCHEMA_VERSION = 1;

export const COLLECTION_OUTCOMES = ['ok', 'access_denied', 'throttled', 'unsupported', 'error'] as const;
export const CollectionOutcome = z.enum(COLLECTION_OUTCOMES);
export type CollectionOutcome = z.infer<typeof CollectionOutcome>;

/**
 * What happened when one IAM action was exercised in one account and region (live), or when one input file was read
 * (code: `action` is `parse`). `lists` names the resource types whose inventory this record completes when its
 * outcome is `ok` (`*` = every type, for a template that parsed); it is what lets an empty inventory be "not
 * applicable" (ARCHITECTURE §3, §5).
 */
export const CollectionRecord = z.object({
  source: Source,
  service: z.string().min(1),
  action: z.string().min(1),
  operation: z.string().optional(),
  account: z.string().optional(),
  region: z.string().optional(),
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  outcome: CollectionOutcome,
  calls: z.partialRecord(CollectionOutcome, z.number().int().nonnegative()).default({}),
  affected: z.array(z.string()).default([]),
  lists: z.array(z.string()).default([]),
  message: z.string().optional(),
});
export type CollectionRecord = z.infer<typeof CollectionRecord>;
export type CollectionRecordInput = z.input<typeof CollectionRecord>;

export const SnapshotScope = z.object({
  sources: z.array(Source),
  accounts: z.array(z.string()).default([]),
  regions: z.array(z.string()).default([]),
  files: z.array(z.string()).default([]),
});
export type SnapshotScope = z.infer<typeof SnapshotScope>;

export const Snapshot = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  kind: z.literal('ftr-ready/snapshot'),
  tool: z.object({ name: z.string(), version: z.string() }),
  collectedAt: z.string(),
  scope: SnapshotScope,
  accounts: z.array(z.object({ id: z.string(), name: z.string().optional() })).default([]),
  resources: z.array(Resource),
  collection: z.array(CollectionRecord),
});
export type Snapshot = z.infer<typeof Snapshot>;
export type SnapshotInput = z.input<typeof Snapshot>;

/** The most telling outcome of several calls: a denial says more than a throttle, a throttle more than an error. */
const OUTCOME_WEIGHT: Record<CollectionOutcome, number> = {
  ok: 0,
  unsupported: 1,
  error: 2,
  throttled: 3,
  access_denied: 4,
};

export function worstOutcome(outcomes: Iterable<CollectionOutcome>): CollectionOutcome {
  let worst: CollectionOutcome = 'ok';
  for (const outcome of outcomes) if (OUTCOME_WEIGHT[outcome] > OUTCOME_WEIGHT[worst]) worst = outcome;
  return worst;
}

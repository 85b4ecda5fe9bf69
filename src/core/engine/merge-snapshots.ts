import type { Resource } from '../model/resource.js';
import type { CollectionRecord, Snapshot } from '../model/snapshot.js';
import type { Source } from '../model/status.js';
import type { Scope } from './resource-index.js';

const union = <T>(lists: Iterable<readonly T[]>): T[] => [...new Set([...lists].flat())];

/** Several snapshots (accounts, templates) assessed together: one scope, one inventory. */
export function mergeSnapshots(snapshots: readonly Snapshot[]): { resources: Resource[]; records: CollectionRecord[]; scope: Scope } {
  const uids = new Set<string>();
  const resources: Resource[] = [];
  for (const snapshot of snapshots) {
    for (const resource of snapshot.resources) {
      if (uids.has(resource.uid)) continue;
      uids.add(resource.uid);
      resources.push(resource);
    }
  }
  return {
    resources,
    records: snapshots.flatMap((s) => s.collection),
    scope: {
      sources: union<Source>(snapshots.map((s) => s.scope.sources)),
      accounts: union(snapshots.map((s) => s.scope.accounts)),
      regions: union(snapshots.map((s) => s.scope.regions)),
      files: union(snapshots.map((s) => s.scope.files)),
    },
  };
}

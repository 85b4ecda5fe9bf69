import { isResourceRef, type Resource } from '../model/resource.js';
import type { CollectionRecord } from '../model/snapshot.js';
import type { Source } from '../model/status.js';
import type { InventoryFilter, RelatedResult } from '../rule/context.js';
import { readPointer } from './pointer.js';

export interface Scope {
  sources: Source[];
  accounts: string[];
  regions: string[];
  files: string[];
}

const CODE_SOURCES: readonly Source[] = ['cloudformation', 'terraform'];

/** Whether a reference value (a `Ref`, an id, a name, an ARN) points at `target`. */
export function refersTo(value: unknown, target: Resource): boolean {
  if (isResourceRef(value)) return value.$ref === target.uid;
  if (typeof value !== 'string' || value === '') return false;
  return value === target.uid || value === target.physicalId || value === target.location.arn;
}

/**
 * The resources of one assessment, indexed for rules: by type, and with the collection records that say whether an
 * inventory is complete (ARCHITECTURE §3, §5).
 */
export class ResourceIndex {
  private readonly byType = new Map<string, Resource[]>();

  constructor(
    readonly resources: readonly Resource[],
    readonly records: readonly CollectionRecord[],
    readonly scope: Scope,
  ) {
    for (const resource of resources) {
      const list = this.byType.get(resource.type);
      if (list) list.push(resource);
      else this.byType.set(resource.type, [resource]);
    }
  }

  ofType(type: string, filter: InventoryFilter = {}): Resource[] {
    return (this.byType.get(type) ?? []).filter(
      (r) =>
        (filter.source === undefined || r.source === filter.source) &&
        (filter.account === undefined || r.account === filter.account) &&
        (filter.region === undefined || r.region === filter.region),
    );
  }

  /**
   * Complete when every input that could hold resources of `type` was read: every template parsed, and for live
   * accounts an `ok` listing record in every account of the scope (and every Region, for a regional type).
   */
  inventory(type: string, filter: InventoryFilter = {}): { complete: boolean; reason?: string } {
    const sources = filter.source ? [filter.source] : this.scope.sources;
    for (const source of sources) {
      const verdict = CODE_SOURCES.includes(source) ? this.codeInventory(source) : this.liveInventory(type, filter);
      if (!verdict.complete) return verdict;
    }
    return { complete: true };
  }

  private codeInventory(source: Source): { complete: boolean; reason?: string } {
    const files = this.records.filter((r) => r.source === source && r.action === 'parse');
    if (files.length === 0) return { complete: false, reason: `not_collected:${source}` };
    const failed = files.find((r) => r.outcome !== 'ok');
    return failed ? { complete: false, reason: `input_error:${failed.file ?? 'unknown file'}` } : { complete: true };
  }

  private liveInventory(type: string, filter: InventoryFilter): { complete: boolean; reason?: string } {
    const listing = this.records.filter((r) => r.source === 'live' && (r.lists.includes(type) || r.lists.includes('*')));
    const accounts = filter.account !== undefined ? [filter.account] : this.scope.accounts;
    if (listing.length === 0 || accounts.length === 0) return { complete: false, reason: `not_collected:${type}` };
    for (const account of accounts) {
      const mine = listing.filter((r) => r.account === account);
      if (mine.length === 0) return { complete: false, reason: `not_collected:${type}` };
      const regional = mine.some((r) => r.region !== undefined && r.region !== 'global');
      const regions = regional ? (filter.region !== undefined ? [filter.region] : this.scope.regions) : [undefined];
      for (const region of regions) {
        const here = region === undefined ? mine : mine.filter((r) => r.region === region);
        if (here.length === 0) return { complete: false, reason: `not_collected:${type}` };
        const failed = here.find((r) => r.outcome !== 'ok');
        if (failed) return { complete: false, reason: `collection_failed:${failed.action}` };
      }
    }
    return { complete: true };
  }

  related(resource: Resource, type: string, property: string): RelatedResult {
    const relationMark = resource.unknown.find((mark) => mark.path === `@${type}`);
    const candidates = this.ofType(type, { source: resource.source, account: resource.account });
    const pointer = `/${property}`;
    const matched: Resource[] = [];
    let uncertain: string | undefined;
    for (const candidate of candidates) {
      const mark = candidate.unknown.find((m) => m.path === pointer || pointer.startsWith(`${m.path}/`) || m.path === '');
      if (mark) uncertain ??= mark.reason;
      else if (refersTo(readPointer(candidate.properties, pointer), resource)) matched.push(candidate);
    }
    const inventory = this.inventory(type, { source: resource.source, account: resource.account });
    const reason = relationMark?.reason ?? uncertain ?? (inventory.complete ? undefined : inventory.reason);
    return reason === undefined ? { resources: matched, complete: true } : { resources: matched, complete: false, reason };
  }

  /**
   * The resource a reference points at. Names repeat across Regions (`default.postgres16` exists in every Region),
   * so a match in the referring resource's own Region wins.
   */
  resolve(from: Resource, value: unknown, type?: string): Resource | undefined {
    const pool = type ? this.ofType(type, { source: from.source, account: from.account }) : this.resources;
    const matches = pool.filter((r) => r.source === from.source && (type !== undefined || r.account === from.account) && refersTo(value, r));
    return matches.find((r) => r.region === from.region) ?? matches[0];
  }
}

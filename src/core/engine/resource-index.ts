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

type Verdict = { complete: boolean; reason?: string };

/** The candidates of one relation (type, property, source, account), keyed by the reference each one holds. */
interface RelationTable {
  candidates: Resource[];
  /** Candidate positions by the uid of a `{ $ref }` value. */
  byRef: Map<string, number[]>;
  /** Candidate positions by a literal reference (id, name, ARN). */
  byText: Map<string, number[]>;
  /** The reason of the first candidate whose reference is unknown: it may point at any resource. */
  uncertain: string | undefined;
}

/** A pool of resources a reference may resolve to, keyed by uid and by the names a reference may use. */
interface NameTable {
  pool: Resource[];
  byUid: Map<string, number[]>;
  byName: Map<string, number[]>;
}

const ANY = '\u0001';

function add(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list) list.push(position);
  else map.set(key, [position]);
}

function pick<T>(items: readonly T[], ...lists: Array<readonly number[] | undefined>): T[] {
  const positions = new Set<number>();
  for (const list of lists) for (const p of list ?? []) positions.add(p);
  return [...positions].sort((a, b) => a - b).map((p) => items[p]!);
}

/**
 * The resources of one assessment, indexed for rules: by type, and with the collection records that say whether an
 * inventory is complete (ARCHITECTURE §3, §5). Inventories, relations and reference lookups are computed once per
 * key and kept: rules ask the same questions for every resource, and answering each by scanning the whole input made
 * large inputs quadratic (bench/README.md). Resources and records never change after construction.
 */
export class ResourceIndex {
  private readonly byType = new Map<string, Resource[]>();
  private readonly inventories = new Map<string, Verdict>();
  private readonly relations = new Map<string, RelationTable>();
  private readonly names = new Map<string, NameTable>();

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
    const key = [type, filter.source ?? ANY, filter.account ?? ANY, filter.region ?? ANY].join('\0');
    let verdict = this.inventories.get(key);
    if (verdict === undefined) {
      verdict = this.computeInventory(type, filter);
      this.inventories.set(key, verdict);
    }
    return { ...verdict };
  }

  private computeInventory(type: string, filter: InventoryFilter): Verdict {
    const sources = filter.source ? [filter.source] : this.scope.sources;
    for (const source of sources) {
      const verdict = CODE_SOURCES.includes(source) ? this.codeInventory(source) : this.liveInventory(type, filter);
      if (!verdict.complete) return verdict;
    }
    return { complete: true };
  }

  private codeInventory(source: Source): Verdict {
    const files = this.records.filter((r) => r.source === source && r.action === 'parse');
    if (files.length === 0) return { complete: false, reason: `not_collected:${source}` };
    const failed = files.find((r) => r.outcome !== 'ok');
    return failed ? { complete: false, reason: `input_error:${failed.file ?? 'unknown file'}` } : { complete: true };
  }

  private liveInventory(type: string, filter: InventoryFilter): Verdict {
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

  private relationTable(type: string, property: string, source: Source, account: string | undefined): RelationTable {
    const key = [type, property, source, account ?? ANY].join('\0');
    const cached = this.relations.get(key);
    if (cached) return cached;
    const pointer = `/${property}`;
    const table: RelationTable = { candidates: this.ofType(type, { source, account }), byRef: new Map(), byText: new Map(), uncertain: undefined };
    table.candidates.forEach((candidate, position) => {
      const mark = candidate.unknown.find((m) => m.path === pointer || pointer.startsWith(`${m.path}/`) || m.path === '');
      if (mark) {
        table.uncertain ??= mark.reason;
        return;
      }
      const value = readPointer(candidate.properties, pointer);
      if (isResourceRef(value)) add(table.byRef, value.$ref, position);
      else if (typeof value === 'string' && value !== '') add(table.byText, value, position);
    });
    this.relations.set(key, table);
    return table;
  }

  related(resource: Resource, type: string, property: string): RelatedResult {
    const relationMark = resource.unknown.find((mark) => mark.path === `@${type}`);
    const table = this.relationTable(type, property, resource.source, resource.account);
    const names = [resource.uid, resource.physicalId, resource.location.arn].filter((n): n is string => n !== undefined && n !== '');
    const matched = pick(table.candidates, table.byRef.get(resource.uid), ...names.map((n) => table.byText.get(n)));
    const inventory = this.inventory(type, { source: resource.source, account: resource.account });
    const reason = relationMark?.reason ?? table.uncertain ?? (inventory.complete ? undefined : inventory.reason);
    return reason === undefined ? { resources: matched, complete: true } : { resources: matched, complete: false, reason };
  }

  /** Resources of `type` (any type when absent) a reference from `from` may name; untyped lookups stay in its account. */
  private nameTable(type: string | undefined, from: Resource): NameTable {
    const key = [type ?? ANY, from.source, from.account ?? ANY].join('\0');
    const cached = this.names.get(key);
    if (cached) return cached;
    const pool =
      type !== undefined
        ? this.ofType(type, { source: from.source, account: from.account })
        : this.resources.filter((r) => r.source === from.source && r.account === from.account);
    const table: NameTable = { pool, byUid: new Map(), byName: new Map() };
    pool.forEach((r, position) => {
      add(table.byUid, r.uid, position);
      for (const name of new Set([r.physicalId, r.location.arn])) if (name !== undefined && name !== '' && name !== r.uid) add(table.byName, name, position);
    });
    this.names.set(key, table);
    return table;
  }

  /**
   * The resource a reference points at. Names repeat across Regions (`default.postgres16` exists in every Region),
   * so a match in the referring resource's own Region wins.
   */
  resolve(from: Resource, value: unknown, type?: string): Resource | undefined {
    let matches: Resource[];
    if (isResourceRef(value)) {
      const table = this.nameTable(type, from);
      matches = pick(table.pool, table.byUid.get(value.$ref));
    } else if (typeof value === 'string' && value !== '') {
      const table = this.nameTable(type, from);
      matches = pick(table.pool, table.byUid.get(value), table.byName.get(value));
    } else return undefined;
    return matches.find((r) => r.region === from.region) ?? matches[0];
  }
}

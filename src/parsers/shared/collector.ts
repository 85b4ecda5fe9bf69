import {
  SNAPSHOT_SCHEMA_VERSION,
  type CollectionRecord,
  type Resource,
  type Snapshot,
  type Source,
} from '../../core/index.js';
import type { FileProblem } from './input-error.js';

export interface ToolInfo {
  name: string;
  version: string;
}

export const DEFAULT_TOOL: ToolInfo = { name: 'ftr-ready', version: '0.0.0' };

const MAX_PROBLEMS_IN_MESSAGE = 20;

/**
 * Collects what parsing produces — resources and one collection record per input file — and turns it into a
 * snapshot. A file seen twice (a nested template used by two stacks) keeps one record, with every problem.
 */
export class SnapshotCollector {
  readonly resources: Resource[] = [];
  private readonly records = new Map<string, { record: CollectionRecord; problems: FileProblem[] }>();
  private readonly sources = new Set<Source>();
  private readonly uids = new Set<string>();

  add(resource: Resource): void {
    if (this.uids.has(resource.uid)) return;
    this.uids.add(resource.uid);
    this.resources.push(resource);
  }

  has(uid: string): boolean {
    return this.uids.has(uid);
  }

  /** Removes the resources a predicate selects (a template first read alone, then found to be a nested stack). */
  remove(select: (resource: Resource) => boolean): void {
    const keep = this.resources.filter((resource) => !select(resource));
    for (const resource of this.resources) if (select(resource)) this.uids.delete(resource.uid);
    this.resources.length = 0;
    this.resources.push(...keep);
  }

  /** Records that a file was read: `ok` when it had no problems, else `error` with the first problem's line. */
  fileRead(source: Source, file: string, problems: readonly FileProblem[] = [], note?: string): void {
    this.sources.add(source);
    const existing = this.records.get(file);
    const all = [...(existing?.problems ?? []), ...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const first = all[0];
    const messages = all.slice(0, MAX_PROBLEMS_IN_MESSAGE).map((p) => (p.line !== undefined ? `line ${p.line}: ${p.message}` : p.message));
    if (all.length > MAX_PROBLEMS_IN_MESSAGE) messages.push(`… and ${all.length - MAX_PROBLEMS_IN_MESSAGE} more problems`);
    const message = all.length > 0 ? messages.join('; ') : (note ?? existing?.record.message);
    const record: CollectionRecord = {
      source,
      service: source,
      action: 'parse',
      file,
      outcome: all.length > 0 ? 'error' : 'ok',
      calls: all.length > 0 ? { error: 1 } : { ok: 1 },
      affected: [],
      lists: all.length > 0 ? [] : ['*'],
      ...(first?.line !== undefined ? { line: first.line } : {}),
      ...(message !== undefined ? { message } : {}),
    };
    this.records.set(file, { record, problems: all });
  }

  /** An input that could not be read at all, or one the parser does not follow (a remote nested template). */
  fileFailed(source: Source, file: string, problem: FileProblem, outcome: 'error' | 'unsupported' = 'error'): void {
    if (outcome === 'error') {
      this.fileRead(source, file, [problem]);
      return;
    }
    this.sources.add(source);
    this.records.set(file, {
      record: { source, service: source, action: 'parse', file, outcome, calls: { unsupported: 1 }, affected: [], lists: [], message: problem.message, ...(problem.line !== undefined ? { line: problem.line } : {}) },
      problems: [problem],
    });
  }

  hasRecord(file: string): boolean {
    return this.records.has(file);
  }

  snapshot(tool: ToolInfo = DEFAULT_TOOL, collectedAt = new Date().toISOString()): Snapshot {
    const records = [...this.records.values()].map((entry) => entry.record);
    return {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      kind: 'ftr-ready/snapshot',
      tool,
      collectedAt,
      scope: { sources: [...this.sources].sort(), accounts: [], regions: [], files: records.map((r) => r.file!).filter((f) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(f)) },
      accounts: [],
      resources: this.resources,
      collection: records,
    };
  }
}

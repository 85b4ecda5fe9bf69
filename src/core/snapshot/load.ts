import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Snapshot } from '../model/snapshot.js';
import { jsonErrorOffset } from './json-position.js';
import type { LoadResult, Problem } from '../problems/problem.js';

export interface LoadedSnapshot {
  path: string;
  sha256: string;
  snapshot: Snapshot;
}

/** Where a character offset of a text falls, as line and column (1-based). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Reads and validates a snapshot file; JSON syntax errors name their line. */
export function loadSnapshot(path: string): LoadResult<LoadedSnapshot> {
  const fail = (problem: Omit<Problem, 'severity' | 'file'>): LoadResult<LoadedSnapshot> => ({
    value: undefined,
    errors: [{ severity: 'error', file: path, ...problem }],
    warnings: [],
  });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail({ code: 'snapshot_unreadable', message: code === 'ENOENT' ? 'no such snapshot file' : `cannot read the snapshot (${code ?? 'error'})` });
  }
  const text = bytes.toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = lineAndColumn(text, jsonErrorOffset(text));
    const what = message.split('\n')[0]!.replace(/,? ?(in JSON )?at position \d+.*$/, '').replace(/, \.\.\..*$/s, '').slice(0, 120);
    return fail({ code: 'snapshot_json', message: `not valid JSON (${what}); expected a snapshot written by \`ftr scan\` or \`ftr iac\``, ...where });
  }
  const result = Snapshot.safeParse(data);
  if (!result.success) {
    const errors: Problem[] = result.error.issues.slice(0, 20).map((issue) => ({
      severity: 'error',
      code: `schema_${issue.code}`,
      file: path,
      path: issue.path.map(String).join('.'),
      message: `${issue.message}; expected a snapshot written by \`ftr scan\` or \`ftr iac\``,
    }));
    return { value: undefined, errors, warnings: [] };
  }
  return { value: { path, sha256: createHash('sha256').update(bytes).digest('hex'), snapshot: result.data }, errors: [], warnings: [] };
}

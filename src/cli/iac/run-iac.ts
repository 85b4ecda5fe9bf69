import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Snapshot } from '../../core/index.js';
import { failWith } from '../io/exit.js';
import { TOOL } from '../io/tool.js';
import { readParameters } from './parameters.js';

export interface IacFlags {
  parameters?: string;
  customerTemplates?: string[];
  quiet?: boolean;
}

/** Reads templates and plans into a snapshot. A path that does not exist ends the run (exit 2); a file that does not parse is reported and the others are read. */
/**
 * ftr.yaml names customer templates relative to its own folder; the parsers name files relative to the working
 * folder. Rewrites one into the other so the same ftr.yaml works from anywhere.
 */
export function templatesFromConfig(globs: readonly string[], configDir: string): string[] {
  return globs.map((glob) => {
    const full = isAbsolute(glob) ? glob : resolve(configDir, glob);
    const rel = relative(process.cwd(), full);
    return (rel.startsWith('..') || isAbsolute(rel) ? full : rel).split('\\').join('/');
  });
}

export async function runIac(paths: string[], flags: IacFlags, configTemplates: readonly string[] = []): Promise<Snapshot> {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) failWith(missing.map((p) => ({ severity: 'error' as const, code: 'path_missing', message: 'no such file or folder', file: p })));
  const parameters = flags.parameters ? readParameters(flags.parameters) : undefined;
  const { parseIacPaths } = await import('../../parsers/index.js');
  const snapshot = await parseIacPaths(paths, { parameters, customerTemplates: [...configTemplates, ...(flags.customerTemplates ?? [])], tool: TOOL });
  if (!flags.quiet) {
    const failed = snapshot.collection.filter((r) => r.outcome !== 'ok');
    const files = snapshot.collection.length;
    process.stderr.write(`read ${files} file(s): ${snapshot.resources.length} resources${failed.length ? `, ${failed.length} could not be read` : ''}\n`);
    for (const r of failed) process.stderr.write(`${r.file ?? '?'}${r.line ? `:${r.line}` : ''}: error: ${r.message ?? 'could not be read'}\n`);
  }
  return snapshot;
}

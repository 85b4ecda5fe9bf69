import { existsSync } from 'node:fs';
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

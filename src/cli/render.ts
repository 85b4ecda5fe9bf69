import type { Assessment } from '../core/index.js';
import { reporters, type ReportFormat } from '../reporters/index.js';
import { useColor } from './io/color.js';
import { failWith } from './io/exit.js';
import { emit, writeFileAtomic } from './io/write-output.js';

export function renderReport(assessment: Assessment, format: ReportFormat, color: boolean): string | Uint8Array {
  const reporter = reporters[format];
  return reporter.render(assessment, { color, width: process.stdout.columns ?? 100 });
}

/** Renders one report to `--out` or stdout. Binary formats need a file. */
export function emitReport(assessment: Assessment, format: ReportFormat, out: string | undefined): void {
  const reporter = reporters[format];
  if (reporter.binary && out === undefined && process.stdout.isTTY) failWith(`--format ${format} is a binary file; add --out <file>`);
  const color = out === undefined && format === 'terminal' && useColor(process.stdout);
  emit(reporter.renderChunks ? reporter.renderChunks(assessment) : renderReport(assessment, format, color), out);
  if (out !== undefined) process.stderr.write(`wrote ${out}\n`);
}

/** Writes every report format into a folder (the demo's default). */
export function writeAllReports(assessment: Assessment, dir: string): string[] {
  const written: string[] = [];
  for (const [format, reporter] of Object.entries(reporters) as Array<[ReportFormat, (typeof reporters)[ReportFormat]]>) {
    if (format === 'terminal') continue;
    const path = `${dir.replace(/\/$/, '')}/assessment${reporter.extension}`;
    writeFileAtomic(path, renderReport(assessment, format, false));
    written.push(path);
  }
  return written;
}

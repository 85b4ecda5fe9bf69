// Prints the benchmark table, the ratios and whether the goals of issue 5 are met.
import type { Results, Run } from './run.js';

export const GOALS = { vsCheckov: 20, vsRestricted: 10, peakMb: 1024 } as const;

const LABEL: Record<Run['tool'], string> = { ftr: 'ftr check', checkov: 'checkov (all checks)', 'checkov-restricted': 'checkov (our checks only)' };

function outcome(run: Run): string {
  if (run.ftr) {
    const f = run.ftr.findings;
    const parts = Object.entries(f).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v}`);
    return `${run.ftr.resources ?? '?'} resources; findings: ${parts.join(', ') || 'none'}`;
  }
  if (run.checkov) return `${run.checkov.resources} resources; passed ${run.checkov.passed}, failed ${run.checkov.failed}, parse errors ${run.checkov.parsingErrors}, ${run.checkov.checks} checks ran`;
  return `no output (exit ${run.measurement.exitCode})`;
}

export interface Ratios {
  vsCheckov?: number;
  vsRestricted?: number;
  ftrPeakMb?: number;
}

export function ratios(results: Results, input: Run['input']): Ratios {
  const find = (tool: Run['tool']) => results.runs.find((r) => r.tool === tool && r.input === input)?.measurement;
  const ftr = find('ftr');
  const all = find('checkov');
  const restricted = find('checkov-restricted');
  return {
    ...(ftr && all ? { vsCheckov: all.wallSeconds / ftr.wallSeconds } : {}),
    ...(ftr && restricted ? { vsRestricted: restricted.wallSeconds / ftr.wallSeconds } : {}),
    ...(ftr ? { ftrPeakMb: ftr.peakTreeRssMb } : {}),
  };
}

const fixed = (n: number | undefined, digits = 1) => (n === undefined ? '—' : n.toFixed(digits));

export function printReport(results: Results): void {
  const { corpus, big } = results;
  const lines: string[] = [];
  lines.push(`machine: ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGb} GB, Node ${results.machine.node}, checkov ${results.machine.checkov ?? '?'}`);
  lines.push(`corpus: ${corpus.templates} templates (${corpus.yaml} YAML, ${corpus.json} JSON), ${corpus.resources} resources (${corpus.minResources}–${corpus.maxResources} per template), ${(corpus.bytes / 1024 / 1024).toFixed(1)} MB; seed ${corpus.seed}`);
  if (big.bytes > 0) lines.push(`big template: ${big.resources} resources, ${(big.bytes / 1024 / 1024).toFixed(1)} MB`);
  lines.push(`restricted checkov run: ${results.restrictedChecks.ids.length} checks (${results.restrictedChecks.mode}); rules running on CloudFormation in this build: ${results.restrictedChecks.ftrCloudFormationRules.length}`);
  lines.push('');
  const header = ['input', 'tool', 'wall s', 'CPU s', 'peak MB', 'max proc MB', 'result'];
  const rows = results.runs.map((r) => [
    r.input,
    LABEL[r.tool],
    fixed(r.measurement.wallSeconds, 2),
    fixed(r.measurement.cpuSeconds, 1),
    fixed(r.measurement.peakTreeRssMb, 0),
    fixed(r.measurement.maxProcessRssMb, 0),
    outcome(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  for (const row of [header, ...rows]) lines.push(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
  lines.push('');
  for (const input of ['corpus', 'big'] as const) {
    const r = ratios(results, input);
    if (r.ftrPeakMb === undefined) continue;
    const check = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? ' ✓' : ' ✗');
    lines.push(
      `${input}: checkov/ftr ${fixed(r.vsCheckov)}× (goal ≥${GOALS.vsCheckov}×${input === 'corpus' ? check(r.vsCheckov === undefined ? undefined : r.vsCheckov >= GOALS.vsCheckov) : ''}), ` +
        `restricted/ftr ${fixed(r.vsRestricted)}× (goal ≥${GOALS.vsRestricted}×${input === 'corpus' ? check(r.vsRestricted === undefined ? undefined : r.vsRestricted >= GOALS.vsRestricted) : ''}), ` +
        `ftr peak ${fixed(r.ftrPeakMb, 0)} MB (goal <${GOALS.peakMb}${check(r.ftrPeakMb < GOALS.peakMb)})`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

// The commands the benchmark times, and how each one's output is read back (so a fast run that found nothing is
// caught: the findings are counted, not assumed).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');
export const CHECKOV = join(REPO, '.cache', 'checkov-venv', 'bin', 'checkov');
const FTR = join(REPO, 'bin', 'ftr.js');

export type ToolName = 'ftr' | 'checkov' | 'checkov-restricted';
export const TOOLS: readonly ToolName[] = ['ftr', 'checkov', 'checkov-restricted'];

export function ftrCommand(input: string, out: string): string[] {
  return [process.execPath, FTR, 'check', input, '--format', 'json', '--out', out];
}

/**
 * `--skip-download` keeps checkov off the network (no API key is used, so it would only fetch guideline links); it
 * can only make checkov faster. A file is passed with -f, a folder with -d.
 */
export function checkovCommand(input: string, isFile: boolean, checks?: readonly string[]): string[] {
  return [
    CHECKOV,
    isFile ? '-f' : '-d',
    input,
    '--framework',
    'cloudformation',
    '-o',
    'json',
    '--quiet',
    '--compact',
    '--skip-download',
    ...(checks && checks.length > 0 ? ['--check', checks.join(',')] : []),
  ];
}

export interface FtrResult {
  resources: number | undefined;
  files: number | undefined;
  findings: Record<string, number>;
  rulesWithOutcomes: number;
  failingRules: Record<string, number>;
}

/** Counts an assessment's findings by status; the resource count comes from `ftr check`'s summary on stderr. */
export function readFtrResult(assessmentFile: string, stderrFile: string): FtrResult {
  const stderr = existsSync(stderrFile) ? readFileSync(stderrFile, 'utf8') : '';
  const read = /read (\d+) file\(s\): (\d+) resources/.exec(stderr);
  const findings: Record<string, number> = {};
  const failingRules: Record<string, number> = {};
  const rules = new Set<string>();
  if (existsSync(assessmentFile)) {
    const assessment = JSON.parse(readFileSync(assessmentFile, 'utf8')) as { findings: Array<{ status: string; ruleId: string }> };
    for (const f of assessment.findings) {
      findings[f.status] = (findings[f.status] ?? 0) + 1;
      rules.add(f.ruleId);
      if (f.status === 'fail') failingRules[f.ruleId] = (failingRules[f.ruleId] ?? 0) + 1;
    }
  }
  return { resources: read ? Number(read[2]) : undefined, files: read ? Number(read[1]) : undefined, findings, rulesWithOutcomes: rules.size, failingRules };
}

export interface CheckovResult {
  passed: number;
  failed: number;
  skipped: number;
  parsingErrors: number;
  resources: number;
  checks: number;
}

export function readCheckovResult(outputFile: string): CheckovResult | undefined {
  if (!existsSync(outputFile)) return undefined;
  const text = readFileSync(outputFile, 'utf8').trim();
  if (text === '') return undefined;
  const parsed = JSON.parse(text) as unknown;
  const reports = (Array.isArray(parsed) ? parsed : [parsed]) as Array<{
    summary?: { passed?: number; failed?: number; skipped?: number; parsing_errors?: number; resource_count?: number };
    results?: { passed_checks?: Array<{ check_id: string }>; failed_checks?: Array<{ check_id: string }> };
  }>;
  const total: CheckovResult = { passed: 0, failed: 0, skipped: 0, parsingErrors: 0, resources: 0, checks: 0 };
  const ids = new Set<string>();
  for (const report of reports) {
    const s = report.summary ?? {};
    total.passed += s.passed ?? 0;
    total.failed += s.failed ?? 0;
    total.skipped += s.skipped ?? 0;
    total.parsingErrors += s.parsing_errors ?? 0;
    total.resources += s.resource_count ?? 0;
    for (const c of [...(report.results?.passed_checks ?? []), ...(report.results?.failed_checks ?? [])]) ids.add(c.check_id);
  }
  total.checks = ids.size;
  return total;
}

/** The rules that run on CloudFormation in this build, from `ftr rules --format json`. */
export function cloudFormationRules(): string[] {
  const listing = JSON.parse(execFileSync(process.execPath, [FTR, 'rules', '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Array<{ id: string; sources: string[] }>;
  return listing.filter((r) => r.sources.includes('cloudformation')).map((r) => r.id);
}

export interface Equivalents {
  checks: Array<{ id: string; rules: string[]; match: string; note: string }>;
}

export function loadEquivalents(): Equivalents {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'checkov-equivalents.json'), 'utf8')) as Equivalents;
}

export function checkovVersion(): string | undefined {
  try {
    return execFileSync(CHECKOV, ['--version'], { encoding: 'utf8' }).trim().split('\n').pop();
  } catch {
    return undefined;
  }
}

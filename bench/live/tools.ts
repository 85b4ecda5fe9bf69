// The two tools under test: how each is run against the emulator, and what each produced (read back from its
// output files, so a run that "finished fast" without results is caught).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AwsCredentialIdentity } from '@smithy/types';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROWLER_VERSION = '5.46.0';
export const PROWLER_FRAMEWORK = 'aws_foundational_technical_review_aws';

export function prowlerVenv(): string {
  return process.env['PROWLER_VENV'] ?? join(REPO, '.cache', 'prowler-venv');
}

export interface ToolRun {
  argv: string[];
  env: NodeJS.ProcessEnv;
}

/** Only what each tool needs: no profile or instance metadata lookups, the account's keys, the endpoint. */
function awsEnv(credentials: AwsCredentialIdentity, extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'SSL_CERT_FILE', 'NODE_EXTRA_CA_CERTS'];
  const env: NodeJS.ProcessEnv = Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
  return {
    ...env,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    ...extra,
  };
}

/** `prowler aws --compliance <FTR>` on the Regions, every default output format, no banner, exit 0 on findings. */
export function prowlerRun(endpoint: string, credentials: AwsCredentialIdentity, regions: readonly string[], outDir: string): ToolRun {
  return {
    argv: [join(prowlerVenv(), 'bin', 'prowler'), 'aws', '--compliance', PROWLER_FRAMEWORK, '-f', ...regions, '-o', outDir, '-b', '-z', '--no-color'],
    env: awsEnv(credentials, { AWS_ENDPOINT_URL: endpoint, AWS_DEFAULT_REGION: regions[0] ?? 'us-east-1' }),
  };
}

/** The built CLI: `ftr run` (scan + assess with the default checklist, no ftr.yaml), JSON assessment to a file. */
export function ftrRun(endpoint: string, credentials: AwsCredentialIdentity, regions: readonly string[], outFile: string, nodeFlags: readonly string[] = []): ToolRun {
  return {
    argv: [process.execPath, ...nodeFlags, join(REPO, 'bin', 'ftr.js'), 'run', '--endpoint-url', endpoint, '--regions', regions.join(','), '--format', 'json', '--out', outFile],
    env: awsEnv(credentials, {}),
  };
}

export interface ProwlerResult {
  /** Findings in the OCSF JSON output, by status (PASS, FAIL, MANUAL). */
  findings: Record<string, number>;
  checksWithFindings: number;
  /** Rows of the FTR compliance CSV and the distinct requirement ids they cover. */
  complianceRows: number;
  requirements: string[];
  outputFiles: Record<string, number>;
  /** Lines Prowler logged at ERROR level (API calls that failed and were swallowed), by service module. */
  errorsByModule: Record<string, number>;
}

/** Semicolon-separated values with double-quoted fields (which may hold separators, quotes and newlines). */
function parseDelimited(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f !== ''));
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

export function readProwlerResult(outDir: string, logFiles: readonly string[]): ProwlerResult {
  const files = filesUnder(outDir);
  const findings: Record<string, number> = {};
  const checks = new Set<string>();
  const ocsf = files.find((f) => f.endsWith('.ocsf.json'));
  if (ocsf) {
    const list = JSON.parse(readFileSync(ocsf, 'utf8') || '[]') as Array<{ status_code?: string; metadata?: { event_code?: string } }>;
    for (const f of list) {
      findings[f.status_code ?? '?'] = (findings[f.status_code ?? '?'] ?? 0) + 1;
      if (f.metadata?.event_code) checks.add(f.metadata.event_code);
    }
  }
  const compliance = files.find((f) => f.includes(`${PROWLER_FRAMEWORK}.csv`));
  let complianceRows = 0;
  const requirements = new Set<string>();
  if (compliance) {
    const [header, ...rows] = parseDelimited(readFileSync(compliance, 'utf8'));
    const at = header?.indexOf('REQUIREMENTS_ID') ?? -1;
    complianceRows = rows.length;
    for (const row of rows) if (at >= 0 && row[at]) requirements.add(row[at]);
  }
  const errorsByModule: Record<string, number> = {};
  for (const file of logFiles) {
    for (const line of (existsSync(file) ? readFileSync(file, 'utf8') : '').split('\n')) {
      if (!/\bERROR\b/.test(line)) continue;
      const module = /\[Module: ([\w.]+)\]/.exec(line)?.[1] ?? 'other';
      errorsByModule[module] = (errorsByModule[module] ?? 0) + 1;
    }
  }
  return {
    findings,
    checksWithFindings: checks.size,
    complianceRows,
    requirements: [...requirements].sort(),
    outputFiles: Object.fromEntries(files.map((f) => [f.slice(outDir.length + 1), readFileSync(f).length])),
    errorsByModule,
  };
}

export interface FtrResult {
  /** Requirement statuses of the assessment. */
  summary: Record<string, number>;
  /** Findings by status (pass, fail, unknown, not_applicable, …). */
  findings: Record<string, number>;
  rules: number;
  /** Collection records by outcome (ok, unsupported, error, …) and the actions that were not ok. */
  collection: Record<string, number>;
  notOk: string[];
  /** From the scan summary on stderr. */
  resources?: number;
  scanSeconds?: number;
}

export function readFtrResult(assessmentFile: string, stderrFile: string): FtrResult | undefined {
  if (!existsSync(assessmentFile)) return undefined;
  const a = JSON.parse(readFileSync(assessmentFile, 'utf8')) as {
    summary: Record<string, number>;
    findings: Array<{ status: string }>;
    rules?: unknown[];
    collection: Array<{ outcome: string; action: string; region: string }>;
  };
  const count = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
  const stderr = existsSync(stderrFile) ? readFileSync(stderrFile, 'utf8') : '';
  const scanned = /(\d+) resources, \d+ calls, ([\d.]+) s/.exec(stderr);
  return {
    summary: a.summary,
    findings: count(a.findings.map((f) => f.status)),
    rules: a.rules?.length ?? 0,
    collection: count(a.collection.map((c) => c.outcome)),
    notOk: [...new Set(a.collection.filter((c) => c.outcome !== 'ok').map((c) => `${c.action} (${c.outcome})`))].sort(),
    ...(scanned ? { resources: Number(scanned[1]), scanSeconds: Number(scanned[2]) } : {}),
  };
}

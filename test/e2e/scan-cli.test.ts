// Issue 3 from the command line: the built `ftr` scans the seeded scenario accounts (moto + the fault proxy) with
// `ftr scan --endpoint-url … --regions us-east-1,eu-west-1 --out s.json`, then `ftr assess --snapshot s.json --format
// json` (in a folder whose ./ftr.yaml is the scenario one) gives the same statuses as the engine does in the
// integration tests; `ftr run --attestations … --fail-on non_compliant` exits 1 on the faulty account, 0 on the
// well-configured one; and with keys whose policy denies most reads (moto's IAM enforcement on, last), the
// requirements that depend on the denied data come out unknown.
//
// The fault proxy runs in this process, so the CLI is spawned asynchronously (run-cli.ts's spawnSync would block
// the event loop the proxy answers on). Run `npm run build` first (`npm run test:e2e` does).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assessment, Snapshot } from '../../src/core/index.js';
import { startAwsHarness, type AwsHarness } from '../harness/index.js';
import {
  ALLOWED_REQUIREMENTS,
  ASSESS_NOW,
  COLLECTION_REASON,
  DENIED_REQUIREMENTS,
  FAULTY,
  FAULTY_STATUSES,
  gatingRulesWith,
  ISSUE_REQUIREMENTS,
  READER_USER,
  reasonCodes,
  RESTRICTED_READER,
  scenarioCredentials,
  seedScenario,
  statuses,
  WELL_CONFIGURED,
  WELL_CONFIGURED_STATUSES,
  writeScenarioConfig,
  type ScenarioSpec,
} from '../scenarios/index.js';
import { BIN, REPO, type CliResult } from './run-cli.js';

/** The environment variables that could point the CLI at a real account or profile; the test sets its own. */
const AWS_VARIABLES = /^AWS_/;

function ftrAsync(args: string[], env: Record<string, string>, cwd: string = REPO): Promise<CliResult> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && !AWS_VARIABLES.test(k))) as Record<string, string>;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...base, NO_COLOR: '1', FTR_NOW: ASSESS_NOW, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => stdout.push(c));
    child.stderr.on('data', (c: Buffer) => stderr.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}

function credentialEnv(credentials: AwsCredentialIdentity): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}),
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(tmpdir(), 'ftr-no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(tmpdir(), 'ftr-no-aws-credentials'),
  };
}

let h: AwsHarness;
let dir: string;
let config: string;
const env = new Map<string, Record<string, string>>();

beforeAll(async () => {
  if (!existsSync(BIN) || !existsSync(join(REPO, 'dist', 'cli', 'main.js'))) throw new Error('the CLI is not built: run `npm run build` first');
  h = await startAwsHarness();
  dir = mkdtempSync(join(tmpdir(), 'ftr-scan-cli-'));
  config = writeScenarioConfig(dir);
  const [, , reader] = await Promise.all([seedScenario(h, WELL_CONFIGURED), seedScenario(h, FAULTY), seedScenario(h, RESTRICTED_READER)]);
  for (const scenario of [WELL_CONFIGURED, FAULTY]) env.set(scenario.name, credentialEnv(await scenarioCredentials(h, scenario)));
  const key = reader.iam.accessKeys[READER_USER]?.[0];
  if (!key) throw new Error(`no access key was seeded for ${READER_USER}`);
  env.set(RESTRICTED_READER.name, credentialEnv(key));
});
afterAll(async () => {
  await h?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The flags the issue names: the emulator's endpoint (the fault proxy) and the two Regions. */
const scanFlags = () => ['--endpoint-url', h.endpoint, '--regions', 'us-east-1,eu-west-1'];

/** The issue's two commands, run in a folder of their own that holds the scenario ftr.yaml. */
async function scanAndAssess(scenario: ScenarioSpec): Promise<{ snapshot: Snapshot; assessment: Assessment }> {
  const cwd = mkdtempSync(join(dir, `${scenario.name}-`));
  writeScenarioConfig(cwd);
  const scan = await ftrAsync(['scan', ...scanFlags(), '--out', 's.json'], env.get(scenario.name)!, cwd);
  expect(scan.code, scan.stderr).toBe(0);
  const snapshot = Snapshot.parse(JSON.parse(readFileSync(join(cwd, 's.json'), 'utf8')));
  const assess = await ftrAsync(['assess', '--snapshot', 's.json', '--format', 'json'], {}, cwd);
  expect(assess.code, assess.stderr).toBe(0);
  return { snapshot, assessment: Assessment.parse(JSON.parse(assess.stdout)) };
}

describe('ftr scan + ftr assess on the seeded accounts', () => {
  it('the well-configured account: compliant or partially compliant on every issue-3 requirement', async () => {
    const { snapshot, assessment } = await scanAndAssess(WELL_CONFIGURED);
    expect(snapshot.scope).toMatchObject({ accounts: [WELL_CONFIGURED.accountId], regions: ['us-east-1', 'eu-west-1'] });
    expect(snapshot.collection.filter((r) => r.outcome !== 'ok').map((r) => `${r.action} ${r.region} ${r.outcome}`)).toEqual([]);
    expect(statuses(assessment, ISSUE_REQUIREMENTS), gatingRulesWith(assessment, ['fail', 'unknown']).join('\n')).toEqual(WELL_CONFIGURED_STATUSES);
    expect(gatingRulesWith(assessment, ['fail', 'error'])).toEqual([]);
    expect(assessment.checklist).toMatchObject({ id: 'partner-hosted', version: '2026_02' });
  });

  it('the faulty account: non-compliant on every issue-3 requirement', async () => {
    const { snapshot, assessment } = await scanAndAssess(FAULTY);
    expect(snapshot.scope.accounts).toEqual([FAULTY.accountId]);
    expect(statuses(assessment, ISSUE_REQUIREMENTS)).toEqual(FAULTY_STATUSES);
  });
});

describe('ftr run --fail-on non_compliant', () => {
  const runArgs = (name: string) => ['run', ...scanFlags(), '--attestations', config, '--format', 'json', '--out', join(dir, `${name}-run.json`), '--fail-on', 'non_compliant', '--quiet'];

  it('exits 1 on the faulty account, naming the gate, with the report written', async () => {
    const run = await ftrAsync(runArgs(FAULTY.name), env.get(FAULTY.name)!);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/gate reached: --fail-on non_compliant/);
    const assessment = Assessment.parse(JSON.parse(readFileSync(join(dir, `${FAULTY.name}-run.json`), 'utf8')));
    expect(statuses(assessment, ISSUE_REQUIREMENTS)).toEqual(FAULTY_STATUSES);
  });

  it('exits 0 on the well-configured account', async () => {
    const run = await ftrAsync(runArgs(WELL_CONFIGURED.name), env.get(WELL_CONFIGURED.name)!);
    expect(run.code, run.stderr).toBe(0);
    const assessment = Assessment.parse(JSON.parse(readFileSync(join(dir, `${WELL_CONFIGURED.name}-run.json`), 'utf8')));
    expect(statuses(assessment, ISSUE_REQUIREMENTS)).toEqual(WELL_CONFIGURED_STATUSES);
  });
});

// Last: moto's IAM enforcement applies to the whole server, so every other scan has run by now.
describe('ftr scan with keys whose policy denies most reads', () => {
  it('records the denied reads, and the requirements that need them are unknown; the others keep their status', async () => {
    await h.moto.resetAuth(0);
    let scan: CliResult;
    const cwd = mkdtempSync(join(dir, 'denied-'));
    try {
      scan = await ftrAsync(['scan', ...scanFlags(), '--out', 's.json'], env.get(RESTRICTED_READER.name)!, cwd);
    } finally {
      await h.moto.resetAuth('off');
    }
    expect(scan.code, scan.stderr).toBe(0);
    expect(scan.stderr).toMatch(/missing permissions \(the requirements that need them are unknown\):.*ec2:DescribeSecurityGroups/);
    writeScenarioConfig(cwd);
    const assess = await ftrAsync(['assess', '--snapshot', 's.json', '--format', 'json'], {}, cwd);
    expect(assess.code, assess.stderr).toBe(0);
    const assessment = Assessment.parse(JSON.parse(assess.stdout));
    for (const [id, expected] of Object.entries(DENIED_REQUIREMENTS)) {
      const codes = reasonCodes(assessment, id);
      expect(statuses(assessment, [id]), codes.join(', ')).toEqual({ [id]: 'unknown' });
      for (const code of codes) expect(code).toMatch(COLLECTION_REASON);
      expect(codes.some((c) => expected.includes(c)), codes.join(', ')).toBe(true);
    }
    const allowed = [...ALLOWED_REQUIREMENTS];
    expect(statuses(assessment, allowed)).toEqual(Object.fromEntries(allowed.map((id) => [id, WELL_CONFIGURED_STATUSES[id]])));
  });
});

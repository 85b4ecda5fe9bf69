import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/core/index.js';
import { reporters } from '../../src/reporters/index.js';
import type { AssessmentDiff } from '../../src/reporters/diff.js';
import type { PathwayAdvice } from '../../src/reporters/pathway.js';
import type { Plan } from '../../src/reporters/plan.js';
import { BIN, REPO, type CliResult } from './run-cli.js';

/**
 * Runs the built CLI like run-cli.ts's `ftr`, but without blocking the test worker: the CLI takes seconds to start,
 * and a worker blocked in spawnSync that long misses vitest's own messages.
 */
function ftr(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: '1', FTR_NOW: '2026-11-26T12:00:00Z' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

const tmp = () => mkdtempSync(join(tmpdir(), 'ftr-e2e-outputs-'));
const DEMO = `${REPO}demo/brightwave/`;
const SNAPSHOT = `${DEMO}snapshots/live.json`;
const CONFIG = `${DEMO}ftr.yaml`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Manifest {
  files: Array<{ path: string; sha256: string; size: number }>;
}

describe('ftr demo --evidence', () => {
  const dir = tmp();
  const pack = join(dir, 'pack.zip');
  const again = join(dir, 'again.zip');
  let files: Record<string, Uint8Array>;

  beforeAll(async () => {
    const [run, second] = await Promise.all([
      ftr(['demo', '--evidence', pack, '--out-dir', join(dir, 'out')]),
      ftr(['demo', '--evidence', again, '--format', 'json', '--out', join(dir, 'a.json')]),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(run.stderr).toContain(`wrote ${pack}`);
    files = unzipSync(new Uint8Array(readFileSync(pack)));
  });

  it('writes a pack whose manifest hashes and sizes are all correct, covering every file', () => {
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Manifest;
    expect(manifest.files.map((f) => f.path).sort()).toEqual(Object.keys(files).filter((n) => n !== 'manifest.json').sort());
    for (const entry of manifest.files) {
      expect(sha256(files[entry.path]!), entry.path).toBe(entry.sha256);
      expect(files[entry.path]!.length, entry.path).toBe(entry.size);
    }
  });

  it('contains the assessment, the spreadsheet, the diagram, and the HTML report when this build has one', () => {
    expect(JSON.parse(strFromU8(files['assessment.json']!)).kind).toBe('ftr-ready/assessment');
    expect([...files['self-assessment.xlsx']!.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(strFromU8(files['diagrams/network-topology.svg']!)).toContain('bw-us-east-1');
    if ((reporters as Record<string, unknown>)['html'] !== undefined) expect(strFromU8(files['report.html']!)).toMatch(/<html/i);
    else expect(files['report.html']).toBeUndefined();
  });

  it('copies the attested evidence files into their requirement folders', () => {
    const copy = Object.keys(files).find((n) => /^requirements\/\d+-ARC-005-[^/]+\/evidence\/incident-response-plan\.md$/.test(n));
    expect(copy).toBeDefined();
    expect(Buffer.from(files[copy!]!).equals(readFileSync(`${DEMO}evidence/incident-response-plan.md`))).toBe(true);
  });

  it('gives the same bytes when run again', () => {
    expect(readFileSync(again).equals(readFileSync(pack))).toBe(true);
  });
});

describe('ftr evidence', () => {
  it('takes the inputs of ftr assess, and lists an evidence file it cannot read instead of failing', async () => {
    const dir = tmp();
    copyFileSync(CONFIG, join(dir, 'ftr.yaml'));
    const out = join(dir, 'pack.zip');
    const run = await ftr(['evidence', '-s', SNAPSHOT, '-a', join(dir, 'ftr.yaml'), '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/evidence file evidence\/incident-response-plan\.md \(ARC-005\) could not be read/);
    const readme = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['README.md']!);
    expect(readme).toContain('## Evidence files not included');
  });

  it('needs --out and a snapshot', async () => {
    const [noOut, noSnapshot] = await Promise.all([ftr(['evidence', '-s', SNAPSHOT]), ftr(['evidence', '--out', join(tmp(), 'x.zip')])]);
    expect(noOut.code).toBe(2);
    expect(noSnapshot.code).toBe(2);
  });
});

describe('ftr plan on the demo company', () => {
  it('lists security items before documentation items before tooling items', async () => {
    const run = await ftr(['plan', '-s', SNAPSHOT, '-a', CONFIG, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as Plan;
    const buckets = plan.items.map((i) => i.bucket);
    for (const bucket of ['security', 'documentation', 'operational-tooling'] as const) expect(buckets).toContain(bucket);
    expect(buckets.lastIndexOf('security')).toBeLessThan(buckets.indexOf('documentation'));
    expect(buckets.lastIndexOf('documentation')).toBeLessThan(buckets.indexOf('operational-tooling'));
    expect(plan.items.find((i) => i.requirement.id === 'SDAT-002')?.flags.overdue).toBe(true);
    expect(plan.items.find((i) => i.requirement.id === 'NETSEC-001')?.owner).toBe('platform@brightwave.example');
  });

  it('writes the Markdown tracker by default, and CSV for a spreadsheet', async () => {
    const out = join(tmp(), 'plan.csv');
    const [md, csv] = await Promise.all([ftr(['plan', '-s', SNAPSHOT, '-a', CONFIG]), ftr(['plan', '-s', SNAPSHOT, '-a', CONFIG, '-f', 'csv', '-o', out])]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout.indexOf('## Security')).toBeLessThan(md.stdout.indexOf('## Documentation'));
    expect(md.stdout.indexOf('## Documentation')).toBeLessThan(md.stdout.indexOf('## Operational tooling'));
    expect(csv.code, csv.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^\ufeff"Rank","Area","Requirement"/);
  });

  it('also reads a saved assessment, and refuses to run without inputs', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.json'), '{"kind":"nope"}');
    const [saved, none, bad] = await Promise.all([ftr(['demo', '--format', 'json', '--out', join(dir, 'a.json')]), ftr(['plan']), ftr(['plan', '--assessment', join(dir, 'bad.json')])]);
    expect(saved.code).toBe(0);
    const run = await ftr(['plan', '--assessment', join(dir, 'a.json'), '-f', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as Plan).items.length).toBeGreaterThan(0);
    expect(none.code).toBe(2);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json.*expected an assessment/);
  });
});

describe('ftr diff between two demo runs', () => {
  const dir = tmp();
  const before = join(dir, 'before.json');
  const after = join(dir, 'after.json');

  beforeAll(async () => {
    // The next scan: the bastion's SSH is closed to the world (a fix), the app tier opens it (a regression).
    const snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot;
    const group = (name: string) => snapshot.resources.find((r) => r.type === 'AWS::EC2::SecurityGroup' && r.name === name)!;
    group('bw-bastion').properties['SecurityGroupIngress'] = [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '10.20.0.0/16' }];
    (group('bw-app').properties['SecurityGroupIngress'] as unknown[]).push({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' });
    writeFileSync(join(dir, 'next.json'), JSON.stringify(snapshot));
    const runs = await Promise.all([ftr(['assess', '-s', SNAPSHOT, '-a', CONFIG, '-f', 'json', '-o', before]), ftr(['assess', '-s', join(dir, 'next.json'), '-a', CONFIG, '-f', 'json', '-o', after])]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
  });

  it('shows the regression and the fix', async () => {
    const run = await ftr(['diff', before, after, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const diff = JSON.parse(run.stdout) as AssessmentDiff;
    expect(diff.findings.regressed.map((c) => [c.ruleId, c.resource.name])).toEqual([['ec2-sg-no-public-admin-ports', 'bw-app']]);
    expect(diff.findings.fixed.map((c) => [c.ruleId, c.resource.name])).toContainEqual(['ec2-sg-no-public-admin-ports', 'bw-bastion']);
  });

  it('prints it in the terminal and in Markdown', async () => {
    const [terminal, md] = await Promise.all([ftr(['diff', before, after]), ftr(['diff', before, after, '-f', 'md'])]);
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toContain('1 regressed');
    expect(terminal.stdout).not.toContain('\u001b');
    expect(md.stdout).toContain('## Regressed (1)');
    expect(md.stdout).toContain('## Fixed (');
  });

  it('--fail-on-regression exits 1 when something regressed, 0 when nothing did; 2 on a file that is not an assessment', async () => {
    const [gate, same, wrong] = await Promise.all([ftr(['diff', before, after, '--fail-on-regression']), ftr(['diff', after, after, '--fail-on-regression']), ftr(['diff', before, SNAPSHOT])]);
    expect(gate.code).toBe(1);
    expect(gate.stderr).toContain('--fail-on-regression');
    expect(same.code).toBe(0);
    expect(wrong.code).toBe(2);
  });
});

describe('ftr pathway on the demo company', () => {
  it('advises the standard FTR and says which Well-Architected conditions hold', async () => {
    const run = await ftr(['pathway', '-a', CONFIG, '-s', SNAPSHOT, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const advice = JSON.parse(run.stdout) as PathwayAdvice;
    expect(advice.recommendation).toBe('standard');
    const wafr = Object.fromEntries(advice.routes.find((r) => r.id === 'wafr')!.conditions.map((c) => [c.id, [c.state, c.source]]));
    expect(wafr).toMatchObject({
      'conducted-by-aws-or-wapp': ['does_not_hold', 'ftr.yaml'],
      'within-12-months': ['holds', 'well-architected-api'],
      'no-high-risk-security': ['holds', 'well-architected-api'],
      'no-high-risk-reliability': ['does_not_hold', 'well-architected-api'],
    });
    expect(advice.routes.find((r) => r.id === 'soc2')!.conditions.every((c) => c.state === 'unknown')).toBe(true);
    expect(advice.standard.summary?.non_compliant).toBeGreaterThan(0);
  });

  it('works from ftr.yaml alone, in the terminal or as Markdown', async () => {
    const out = join(tmp(), 'pathway.md');
    const [run, md] = await Promise.all([ftr(['pathway', '-a', CONFIG]), ftr(['pathway', '-a', CONFIG, '-f', 'md', '-o', out])]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Take the standard FTR');
    expect(run.stdout).toContain('scan the account to confirm');
    expect(md.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Which way through the FTR/);
  });
});

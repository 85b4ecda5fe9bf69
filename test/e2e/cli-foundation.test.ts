import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Assessment, REQUIREMENT_STATUSES } from '../../src/core/index.js';
import { ftr, REPO } from './run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'ftr-e2e-'));
const CURRENT_IDS =
  '1.1 HOST-001 SUP-001 WAFR-001 WAFR-002 ARC-001 ARC-004 ARC-005 ACOM-001 ACOM-002 IAM-001 IAM-002 IAM-003 IAM-004 IAM-005 IAM-006 IAM-007 IAM-008 IAM-009 IAM-010 IAM-011 IAM-012 SECOPS-001 NETSEC-001 NETSEC-002 BAR-001 BAR-002 RES-001 RES-002 RES-004 RES-005 RES-006 RES-007 S3-001 CAA-001 CAA-002 CAA-003 CAA-004 CAA-005 CAA-006 CAA-007 SDAT-001 SDAT-002 SDAT-003 RCVP-001'.split(' ');

describe('ftr demo', () => {
  it('runs the whole pipeline, prints the summary and writes every report', () => {
    const dir = tmp();
    const run = ftr(['demo', '--out-dir', join(dir, 'out')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Summary: \d+ compliant/);
    expect(run.stdout).toContain('Brightwave Analytics');
    for (const ext of ['json', 'md', 'csv', 'xlsx', 'junit.xml', 'sarif']) expect(existsSync(join(dir, 'out', `assessment.${ext}`)), ext).toBe(true);
  });

  it('--format json --out writes an assessment with every current requirement, a status each, and reasons where due', () => {
    const out = join(tmp(), 'a.json');
    const run = ftr(['demo', '--format', 'json', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const assessment = Assessment.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(assessment.requirements.map((r) => r.id).sort()).toEqual([...CURRENT_IDS].sort());
    for (const r of assessment.requirements) {
      expect(REQUIREMENT_STATUSES).toContain(r.status);
      if (r.status !== 'compliant' && r.status !== 'not_applicable') expect(r.reasons.length, `${r.id} ${r.status}`).toBeGreaterThan(0);
    }
  });
});

describe('ftr assess: bad input stops the run with exit 2, a message naming file and line, and nothing written', () => {
  const snapshot = `${REPO}demo/brightwave/snapshots/live.json`;

  it('a malformed ftr.yaml', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'ftr.yaml'), 'version: 1\nattestations:\n  - requirement: ARC-005\n    claim: sure\n    statement: s\n    owner: o\n    attested: 2026-01-01\n');
    const out = join(dir, 'report.json');
    const run = ftr(['assess', '--snapshot', snapshot, '--attestations', join(dir, 'ftr.yaml'), '--format', 'json', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ftr\.yaml:4:\d+: error: .*(met|not_met)/);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it('an unknown requirement id in ftr.yaml', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'ftr.yaml'), 'version: 1\nattestations:\n  - requirement: ARC-042\n    claim: met\n    statement: s\n    owner: o\n    attested: 2026-01-01\n');
    const run = ftr(['assess', '-s', snapshot, '-a', join(dir, 'ftr.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ftr\.yaml:3(:\d+)?: error: unknown requirement ARC-042/);
  });

  it('a snapshot that is not JSON', () => {
    const dir = tmp();
    writeFileSync(join(dir, 's.json'), '{\n  "schemaVersion": 1,\n  "kind": oops\n}\n');
    const out = join(dir, 'r.json');
    const run = ftr(['assess', '-s', join(dir, 's.json'), '--format', 'json', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/s\.json:3:\d+: error: not valid JSON/);
    expect(existsSync(out)).toBe(false);
  });

  it('a snapshot of the wrong shape', () => {
    const dir = tmp();
    writeFileSync(join(dir, 's.json'), JSON.stringify({ schemaVersion: 1, kind: 'ftr-ready/snapshot' }));
    const run = ftr(['assess', '-s', join(dir, 's.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/s\.json: error: .*expected a snapshot/);
  });

  it('a missing snapshot file', () => {
    const run = ftr(['assess', '-s', '/nonexistent/s.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no such snapshot file/);
  });

  it('an invalid flag value', () => {
    const run = ftr(['assess', '-s', snapshot, '--fail-on', 'bad']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Allowed choices are partially_compliant, unknown, non_compliant/);
  });

  it('an unknown checklist version', () => {
    const run = ftr(['assess', '-s', snapshot, '--checklist', 'partner-hosted@1999_01']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/2026_02/);
  });
});

describe('CI gates', () => {
  const snapshot = `${REPO}demo/brightwave/snapshots/live.json`;
  const config = `${REPO}demo/brightwave/ftr.yaml`;

  it('--fail-on non_compliant exits 1 after writing the report', () => {
    const out = join(tmp(), 'r.md');
    const run = ftr(['assess', '-s', snapshot, '-a', config, '--format', 'md', '--out', out, '--fail-on', 'non_compliant']);
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(true);
    expect(run.stderr).toMatch(/gate reached: --fail-on non_compliant/);
  });

  it('--fail-on-severity critical exits 1 when an unwaived critical finding fails', () => {
    const run = ftr(['assess', '-s', snapshot, '-a', config, '--format', 'json', '--out', join(tmp(), 'r.json'), '--fail-on-severity', 'critical']);
    expect(run.code).toBe(1);
  });

  it('no gate, exit 0', () => {
    expect(ftr(['assess', '-s', snapshot, '-a', config, '--format', 'json', '--out', join(tmp(), 'r.json')]).code).toBe(0);
  });
});

describe('ftr catalog and ftr rules', () => {
  it('lists the current Partner Hosted requirements', () => {
    const run = ftr(['catalog', '--format', 'json']);
    expect(run.code).toBe(0);
    const listing = JSON.parse(run.stdout) as { version: { id: string }; requirements: Array<{ id: string }> };
    expect(listing.version.id).toBe('2026_02');
    expect(listing.requirements).toHaveLength(45);
  });

  it('lists a named checklist version', () => {
    const run = ftr(['catalog', '--checklist', 'customer-deployed@2022_q1_v1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('DSEC-011');
  });

  it('warns when the newest version has expired', () => {
    const run = ftr(['catalog'], { env: { FTR_NOW: '2027-03-01T00:00:00Z' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/accepted until 2026-11-27/);
  });

  it('rules --format json gives id, title, severity, sources and requirement links with basis', () => {
    const run = ftr(['rules', '--format', 'json']);
    expect(run.code).toBe(0);
    const rules = JSON.parse(run.stdout) as Array<{ id: string; requirements: Array<{ checklist: string; id: string; gates: boolean; basis: string }> }>;
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) for (const r of rule.requirements) expect(r).toMatchObject({ checklist: expect.any(String), id: expect.any(String), gates: expect.any(Boolean), basis: expect.any(String) });
  });
});

describe('ftr init and ftr attest', () => {
  it('init writes a commented starter file that loads; it refuses to overwrite', () => {
    const dir = tmp();
    const run = ftr(['init', '--yes', '--name', 'Widget Cloud', '--domains', 'widget.example', '--no-accesses-customer-accounts'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(join(dir, 'ftr.yaml'), 'utf8');
    expect(text).toContain('accessesCustomerAccounts: false');
    expect(text).toMatch(/^# ftr\.yaml/);
    expect(ftr(['init', '--yes'], { cwd: dir }).code).toBe(2);
  });

  it('attest records the evidence hash; a changed file is then reported', () => {
    const dir = tmp();
    expect(ftr(['init', '--yes', '--name', 'Widget'], { cwd: dir }).code).toBe(0);
    mkdirSync(join(dir, 'evidence'));
    writeFileSync(join(dir, 'evidence', 'ir.md'), 'plan v1\n');
    const attest = ftr(['attest', 'ARC-005', '--evidence', 'evidence/ir.md', '--owner', 'sec@widget.example', '--statement', 'IR plan v1'], { cwd: dir });
    expect(attest.code, attest.stderr).toBe(0);
    const text = readFileSync(join(dir, 'ftr.yaml'), 'utf8');
    expect(text).toMatch(/sha256: [a-f0-9]{64}/);
    expect(text).toContain('# ftr.yaml');
    cpSync(`${REPO}demo/brightwave/snapshots/live.json`, join(dir, 's.json'));
    const before = ftr(['assess', '-s', 's.json', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(before.stdout) as { requirements: Array<{ id: string; status: string }> }).requirements.find((r) => r.id === 'ARC-005')?.status).toBe('compliant');
    writeFileSync(join(dir, 'evidence', 'ir.md'), 'plan v2\n');
    const after = ftr(['assess', '-s', 's.json', '--format', 'json'], { cwd: dir });
    expect(after.stderr).toMatch(/ftr\.yaml:\d+: warning: evidence file evidence\/ir\.md for ARC-005 changed/);
    const arc005 = (JSON.parse(after.stdout) as { requirements: Array<{ id: string; status: string; reasons: Array<{ code: string }> }> }).requirements.find((r) => r.id === 'ARC-005');
    expect(arc005).toMatchObject({ status: 'partially_compliant', reasons: [{ code: 'evidence_changed' }] });
  });

  it('attest rejects an unknown requirement and a missing evidence file', () => {
    const dir = tmp();
    ftr(['init', '--yes'], { cwd: dir });
    expect(ftr(['attest', 'XYZ-001', '--owner', 'me', '--statement', 's'], { cwd: dir }).stderr).toMatch(/unknown requirement XYZ-001/);
    expect(ftr(['attest', 'ARC-005', '--evidence', 'nope.pdf', '--owner', 'me', '--statement', 's'], { cwd: dir }).code).toBe(2);
  });
});

describe('help', () => {
  it('every command has useful --help', () => {
    const run = ftr(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['demo', 'assess', 'catalog', 'rules', 'init', 'attest']) expect(run.stdout).toContain(command);
    expect(ftr(['assess', '--help']).stdout).toMatch(/--fail-on-severity/);
  });
});

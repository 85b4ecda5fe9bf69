// The demo company's templates: `ftr demo` assesses them with the live snapshot and shows the drift between them;
// `ftr check` on them writes SARIF that validates against the official schema, every result at a file and line.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Assessment } from '../../src/core/index.js';
import { sarifSchemaValidator } from '../fixtures/sarif/schema-validator.js';
import { ftr, type CliResult } from './run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'ftr-e2e-demo-iac-'));

describe('ftr demo with the company’s templates', () => {
  // Run from a folder of its own: the demo finds its templates and names them alike from any working folder.
  const dir = tmp();
  let run: CliResult;
  beforeAll(() => {
    run = ftr(['demo', '--out-dir', join(dir, 'out')], { cwd: dir });
  });

  it('prints code and account findings side by side, then the drift both ways', () => {
    expect(run.code, run.stderr).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/Code and account side by side\n {2}account 123456789012 \(live snapshot\): \d+ failing finding/);
    expect(out).toMatch(/ {2}code \(5 file\(s\) under demo\/brightwave\/templates\): \d+ failing finding/);
    expect(out).toMatch(/\n {4}HIGH customer-role-least-privilege {2}brightwave-read \(demo\/brightwave\/templates\//);
    expect(out).toMatch(/Drift between code and account \(\d+ of \d+ paired resources\)/);
    expect(out).toMatch(/Compliant in code, not in the account:\n {4}HIGH {5}ec2-sg-no-public-admin-ports {2}bw-bastion\n {13}code {5}pass {2}demo\/brightwave\/templates\/infrastructure\/network\.yaml:\d+\n {13}account {2}fail {2}123456789012\/us-east-1/);
    expect(out).toMatch(/Compliant in the account, not in code:\n {4}HIGH {5}ebs-volume-encrypted {2}bw-analytics-scratch\n {13}code {5}fail {2}demo\/brightwave\/templates\/terraform\/analytics\.tf:\d+/);
    expect(run.stderr).toContain('drift.md');
    expect(readFileSync(join(dir, 'out', 'drift.md'), 'utf8')).toMatch(/\| `ec2-sg-no-public-admin-ports` \| `bw-bastion` \| code only \|/);
  });

  it('judges the onboarding template with the customer-template rules in the assessment', () => {
    const assessment = Assessment.parse(JSON.parse(readFileSync(join(dir, 'out', 'assessment.json'), 'utf8')));
    expect([...assessment.scope.sources].sort()).toEqual(['cloudformation', 'live', 'terraform']);
    expect(assessment.scope.snapshots.map((s) => s.path)).toContain('demo/brightwave/templates');
    const byId = new Map(assessment.requirements.map((r) => [r.id, r]));
    expect(byId.get('CAA-007')).toMatchObject({ status: 'non_compliant' });
    expect(byId.get('CAA-001')?.gating.map((g) => [g.ruleId, g.status])).toEqual([['customer-access-through-role', 'pass']]);
    expect(byId.get('CAA-002')?.gating.map((g) => [g.ruleId, g.status])).toEqual([['customer-role-external-id', 'pass']]);
    const codeFailing = assessment.findings.filter((f) => f.status === 'fail' && f.resource.source !== 'live');
    expect(codeFailing.map((f) => [f.ruleId, f.resource.file])).toContainEqual(['customer-role-least-privilege', 'demo/brightwave/templates/customer-read-role.yaml']);
    for (const f of codeFailing) {
      expect(f.resource.file, f.id).toMatch(/^demo\/brightwave\/templates\//);
      expect(f.resource.line ?? 0, f.id).toBeGreaterThan(0);
    }
  });
});


interface SarifResult {
  ruleId: string;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }>;
}

describe('ftr check on the demo templates', () => {
  const validator = sarifSchemaValidator();
  const check = (extra: string[]) => {
    const out = join(tmp(), 'x.sarif');
    const run = ftr(['check', 'demo/brightwave/templates', '--format', 'sarif', '--out', out, ...extra]);
    expect(run.code, run.stderr).toBe(0);
    const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: Array<{ results: SarifResult[] }> };
    expect(validator(log)).toEqual([]);
    const results = log.runs[0]!.results;
    for (const result of results) {
      const physical = result.locations[0]!.physicalLocation;
      expect(physical.artifactLocation.uri, result.ruleId).toMatch(/^demo\/brightwave\/templates\/.+\.(ya?ml|tf)$/);
      expect(physical.region?.startLine, result.ruleId).toBeGreaterThan(0);
    }
    return results;
  };

  it('writes valid SARIF with a file and a line on every result', () => {
    check([]);
  });

  it('with the onboarding template marked as shipped, reports its findings at their file and line', () => {
    const results = check(['--customer-templates', 'demo/brightwave/templates/customer-read-role.yaml']);
    expect(results.map((r) => r.ruleId)).toContain('customer-role-least-privilege');
  });
});

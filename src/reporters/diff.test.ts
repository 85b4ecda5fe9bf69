import { describe, expect, it } from 'vitest';
import type { Assessment, Finding } from '../core/index.js';
import { FORBIDDEN, UNSAFE_CHARS, loadSample, withChanges } from '../../test/fixtures/assessments/index.js';
import { diffAssessments, renderDiff, renderDiffJson, renderDiffMarkdown, renderDiffTerminal, type AssessmentDiff } from './diff.js';

const before = loadSample();

function finding(a: Assessment, match: (f: Finding) => boolean): Finding {
  const found = a.findings.find(match);
  if (!found) throw new Error('no such finding in the sample');
  return found;
}

const passing = finding(before, (f) => f.status === 'pass');
const failing = finding(before, (f) => f.ruleId === 'ec2-sg-no-public-admin-ports' && f.status === 'fail');
const failingToRemove = finding(before, (f) => f.ruleId === 'root-no-access-keys' && f.status === 'fail');
const toWaive = finding(before, (f) => f.ruleId === 'sample-iam-user-mfa' && f.status === 'fail');
const toLoseSight = before.findings.filter((f) => f.status === 'pass' && f.resource.uid !== passing.resource.uid)[0]!;

/** The sample, a week later: one check regressed, one fixed, one resource gone, a new failure, a waiver, a blind spot. */
const after = withChanges((a) => {
  a.generatedAt = '2026-06-08T12:00:00.000Z';
  // Regressed: the failing outcome carries a property path, hence another id, on the same rule and resource.
  const regressed = a.findings.find((f) => f.id === passing.id)!;
  Object.assign(regressed, { id: `${passing.ruleId}/regressed`, status: 'fail', outcome: 'fail', message: 'now failing', propertyPath: '/X' });
  for (const f of a.findings.filter((x) => x.ruleId === failing.ruleId && x.resource.uid === failing.resource.uid)) Object.assign(f, { status: 'pass', outcome: 'pass', message: 'now passing' });
  a.findings = a.findings.filter((f) => f.id !== failingToRemove.id);
  a.findings.push({ ...failing, id: 'brand-new/1', ruleId: 'brand-new-rule', status: 'fail', resource: { ...failing.resource, uid: 'arn:aws:ec2:us-east-1:111111111111:security-group/sg-new', name: 'new<script>' } });
  Object.assign(a.findings.find((f) => f.id === toWaive.id)!, { status: 'waived', waiver: { reason: 'accepted for now', origin: 'ftr.yaml:9' } });
  Object.assign(a.findings.find((f) => f.id === toLoseSight.id)!, { status: 'unknown', outcome: 'unknown' });
  // Requirements: one better, one worse.
  a.requirements.find((r) => r.id === 'ARC-004')!.status = 'compliant';
  a.requirements.find((r) => r.id === 'HOST-001')!.status = 'non_compliant';
  // An attestation that has expired since.
  const host = a.requirements.find((r) => r.id === 'HOST-001')!;
  host.attestation = { ...host.attestation!, expired: true, expires: '2026-06-05' };
  // The yardstick and the scope.
  a.checklist.version = '2026_08';
  a.catalogHash = 'c'.repeat(64);
  a.scope.accounts = ['111111111111', '333333333333'];
  a.scope.regions = ['us-east-1'];
});

describe('diffAssessments', () => {
  const diff = diffAssessments(before, after);

  it('finds the regression on the same rule and resource even when the finding id changed', () => {
    expect(diff.findings.regressed).toHaveLength(1);
    expect(diff.findings.regressed[0]).toMatchObject({ ruleId: passing.ruleId, from: 'pass', to: 'fail', message: 'now failing' });
    expect(diff.findings.regressed[0]!.resource.uid).toBe(passing.resource.uid);
  });

  it('counts a failure that passes now, or whose resource is gone, as fixed (with the old message)', () => {
    const fixed = diff.findings.fixed.map((c) => [c.ruleId, c.from, c.to]);
    expect(fixed).toContainEqual([failing.ruleId, 'fail', 'pass']);
    expect(fixed).toContainEqual(['root-no-access-keys', 'fail', null]);
    expect(diff.findings.fixed.find((c) => c.ruleId === failing.ruleId && c.resource.uid === failing.resource.uid)?.message).toBe(failing.message);
  });

  it('lists failures on rule and resource pairs the old run did not have as new', () => {
    expect(diff.findings.new.map((c) => c.ruleId)).toEqual(['brand-new-rule']);
  });

  it('separates newly waived failures and checks that can no longer be evaluated', () => {
    expect(diff.findings.waived.map((c) => [c.ruleId, c.from, c.to])).toContainEqual(['sample-iam-user-mfa', 'fail', 'waived']);
    expect(diff.findings.nowUnknown.map((c) => c.resource.uid)).toContain(toLoseSight.resource.uid);
  });

  it('reports requirement status changes, worse first', () => {
    expect(diff.requirements.map((r) => [r.id, r.direction])).toEqual([
      ['HOST-001', 'worse'],
      ['ARC-004', 'better'],
    ]);
  });

  it('reports attestations that expired between the runs', () => {
    expect(diff.attestationsExpired).toEqual([{ id: 'HOST-001', title: expect.any(String), owner: expect.any(String), expires: '2026-06-05' }]);
  });

  it('notices a changed checklist version and catalog, and scope changes', () => {
    expect(diff.checklist).toEqual({ changed: true, idChanged: false, versionChanged: true, catalogChanged: true });
    expect(diff.scope.accounts).toEqual({ added: ['333333333333'], removed: ['222222222222'] });
    expect(diff.scope.regions).toEqual({ added: [], removed: ['eu-west-1'] });
    expect(diff.scope.changed).toBe(true);
  });

  it('counts regressions as findings regressed plus requirements that got worse', () => {
    expect(diff.regressions).toBe(2);
  });

  it('an assessment compared with itself has no changes', () => {
    const same = diffAssessments(before, loadSample());
    expect(same.findings.regressed.length + same.findings.fixed.length + same.findings.new.length + same.requirements.length).toBe(0);
    expect(same.regressions).toBe(0);
    expect(same.checklist.changed).toBe(false);
    expect(same.scope.changed).toBe(false);
    expect(same.findings.stillFailing).toBeGreaterThan(0);
  });

  it('a requirement present in only one run is added or removed', () => {
    const fewer = withChanges((a) => void (a.requirements = a.requirements.filter((r) => r.id !== 'RES-007')));
    expect(diffAssessments(before, fewer).requirements).toContainEqual(expect.objectContaining({ id: 'RES-007', direction: 'removed', to: null }));
    expect(diffAssessments(fewer, before).requirements).toContainEqual(expect.objectContaining({ id: 'RES-007', direction: 'added', from: null }));
  });
});

describe('diff renderers', () => {
  const diff: AssessmentDiff = diffAssessments(before, after);

  it('Markdown: headline counts, the yardstick note, tables per change kind; untrusted text escaped', () => {
    const md = renderDiffMarkdown(diff);
    expect(md).toContain('**1 regressed · 1 new · 2 fixed**');
    expect(md).toContain('> The yardstick changed: checklist');
    expect(md.indexOf('## Regressed (1)')).toBeLessThan(md.indexOf('## Fixed (2)'));
    expect(md).toContain('## Attestations expired (1)');
    expect(md).toContain('`new<script>`');
    expect(md.replace(/`[^`]*`/g, '')).not.toContain('<script>');
    for (const c of Object.values(FORBIDDEN)) expect(md).not.toContain(c);
  });

  it('Markdown: caps each section', () => {
    const md = renderDiffMarkdown(diff, { maxFindings: 0 });
    expect(md).toContain('_…and 2 more._');
  });

  it('terminal: plain without colour, coloured with it, never an escape from the data', () => {
    const plain = renderDiffTerminal(diff, { color: false, width: 100 });
    expect(plain).toContain('1 regressed, 1 new, 2 fixed');
    expect(plain).not.toContain('\u001b');
    expect(UNSAFE_CHARS.test(plain)).toBe(false);
    const colored = renderDiffTerminal(diff, { color: true, width: 100 });
    expect(colored).toContain('\u001b[31m1 regressed\u001b[0m');
    // eslint-disable-next-line no-control-regex -- stripping our own colour codes
    expect(colored.replace(/\u001b\[[0-9;]*m/g, '')).not.toContain('\u001b');
  });

  it('JSON: the diff itself', () => {
    expect(JSON.parse(renderDiffJson(diff))).toEqual(JSON.parse(JSON.stringify(diff)));
    expect(renderDiff(diff, 'json')).toBe(renderDiffJson(diff));
  });
});

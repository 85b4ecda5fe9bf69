// Issue 3: two seeded accounts in one moto server — one configured the way the FTR wants it, one with a known fault
// per requirement — scanned with every collector in two Regions and assessed by the real engine with the scenario
// ftr.yaml. The well-configured account is compliant or partially compliant (never unknown) on every issue-3
// requirement and fails no gating rule anywhere; the faulty one is non-compliant on each, for its own fault.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, Snapshot } from '../../../src/core/index.js';
import { startAwsHarness, type AwsHarness } from '../../harness/index.js';
import {
  assessSnapshot,
  FAULTS,
  FAULTY,
  FAULTY_STATUSES,
  findingsOf,
  gatingRulesWith,
  ISSUE_REQUIREMENTS,
  reasonCodes,
  requirement,
  scanScenario,
  seedScenario,
  statuses,
  WELL_CONFIGURED,
  WELL_CONFIGURED_STATUSES,
  writeScenarioConfig,
} from '../../scenarios/index.js';

let h: AwsHarness;
const dir = mkdtempSync(join(tmpdir(), 'ftr-scenarios-'));
const good = {} as { snapshot: Snapshot; assessment: Assessment };
const bad = {} as { snapshot: Snapshot; assessment: Assessment };

beforeAll(async () => {
  h = await startAwsHarness();
  const config = writeScenarioConfig(dir);
  await Promise.all([seedScenario(h, WELL_CONFIGURED), seedScenario(h, FAULTY)]);
  [good.snapshot, bad.snapshot] = await Promise.all([scanScenario(h, WELL_CONFIGURED), scanScenario(h, FAULTY)]);
  good.assessment = assessSnapshot(good.snapshot, config);
  bad.assessment = assessSnapshot(bad.snapshot, config);
});
afterAll(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Records that are not `ok`, for messages: `action region outcome message`. */
const failedRecords = (snapshot: Snapshot) => snapshot.collection.filter((r) => r.outcome !== 'ok').map((r) => `${r.action} ${r.region ?? ''} ${r.outcome} ${r.message ?? ''}`);

describe('the well-configured account', () => {
  it('is scanned in both Regions, with every listing complete', () => {
    expect(good.snapshot.scope).toMatchObject({ accounts: [WELL_CONFIGURED.accountId], regions: [...WELL_CONFIGURED.regions] });
    expect(failedRecords(good.snapshot)).toEqual([]);
  });

  it('is compliant or partially compliant on every issue-3 requirement, as attested', () => {
    const got = statuses(good.assessment, ISSUE_REQUIREMENTS);
    expect(got, JSON.stringify(gatingRulesWith(good.assessment, ['fail', 'unknown', 'error']), null, 2)).toEqual(WELL_CONFIGURED_STATUSES);
  });

  it('fails no gating rule of any requirement of the checklist', () => {
    expect(gatingRulesWith(good.assessment, ['fail', 'error'])).toEqual([]);
  });

  it('has something real for each requirement to judge: at least one gating rule passes on resources', () => {
    for (const id of ISSUE_REQUIREMENTS) {
      const passing = requirement(good.assessment, id).gating.filter((g) => g.status === 'pass');
      expect(passing.length, `${id}: ${JSON.stringify(requirement(good.assessment, id).gating)}`).toBeGreaterThan(0);
    }
    const counts = (ruleId: string) => good.assessment.rules.find((r) => r.id === ruleId)?.counts;
    // Both default security groups are judged (their rules removed), and every volume — the instance's root too.
    expect(counts('ec2-default-sg-restricts-all')).toMatchObject({ pass: 2 });
    expect(counts('ebs-volume-encrypted')).toEqual({ pass: 3 });
    expect(counts('ebs-volume-backed-up')).toEqual({ pass: 3 });
    // The HTTPS listener on a TLS 1.2+ policy and the HTTP listener that redirects.
    expect(counts('elbv2-listener-tls')).toEqual({ pass: 2 });
    // Two console users, a group, an EC2 role and the break-glass role (exempt).
    expect(counts('iam-no-full-admin-grants')).toEqual({ pass: 5 });
  });

  it('is partially compliant on SDAT-003 only for its unattested evidence', () => {
    expect(reasonCodes(good.assessment, 'SDAT-003')).toEqual(['evidence_missing']);
    for (const id of ISSUE_REQUIREMENTS.filter((r) => r !== 'SDAT-003')) expect(reasonCodes(good.assessment, id), id).toEqual([]);
  });
});

describe('the faulty account', () => {
  it('is scanned in both Regions, with every listing complete', () => {
    expect(bad.snapshot.scope).toMatchObject({ accounts: [FAULTY.accountId], regions: [...FAULTY.regions] });
    expect(failedRecords(bad.snapshot)).toEqual([]);
  });

  it('is non-compliant on every issue-3 requirement', () => {
    expect(statuses(bad.assessment, ISSUE_REQUIREMENTS)).toEqual(FAULTY_STATUSES);
  });

  it.each(FAULTS.map((f) => [f.requirement, f.description, f] as const))('%s fails for its own fault: %s', (id, _description, fault) => {
    expect(reasonCodes(bad.assessment, id), findingsOf(bad.assessment, id).join('\n')).toContain(`rule_failed:${fault.rule}`);
    const failing = bad.assessment.findings.filter((f) => f.ruleId === fault.rule && f.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    for (const finding of failing) {
      expect(finding.resource.type, finding.message).toBe(fault.subject.type);
      if (fault.subject.name !== undefined) expect(finding.resource.name, finding.message).toBe(fault.subject.name);
    }
  });

  it('fails no other gating rule of the issue-3 requirements than the faults', () => {
    const expected = FAULTS.map((f) => `${f.requirement} ${f.rule}: fail (rule_failed:${f.rule})`).sort();
    const failing = gatingRulesWith({ requirements: bad.assessment.requirements.filter((r) => (ISSUE_REQUIREMENTS as readonly string[]).includes(r.id)) }, ['fail']);
    expect(failing.sort()).toEqual(expected);
  });
});

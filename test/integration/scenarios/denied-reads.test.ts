// Issue 3, denied reads: the well-configured account scanned with the keys of a user whose policy allows only
// identity and account reads, with moto verifying every request against IAM (`resetAuth(0)`). The requirements whose
// gating data was denied come out unknown with a reason naming the missing collection — never compliant, never not
// applicable — and those whose data was allowed keep the status the same account has with full read access.
//
// moto quirk: under IAM enforcement it renders AccessDenied as XML for every protocol, so JSON and REST-JSON services
// (DynamoDB, EFS, KMS …) fail to parse and their records say `unsupported` where AWS would say `access_denied`. Only
// the XML protocols (EC2, S3, RDS, ELB) are asserted as `access_denied`; either way the data is missing and marked so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, Snapshot } from '../../../src/core/index.js';
import { startAwsHarness, type AwsHarness } from '../../harness/index.js';
import {
  ALLOWED_REQUIREMENTS,
  assessSnapshot,
  COLLECTION_REASON,
  DENIED_REQUIREMENTS,
  READER_USER,
  reasonCodes,
  requirement,
  RESTRICTED_READER,
  scanScenario,
  seedScenario,
  statuses,
  WELL_CONFIGURED_STATUSES,
  writeScenarioConfig,
} from '../../scenarios/index.js';

let h: AwsHarness;
const dir = mkdtempSync(join(tmpdir(), 'ftr-scenarios-'));
let full: Assessment;
let denied: { snapshot: Snapshot; assessment: Assessment };

beforeAll(async () => {
  h = await startAwsHarness();
  const config = writeScenarioConfig(dir);
  const seeded = await seedScenario(h, RESTRICTED_READER);
  full = assessSnapshot(await scanScenario(h, RESTRICTED_READER), config);
  const key = seeded.iam.accessKeys[READER_USER]?.[0];
  if (!key) throw new Error(`no access key was seeded for ${READER_USER}`);
  await h.moto.resetAuth(0);
  try {
    const snapshot = await scanScenario(h, RESTRICTED_READER, { credentials: key });
    denied = { snapshot, assessment: assessSnapshot(snapshot, config) };
  } finally {
    await h.moto.resetAuth('off');
  }
});
afterAll(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const outcomes = (snapshot: Snapshot, action: string) => [...new Set(snapshot.collection.filter((r) => r.action === action).map((r) => r.outcome))];

describe('with full read access', () => {
  it('the account (reader user included) has the well-configured statuses', () => {
    expect(statuses(full, Object.keys(WELL_CONFIGURED_STATUSES))).toEqual(WELL_CONFIGURED_STATUSES);
  });
});

describe('with keys whose policy denies most reads', () => {
  it('identifies the account and records every denied listing, in each Region', () => {
    expect(denied.snapshot.scope.accounts).toEqual([RESTRICTED_READER.accountId]);
    for (const action of ['ec2:DescribeSecurityGroups', 'ec2:DescribeVolumes', 'rds:DescribeDBInstances', 'elasticloadbalancing:DescribeLoadBalancers']) {
      const records = denied.snapshot.collection.filter((r) => r.action === action);
      expect(records.map((r) => r.region).sort(), action).toEqual([...RESTRICTED_READER.regions].sort());
      expect(outcomes(denied.snapshot, action), action).toEqual(['access_denied']);
    }
    expect(outcomes(denied.snapshot, 's3:ListAllMyBuckets')).toEqual(['access_denied']);
    for (const action of ['dynamodb:ListTables', 'elasticfilesystem:DescribeFileSystems']) expect(outcomes(denied.snapshot, action), action).not.toContain('ok');
  });

  it('reads what the policy allows', () => {
    for (const action of ['iam:GetAccountAuthorizationDetails', 'iam:GetCredentialReport', 'iam:GetAccountPasswordPolicy', 'account:GetAlternateContact']) {
      expect(outcomes(denied.snapshot, action), action).toEqual(['ok']);
    }
  });

  it.each(Object.entries(DENIED_REQUIREMENTS))('%s, whose data was denied, is unknown with collection reasons', (id, expectedReasons) => {
    const got = requirement(denied.assessment, id);
    const codes = reasonCodes(denied.assessment, id);
    expect(got.status, codes.join(', ')).toBe('unknown');
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(code).toMatch(COLLECTION_REASON);
    expect(codes.some((c) => expectedReasons.includes(c)), `${codes.join(', ')} names none of ${expectedReasons.join(', ')}`).toBe(true);
    // Nothing it gates on was judged from data the scan never saw.
    for (const gate of got.gating) expect(['unknown', 'error'], `${gate.ruleId}: ${gate.status}`).toContain(gate.status);
  });

  it('keeps the status of the requirements whose data was allowed', () => {
    const ids = [...ALLOWED_REQUIREMENTS];
    expect(statuses(denied.assessment, ids)).toEqual(statuses(full, ids));
    expect(statuses(denied.assessment, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, WELL_CONFIGURED_STATUSES[id]])));
  });
});

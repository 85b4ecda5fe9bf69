// Test-only: the ftr.yaml the scenario accounts are assessed with. It attests, with their evidence pieces, four of
// the issue-3 requirements that need evidence (IAM-001, IAM-006, S3-001, ACOM-001) and deliberately leaves SDAT-003's
// evidence (the outbound integrations) unattested: where the checks pass, those four are compliant and SDAT-003 is
// partially compliant; the automated ones (IAM-003, NETSEC-001, SDAT-002, BAR-001) need no evidence.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The clock of every scenario assessment (the CLI tests pin `FTR_NOW` to it). */
export const ASSESS_NOW = '2026-11-26T12:00:00Z';
export const CHECKLIST = 'partner-hosted@2026_02';

export const SCENARIO_CONFIG = `# Scenario accounts (test/scenarios): product facts and attestations.
version: 1
product:
  name: Scenario Company
  hosting: partner-hosted
  checklist: ${CHECKLIST}
  storesSensitiveData: true
  accessesCustomerAccounts: false
  emailDomains: [example.com]

attestations:
  - requirement: IAM-001
    claim: met
    statement: Operators sign in through IAM Identity Center, which enforces MFA; IAM console users have MFA.
    evidence:
      - { url: 'https://wiki.example.com/security/identity-center-mfa', covers: [idp-mfa-settings] }
    owner: security@example.com
    attested: 2026-09-01

  - requirement: IAM-006
    claim: met
    statement: Permissions are granted per role from scoped policies; full access only through the break-glass role.
    evidence:
      - { url: 'https://wiki.example.com/security/permission-model', covers: [permission-model] }
    owner: security@example.com
    attested: 2026-09-01

  - requirement: S3-001
    claim: met
    statement: Bucket access was reviewed; no bucket is public.
    evidence:
      - { value: 'Bucket access review 2026-09-01: no public buckets', covers: [bucket-access-review] }
    owner: platform@example.com
    attested: 2026-09-01

  - requirement: ACOM-001
    claim: met
    statement: Each alternate contact is a team mailbox.
    evidence:
      - { value: 'billing@, ops@ and security@example.com are team mailboxes of 3-5 people', covers: [contact-distribution-lists] }
    owner: ops@example.com
    attested: 2026-09-01
`;

/** Writes the scenario ftr.yaml into a fresh temporary folder; returns its path. */
export function writeScenarioConfig(dir: string = mkdtempSync(join(tmpdir(), 'ftr-scenario-'))): string {
  const path = join(dir, 'ftr.yaml');
  writeFileSync(path, SCENARIO_CONFIG);
  return path;
}

// Test-only: the well-configured estate with one clear, known fault per requirement, each named with the gating rule
// it must fail. Everything else stays as in the well-configured account, so each requirement fails for its own fault.
import type { EstateSpec, ScenarioSpec } from '../spec.js';
import { SCENARIO_REGIONS, wellConfiguredEstate } from './well-configured.js';

export const FAULTY_ACCOUNT = '222222222222';
const BUCKET_PREFIX = 'scenario-bad';

/** A deep, writable copy of a spec, for faults to edit. */
type Draft<T> = T extends ReadonlyArray<infer U> ? Array<Draft<U>> : T extends object ? { -readonly [K in keyof T]: Draft<T[K]> } : T;

export interface Fault {
  requirement: string;
  /** The gating rule the fault makes fail. */
  rule: string;
  description: string;
  /** The one resource the rule must fail on: its type and, where it has one, its name. */
  subject: { type: string; name?: string };
  apply(estate: Draft<EstateSpec>): void;
}

const region = (estate: Draft<EstateSpec>, name: string) => {
  const found = estate.regions?.[name];
  if (!found) throw new Error(`the estate has no Region ${name}`);
  return found;
};

export const FAULTS: readonly Fault[] = [
  {
    requirement: 'IAM-001',
    rule: 'iam-user-console-mfa',
    description: 'console user carol has no MFA device',
    subject: { type: 'AWS::IAM::User', name: 'carol' },
    apply: (e) => void e.iam?.users?.push({ name: 'carol', consolePassword: true, mfa: false, groups: ['developers'] }),
  },
  {
    requirement: 'IAM-003',
    rule: 'password-policy-length-and-reuse',
    description: 'the password policy asks for 8 characters and does not block reuse',
    subject: { type: 'AWS::Account' },
    apply: (e) => {
      if (e.iam) e.iam.passwordPolicy = { minimumLength: 8, requireNumbers: true, allowUsersToChangePassword: true };
    },
  },
  {
    requirement: 'IAM-006',
    rule: 'iam-no-full-admin-grants',
    description: 'IAM user ops-admin has an inline "*:*" policy',
    subject: { type: 'AWS::IAM::User', name: 'ops-admin' },
    apply: (e) =>
      void e.iam?.users?.push({ name: 'ops-admin', inlinePolicies: { admin: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } } }),
  },
  {
    requirement: 'NETSEC-001',
    rule: 'ec2-sg-no-public-admin-ports',
    description: 'security group ssh-open lets 0.0.0.0/0 reach port 22',
    subject: { type: 'AWS::EC2::SecurityGroup', name: 'ssh-open' },
    apply: (e) => void region(e, 'us-east-1').securityGroups?.push({ name: 'ssh-open', description: 'SSH from anywhere', ingress: [{ protocol: 'tcp', port: 22 }] }),
  },
  {
    requirement: 'S3-001',
    rule: 's3-bucket-not-public',
    description: 'bucket scenario-bad-public-assets has a public-read bucket policy and no Block Public Access',
    subject: { type: 'AWS::S3::Bucket', name: `${BUCKET_PREFIX}-public-assets` },
    apply: (e) => {
      if (!e.s3) return;
      e.s3.accountPublicAccessBlock = false;
      e.s3.buckets?.push({
        name: `${BUCKET_PREFIX}-public-assets`,
        policy: { Version: '2012-10-17', Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET_PREFIX}-public-assets/*` }] },
      });
    },
  },
  {
    requirement: 'SDAT-002',
    rule: 'ebs-volume-encrypted',
    description: 'EBS volume scratch is not encrypted (and EBS encryption by default is off)',
    subject: { type: 'AWS::EC2::Volume', name: 'scratch' },
    apply: (e) => {
      const us = region(e, 'us-east-1');
      us.ebsEncryptionByDefault = false;
      (us.volumes ??= []).push({ name: 'scratch', encrypted: false, tags: { backup: 'daily' } });
    },
  },
  {
    requirement: 'SDAT-003',
    rule: 'elbv2-listener-tls',
    description: 'the internet-facing ALB web serves HTTP on port 80 instead of redirecting to HTTPS',
    subject: { type: 'AWS::ElasticLoadBalancingV2::Listener', name: 'HTTP:80' },
    apply: (e) => {
      for (const listener of region(e, 'us-east-1').loadBalancers?.[0]?.listeners ?? []) if (listener.protocol === 'HTTP') listener.action = 'forward';
    },
  },
  {
    requirement: 'BAR-001',
    rule: 'rds-automated-backups-enabled',
    description: 'RDS instance reports-db keeps no automated backups (retention 0) and no AWS Backup plan covers it',
    subject: { type: 'AWS::RDS::DBInstance', name: 'reports-db' },
    apply: (e) =>
      void region(e, 'us-east-1').databases?.push({ id: 'reports-db', engine: 'mysql', encrypted: true, backupRetentionDays: 0, publiclyAccessible: false }),
  },
  {
    requirement: 'ACOM-001',
    rule: 'alternate-contacts-set',
    description: 'no security alternate contact',
    subject: { type: 'AWS::Account' },
    apply: (e) => {
      if (e.account?.alternateContacts) delete e.account.alternateContacts.SECURITY;
    },
  },
];

export function faultyEstate(faults: readonly Fault[] = FAULTS): EstateSpec {
  const estate = structuredClone(wellConfiguredEstate(FAULTY_ACCOUNT, BUCKET_PREFIX)) as Draft<EstateSpec>;
  for (const fault of faults) fault.apply(estate);
  return estate as EstateSpec;
}

export const FAULTY: ScenarioSpec = {
  name: 'faulty',
  accountId: FAULTY_ACCOUNT,
  regions: SCENARIO_REGIONS,
  estate: faultyEstate(),
};

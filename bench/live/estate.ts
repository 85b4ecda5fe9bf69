// The live benchmark's estate: one account's worth of resources over three Regions, built from index patterns so
// both benchmark accounts get exactly the same estate (only bucket names differ: they are global across moto's
// accounts). It mixes compliant and non-compliant resources so both tools have something to pass and to fail, and it
// leans on what both Prowler's FTR framework and ftr read (IAM, S3, EC2/VPC, EBS, RDS, DynamoDB, EFS, SNS); log
// groups, Lambda functions and load balancers are read by ftr only, so they add work to ftr's side alone.
import type { BucketSpec, EstateSpec, FunctionSpec, InstanceSpec, PolicyDocument, RegionSpec, RoleSpec, ScenarioSpec, SecurityGroupSpec, UserSpec } from '../../test/scenarios/index.js';

export const BENCH_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const;
/** The user whose access keys each tool scans with (moto files keys under the account that created them). */
export const SCANNER_USER = 'bench-scanner';

/** Counts per account; `scale` multiplies them (1 = the documented ~2,190-resource estate). */
export interface EstateSize {
  users: number;
  groups: number;
  roles: number;
  policies: number;
  bucketsPerRegion: number;
  perRegion: {
    vpcs: number;
    subnetsPerVpc: number;
    securityGroups: number;
    instances: number;
    volumes: number;
    databases: number;
    tables: number;
    fileSystems: number;
    topics: number;
    logGroups: number;
    functions: number;
    loadBalancers: number;
  };
}

export function estateSize(scale = 1): EstateSize {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  return {
    users: n(200),
    groups: 10,
    roles: Math.max(50, n(150)),
    policies: n(100),
    bucketsPerRegion: n(50),
    perRegion: {
      vpcs: n(4),
      subnetsPerVpc: 3,
      securityGroups: n(130),
      instances: n(50),
      volumes: n(180),
      databases: n(8),
      tables: n(40),
      fileSystems: n(8),
      topics: n(40),
      logGroups: n(40),
      functions: n(10),
      loadBalancers: n(3),
    },
  };
}

const doc = (...Statement: PolicyDocument['Statement']): PolicyDocument => ({ Version: '2012-10-17', Statement });

/** Roles: EC2 roles (instance profiles), Lambda roles, then cross-account and service roles. */
const EC2_ROLES = 30;
const LAMBDA_ROLES = 20;

function iamUsers(size: EstateSize): UserSpec[] {
  const users: UserSpec[] = Array.from({ length: size.users }, (_, i) => ({
    name: `user-${i}`,
    consolePassword: i % 5 <= 1,
    mfa: i % 5 === 0,
    accessKeys: i % 4 === 0 ? 1 : 0,
    groups: [`team-${i % size.groups}`],
    ...(i % 10 === 3 ? { managedPolicies: [`app-policy-${i % size.policies}`] } : {}),
    ...(i % 20 === 7 ? { inlinePolicies: { 'read-logs': doc({ Effect: 'Allow', Action: ['logs:GetLogEvents'], Resource: '*' }) } } : {}),
    tags: { team: `team-${i % size.groups}` },
  }));
  users.push({ name: SCANNER_USER, accessKeys: 1 });
  return users;
}

function iamRoles(size: EstateSize, accountId: string): RoleSpec[] {
  return Array.from({ length: size.roles }, (_, i): RoleSpec => {
    if (i < EC2_ROLES) return { name: `ec2-role-${i}`, trustedBy: 'ec2.amazonaws.com', managedPolicies: [`app-policy-${i % size.policies}`] };
    if (i < EC2_ROLES + LAMBDA_ROLES) return { name: `lambda-role-${i}`, trustedBy: 'lambda.amazonaws.com', inlinePolicies: { logs: doc({ Effect: 'Allow', Action: 'logs:*', Resource: '*' }) } };
    const admin = i % 25 === 0;
    return {
      name: `svc-role-${i}`,
      trustedBy: i % 2 === 0 ? '999999999999' : accountId,
      inlinePolicies: { main: admin ? doc({ Effect: 'Allow', Action: '*', Resource: '*' }) : doc({ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: '*' }) },
      tags: { owner: `team-${i % size.groups}` },
    };
  });
}

function buckets(size: EstateSize, prefix: string): BucketSpec[] {
  return BENCH_REGIONS.flatMap((region, r) =>
    Array.from({ length: size.bucketsPerRegion }, (_, k): BucketSpec => {
      const name = `${prefix}-${r}-${k}`;
      const arns = [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`];
      const policy =
        k % 3 === 0
          ? doc({ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: arns, Condition: { Bool: { 'aws:SecureTransport': 'false' } } })
          : k % 3 === 1
            ? doc({ Sid: 'AppRead', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 's3:GetObject', Resource: arns[1]! })
            : doc({ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: arns[1]! });
      return {
        name,
        region,
        policy,
        blockPublicAccess: k % 3 !== 2,
        ownerEnforced: k % 2 === 0,
        ...(k % 2 === 0 ? { encryption: 'aws:kms' as const } : {}),
        versioning: k % 4 === 0,
        tags: { env: k % 2 === 0 ? 'production' : 'staging' },
      };
    }),
  );
}

function securityGroups(count: number): SecurityGroupSpec[] {
  return Array.from({ length: count }, (_, k): SecurityGroupSpec => {
    const name = `sg-${k}`;
    switch (k % 6) {
      case 0:
        return { name, ingress: [{ protocol: 'tcp', port: 22 }] };
      case 1:
        return { name, ingress: [{ protocol: 'tcp', port: 443 }, { protocol: 'tcp', port: 80 }] };
      case 2:
        return { name, ingress: [{ protocol: 'tcp', port: 3306, cidr: '10.0.0.0/8' }] };
      case 3:
        return { name, ingress: [{ protocol: '-1' }] };
      default:
        return { name, ingress: [{ protocol: 'tcp', port: 8080, cidr: '172.31.0.0/16' }], egress: [{ protocol: 'tcp', port: 443 }] };
    }
  });
}

function instances(size: EstateSize): InstanceSpec[] {
  const p = size.perRegion;
  return Array.from({ length: p.instances }, (_, k): InstanceSpec => ({
    name: `app-${k}`,
    securityGroups: [`sg-${k % p.securityGroups}`],
    rootEncrypted: k % 2 === 0,
    ...(k % 3 === 0 ? { role: `ec2-role-${k % EC2_ROLES}` } : {}),
    requireImdsV2: k % 2 === 0,
    publicIp: k % 5 === 0,
    tags: { env: k % 2 === 0 ? 'production' : 'staging', ...(k % 2 === 0 ? { backup: 'daily' } : {}) },
  }));
}

function functions(size: EstateSize): FunctionSpec[] {
  return Array.from({ length: size.perRegion.functions }, (_, k) => ({
    name: `fn-${k}`,
    role: `lambda-role-${EC2_ROLES + (k % LAMBDA_ROLES)}`,
    environment: { STAGE: 'production', TABLE: `table-${k}` },
    tags: { env: 'production' },
  }));
}

function region(size: EstateSize, r: number): RegionSpec {
  const p = size.perRegion;
  return {
    ...(r === 0 ? { defaultSecurityGroup: 'restrict-all' as const, ebsEncryptionByDefault: true } : {}),
    vpcs: Array.from({ length: p.vpcs }, (_, k) => ({ name: `vpc-${k}`, cidr: `10.${10 + k}.0.0/16`, subnets: p.subnetsPerVpc })),
    securityGroups: securityGroups(p.securityGroups),
    instances: instances(size),
    volumes: Array.from({ length: p.volumes }, (_, k) => ({ name: `vol-${k}`, encrypted: k % 3 !== 0, sizeGiB: 10 + (k % 5) * 10, ...(k % 2 === 0 ? { tags: { backup: 'daily' } } : {}) })),
    databases: Array.from({ length: p.databases }, (_, k) => ({
      id: `db-${k}`,
      engine: k % 2 === 0 ? ('postgres' as const) : ('mysql' as const),
      encrypted: k % 2 === 0,
      backupRetentionDays: k % 4 === 0 ? 0 : 7,
      publiclyAccessible: k % 4 === 1,
      multiAz: k % 2 === 0,
      deletionProtection: k % 2 === 0,
    })),
    tables: Array.from({ length: p.tables }, (_, k) => ({ name: `table-${k}`, pointInTimeRecovery: k % 2 === 0, kmsEncryption: k % 3 === 0 })),
    fileSystems: Array.from({ length: p.fileSystems }, (_, k) => ({ name: `fs-${k}`, encrypted: k % 2 === 0, automaticBackups: k % 2 === 1 })),
    topics: Array.from({ length: p.topics }, (_, k) => ({ name: `topic-${k}`, kmsEncryption: k % 2 === 0 })),
    logGroups: Array.from({ length: p.logGroups }, (_, k) => ({ name: `/app/service-${k}`, ...(k % 2 === 0 ? { retentionDays: 30 } : {}) })),
    functions: functions(size),
    loadBalancers: Array.from({ length: p.loadBalancers }, (_, k) => ({
      name: `web-${k}`,
      scheme: 'internet-facing' as const,
      securityGroups: ['sg-1'],
      listeners: [
        { protocol: 'HTTPS' as const, port: 443, action: 'forward' as const },
        { protocol: 'HTTP' as const, port: 80, action: k % 2 === 0 ? ('redirect-to-https' as const) : ('forward' as const) },
      ],
      targets: [`app-${k % p.instances}`],
    })),
    lifecyclePolicies: [{ description: 'daily EBS snapshots', resourceTypes: ['VOLUME', 'INSTANCE'], targetTags: { backup: 'daily' } }],
  };
}

export function benchmarkEstate(accountId: string, size: EstateSize): EstateSpec {
  return {
    account: {
      alternateContacts: { SECURITY: { name: 'Security team', title: 'Security', email: 'security@example.com', phone: '+1 555 0100' } },
      root: { mfaEnabled: true, accessKeysPresent: false },
      supportTier: 'business',
    },
    iam: {
      passwordPolicy: { minimumLength: 8, requireLowercase: true, requireUppercase: true, allowUsersToChangePassword: true },
      policies: Array.from({ length: size.policies }, (_, i) => ({
        name: `app-policy-${i}`,
        document: i % 10 === 0 ? doc({ Effect: 'Allow', Action: '*', Resource: '*' }) : doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::app-${i}/*` }),
      })),
      groups: Array.from({ length: size.groups }, (_, i) => ({ name: `team-${i}`, managedPolicies: [`app-policy-${i % size.policies}`] })),
      users: iamUsers(size),
      roles: iamRoles(size, accountId),
    },
    s3: { accountPublicAccessBlock: false, buckets: buckets(size, `bench-${accountId}`) },
    regions: Object.fromEntries(BENCH_REGIONS.map((name, r) => [name, region(size, r)])),
  };
}

export function benchmarkScenario(name: string, accountId: string, size: EstateSize): ScenarioSpec {
  return { name, accountId, regions: BENCH_REGIONS, estate: benchmarkEstate(accountId, size) };
}

/** What one account holds, by kind: seeded resources (plus what AWS creates with them, listed apart). */
export function resourceCounts(spec: ScenarioSpec): { seeded: Record<string, number>; alongside: Record<string, number>; total: number } {
  const e = spec.estate;
  const regions = Object.values(e.regions ?? {});
  const sum = (f: (r: RegionSpec) => number) => regions.reduce((n, r) => n + f(r), 0);
  const seeded: Record<string, number> = {
    'IAM users': e.iam?.users?.length ?? 0,
    'IAM groups': e.iam?.groups?.length ?? 0,
    'IAM roles': e.iam?.roles?.length ?? 0,
    'IAM customer managed policies': e.iam?.policies?.length ?? 0,
    'S3 buckets (each with a bucket policy)': e.s3?.buckets?.length ?? 0,
    VPCs: sum((r) => r.vpcs?.length ?? 0),
    subnets: sum((r) => (r.vpcs ?? []).reduce((n, v) => n + v.subnets, 0)),
    'security groups': sum((r) => r.securityGroups?.length ?? 0),
    'EC2 instances': sum((r) => r.instances?.length ?? 0),
    'EBS volumes': sum((r) => r.volumes?.length ?? 0),
    'RDS DB instances': sum((r) => r.databases?.length ?? 0),
    'DynamoDB tables': sum((r) => r.tables?.length ?? 0),
    'EFS file systems': sum((r) => r.fileSystems?.length ?? 0),
    'SNS topics': sum((r) => r.topics?.length ?? 0),
    'CloudWatch log groups': sum((r) => r.logGroups?.length ?? 0),
    'Lambda functions': sum((r) => r.functions?.length ?? 0),
    'Application Load Balancers': sum((r) => r.loadBalancers?.length ?? 0),
  };
  const alongside: Record<string, number> = {
    'bucket policies': e.s3?.buckets?.filter((b) => b.policy).length ?? 0,
    'instance root volumes': sum((r) => r.instances?.length ?? 0),
    'access keys': (e.iam?.users ?? []).reduce((n, u) => n + (u.accessKeys ?? 0), 0),
    'virtual MFA devices': e.iam?.users?.filter((u) => u.mfa).length ?? 0,
    'instance profiles': e.iam?.roles?.filter((r) => r.trustedBy === 'ec2.amazonaws.com').length ?? 0,
    'target groups + listeners': sum((r) => (r.loadBalancers ?? []).reduce((n, lb) => n + 1 + lb.listeners.length, 0)),
    'DLM policies (proxy stand-in)': sum((r) => r.lifecyclePolicies?.length ?? 0),
    "default VPCs, their subnets and security groups (moto's, as AWS's)": regions.length,
  };
  return { seeded, alongside, total: Object.values(seeded).reduce((a, b) => a + b, 0) };
}

// The demo company: Brightwave Analytics, a fictitious SaaS vendor (an analytics product hosted in its own account),
// as the estate scripts/demo/build-demo-snapshot.ts seeds into moto and scans into demo/brightwave/snapshots/live.json.
// Mostly configured the way the FTR wants it, with the faults a real two-Region account accumulates: console users
// without MFA, an old CI key, admin grants to a consultant and a legacy role, a short password policy, SSH open to the
// internet, a legacy reporting corner in eu-west-1 (public instance, public unencrypted database, plain HTTP, an
// unrestricted default security group, an unencrypted queue, a password in a plain parameter), a public bucket,
// credentials in user data, a Lambda and a task definition, some data without backups, no operations contact.
// `ftr demo` then shows every status. Names match the company's templates (demo/brightwave/templates), so the drift
// between code and account is visible.
import type { ContactSpec, EstateSpec, LifecyclePolicySpec, ScenarioSpec, TimelineSpec } from '../spec.js';
import { contact as sharedContact, denyHttp, doc } from './policy-helpers.js';

export const BRIGHTWAVE_ACCOUNT = '123456789012';
export const BRIGHTWAVE_REGIONS = ['us-east-1', 'eu-west-1'] as const;
const DATADOG_ACCOUNT = '464622532012';
const ACME_CONSULTING_ACCOUNT = '777788889999';

const awsPolicy = (name: string) => `arn:aws:iam::aws:policy/${name}`;
const contact = (name: string, title: string, mailbox: string): ContactSpec => sharedContact(name, title, `${mailbox}@brightwave.example`, '+1-555-0100');
const daily = (description: string): LifecyclePolicySpec => ({ description, resourceTypes: ['VOLUME', 'INSTANCE'], targetTags: { backup: 'daily' } });
const prod = { env: 'prod', backup: 'daily' } as const;

const estate: EstateSpec = {
  account: {
    alternateContacts: {
      BILLING: contact('Finance team', 'Billing', 'aws-billing'),
      SECURITY: contact('Security team', 'Security', 'security'),
      // No OPERATIONS contact (ACOM-001).
    },
    contactInformation: {
      FullName: 'Brightwave Analytics, Inc.',
      CompanyName: 'Brightwave Analytics, Inc.',
      PhoneNumber: '+15550100',
      AddressLine1: '100 Market Street',
      City: 'San Francisco',
      StateOrRegion: 'CA',
      PostalCode: '94105',
      CountryCode: 'US',
      WebsiteUrl: 'https://brightwave.example',
    },
    root: { mfaEnabled: true, accessKeysPresent: false },
    supportTier: 'business',
    budgets: [{ name: 'bw-monthly', monthlyUsd: 42000, alertAtPercent: 80, alertEmail: 'finance@brightwave.example' }],
    healthChecks: [{ domain: 'app.brightwave.example', path: '/health' }],
    standIns: {
      costAllocationTags: [
        { TagKey: 'team', Type: 'UserDefined', Status: 'Active' },
        { TagKey: 'env', Type: 'UserDefined', Status: 'Active' },
        { TagKey: 'cost-center', Type: 'UserDefined', Status: 'Inactive' },
      ],
      anomalyMonitors: [{ MonitorArn: `arn:aws:ce::${BRIGHTWAVE_ACCOUNT}:anomalymonitor/services`, MonitorName: 'services', MonitorType: 'DIMENSIONAL', MonitorDimension: 'SERVICE' }],
      anomalySubscriptions: [
        {
          SubscriptionArn: `arn:aws:ce::${BRIGHTWAVE_ACCOUNT}:anomalysubscription/daily-finance`,
          SubscriptionName: 'daily-finance',
          MonitorArnList: [`arn:aws:ce::${BRIGHTWAVE_ACCOUNT}:anomalymonitor/services`],
          Subscribers: [{ Type: 'EMAIL', Address: 'finance@brightwave.example' }],
          Frequency: 'DAILY',
          Threshold: 100,
        },
      ],
    },
  },

  iam: {
    // 12 characters: below the 14 the FTR asks for (IAM-003).
    passwordPolicy: {
      minimumLength: 12,
      reusePrevention: 24,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercase: true,
      requireLowercase: true,
      allowUsersToChangePassword: true,
    },
    policies: [
      {
        name: 'brightwave-api',
        document: doc(
          { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'], Resource: `arn:aws:dynamodb:us-east-1:${BRIGHTWAVE_ACCOUNT}:table/bw-*` },
          { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:us-east-1:${BRIGHTWAVE_ACCOUNT}:secret:bw/api/*` },
        ),
      },
      {
        name: 'brightwave-worker',
        document: doc(
          { Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], Resource: `arn:aws:sqs:us-east-1:${BRIGHTWAVE_ACCOUNT}:bw-*` },
          // A whole service on every resource (iam-no-service-wildcard-grants).
          { Effect: 'Allow', Action: 's3:*', Resource: '*' },
        ),
      },
      { name: 'brightwave-developer', document: doc({ Effect: 'Allow', Action: ['logs:GetLogEvents', 'logs:FilterLogEvents', 'cloudwatch:Get*', 'cloudwatch:List*', 'ecs:Describe*'], Resource: '*' }) },
      { name: 'brightwave-deploy', document: doc({ Effect: 'Allow', Action: ['cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet', 'ecs:UpdateService'], Resource: '*' }) },
    ],
    groups: [
      { name: 'platform-admins', managedPolicies: [awsPolicy('AdministratorAccess')] },
      { name: 'developers', managedPolicies: ['brightwave-developer'] },
      { name: 'security-audit', managedPolicies: [awsPolicy('SecurityAudit')] },
    ],
    users: [
      { name: 'alice.nguyen', consolePassword: true, mfa: true, groups: ['platform-admins'] },
      // Console users without MFA (IAM-001).
      { name: 'ben.ortiz', consolePassword: true, mfa: false, groups: ['developers'] },
      { name: 'carla.ruiz', consolePassword: true, mfa: true, groups: ['developers'] },
      { name: 'dev.kumar', consolePassword: true, mfa: true, groups: ['developers'], accessKeys: 1 },
      { name: 'eva.schmidt', consolePassword: true, mfa: true, groups: ['security-audit'] },
      // A shared login, without MFA.
      { name: 'shared-ops', consolePassword: true, mfa: false, groups: ['platform-admins'] },
      // Workloads on long-term keys; the CI key is 600 days old (BRIGHTWAVE_AGES, IAM-002) and holds admin (IAM-006).
      { name: 'ci-deploy', accessKeys: 1, managedPolicies: [awsPolicy('AdministratorAccess')] },
      // Mid-rotation: the old key deactivated, not yet deleted.
      { name: 'reporting-export', accessKeys: 2, inactiveAccessKeys: 1, managedPolicies: [awsPolicy('ReadOnlyAccess')] },
    ],
    roles: [
      { name: 'brightwave-api-task', trustedBy: 'ecs-tasks.amazonaws.com', managedPolicies: ['brightwave-api'] },
      { name: 'brightwave-worker-task', trustedBy: 'ecs-tasks.amazonaws.com', managedPolicies: ['brightwave-worker'] },
      {
        name: 'brightwave-ingest-lambda',
        trustedBy: 'lambda.amazonaws.com',
        managedPolicies: [awsPolicy('service-role/AWSLambdaBasicExecutionRole')],
        inlinePolicies: { ingest: doc({ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: 'arn:aws:s3:::brightwave-ingest-raw/*' }) },
      },
      { name: 'brightwave-ec2-app', trustedBy: 'ec2.amazonaws.com', managedPolicies: [awsPolicy('AmazonSSMManagedInstanceCore')] },
      { name: 'brightwave-deploy', trustedBy: BRIGHTWAVE_ACCOUNT, requireMfa: true, managedPolicies: ['brightwave-deploy'] },
      // The monitoring vendor, listed in ftr.yaml's trustedAccounts, behind an external id.
      { name: 'datadog-integration', trustedBy: DATADOG_ACCOUNT, externalId: 'bw-dd-5f1c2a', managedPolicies: [awsPolicy('ReadOnlyAccess')] },
      // A consultancy with admin, no external id and not a listed third party (IAM-005, IAM-006).
      { name: 'acme-consulting-access', trustedBy: ACME_CONSULTING_ACCOUNT, managedPolicies: [awsPolicy('AdministratorAccess')] },
      // Full access kept on purpose for emergencies, behind MFA: exempt by name.
      { name: 'break-glass-admin', trustedBy: BRIGHTWAVE_ACCOUNT, requireMfa: true, managedPolicies: [awsPolicy('AdministratorAccess')] },
      // A forgotten ETL role with "*:*" inline (IAM-006).
      { name: 'legacy-etl', trustedBy: 'glue.amazonaws.com', inlinePolicies: { everything: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) } },
    ],
  },

  s3: {
    // No account-level Block Public Access: the website bucket is public on purpose (waived in ftr.yaml).
    accountPublicAccessBlock: false,
    buckets: [
      { name: 'brightwave-customer-data', blockPublicAccess: true, ownerEnforced: true, encryption: 'aws:kms', versioning: true, policy: doc(denyHttp('brightwave-customer-data')) },
      { name: 'brightwave-access-logs', blockPublicAccess: true, ownerEnforced: true, encryption: 'AES256', versioning: true },
      {
        name: 'brightwave-cloudtrail',
        blockPublicAccess: true,
        ownerEnforced: true,
        encryption: 'aws:kms',
        versioning: true,
        policy: doc(denyHttp('brightwave-cloudtrail'), {
          Sid: 'AWSCloudTrailWrite',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::brightwave-cloudtrail/AWSLogs/${BRIGHTWAVE_ACCOUNT}/*`,
        }),
      },
      // Public website assets, read by anyone (waived in ftr.yaml).
      { name: 'brightwave-www', encryption: 'AES256', policy: doc({ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::brightwave-www/*' }) },
      // Exports for a partner, made public through the ACL (S3-001).
      { name: 'brightwave-partner-exports', acl: 'public-read' },
      { name: 'brightwave-ingest-raw', blockPublicAccess: true, ownerEnforced: true, encryption: 'aws:kms', versioning: true },
      { name: 'brightwave-ml-artifacts', blockPublicAccess: true, ownerEnforced: true },
      { name: 'brightwave-eu-customer-data', region: 'eu-west-1', blockPublicAccess: true, ownerEnforced: true, encryption: 'aws:kms', versioning: true, policy: doc(denyHttp('brightwave-eu-customer-data')) },
      { name: 'brightwave-eu-reports', region: 'eu-west-1', blockPublicAccess: true, ownerEnforced: true },
      { name: 'brightwave-terraform-state', region: 'eu-west-1', blockPublicAccess: true, ownerEnforced: true, encryption: 'aws:kms', versioning: true },
    ],
  },

  regions: {
    // The product: a VPC with public and private subnets in two zones, the app behind a public ALB.
    'us-east-1': {
      defaultSecurityGroup: 'restrict-all',
      ebsEncryptionByDefault: true,
      vpcs: [{ name: 'bw-us-east-1', cidr: '10.20.0.0/16', subnets: 2, publicSubnets: 2, natGateway: true, flowLogs: true, defaultSecurityGroup: 'restrict-all' }],
      securityGroups: [
        {
          name: 'bw-public-alb',
          vpc: 'bw-us-east-1',
          description: 'HTTPS from the internet',
          ingress: [
            { protocol: 'tcp', port: 443 },
            { protocol: 'tcp', port: 443, cidr: '::/0' },
            { protocol: 'tcp', port: 80 },
          ],
        },
        { name: 'bw-app', vpc: 'bw-us-east-1', description: 'app servers behind the ALB', ingress: [{ protocol: 'tcp', port: 8080, sourceGroup: 'bw-public-alb' }] },
        { name: 'bw-database', vpc: 'bw-us-east-1', description: 'PostgreSQL from the app', ingress: [{ protocol: 'tcp', port: 5432, sourceGroup: 'bw-app' }] },
        // Opened to the internet "temporarily" in the console; the template says the VPN only (NETSEC-001, drift).
        { name: 'bw-bastion', vpc: 'bw-us-east-1', description: 'bastion', ingress: [{ protocol: 'tcp', port: 22, description: 'temporary: vendor support' }] },
      ],
      instances: [
        { name: 'bw-app-1', vpc: 'bw-us-east-1', zone: 0, securityGroups: ['bw-app'], role: 'brightwave-ec2-app', requireImdsV2: true, rootEncrypted: true, instanceType: 'm6i.large', tags: prod },
        { name: 'bw-app-2', vpc: 'bw-us-east-1', zone: 1, securityGroups: ['bw-app'], role: 'brightwave-ec2-app', requireImdsV2: true, rootEncrypted: true, instanceType: 'm6i.large', tags: prod },
        { name: 'bw-app-3', vpc: 'bw-us-east-1', zone: 0, securityGroups: ['bw-app'], role: 'brightwave-ec2-app', requireImdsV2: true, rootEncrypted: true, instanceType: 'm6i.large', tags: prod },
        {
          name: 'bw-batch-worker',
          vpc: 'bw-us-east-1',
          zone: 1,
          securityGroups: ['bw-app'],
          role: 'brightwave-ec2-app',
          requireImdsV2: true,
          rootEncrypted: true,
          userData: '#!/bin/bash\n/opt/brightwave/worker --queue bw-ingest\n',
          tags: prod,
        },
        // A public bastion (NETSEC-002), on IMDSv1 and without an instance profile.
        { name: 'bw-bastion', vpc: 'bw-us-east-1', subnet: 'public', securityGroups: ['bw-bastion'], publicIp: true, rootEncrypted: true, instanceType: 't3.micro', tags: prod },
        // An old cron box: keys in its user data (IAM-009), no backups (BAR-001).
        {
          name: 'bw-legacy-cron',
          vpc: 'bw-us-east-1',
          securityGroups: ['bw-app'],
          rootEncrypted: true,
          userData: '#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAEXAMPLELEGACY001\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n/opt/cron/run-all\n',
          tags: { env: 'prod' },
        },
      ],
      // Re-created encrypted by hand; the Terraform code still says unencrypted (drift). Scratch space: no backups (BAR-001).
      volumes: [{ name: 'bw-analytics-scratch', sizeGiB: 500, encrypted: true }],
      lifecyclePolicies: [daily('daily EBS snapshots')],
      loadBalancers: [
        {
          name: 'bw-public',
          vpc: 'bw-us-east-1',
          scheme: 'internet-facing',
          securityGroups: ['bw-public-alb'],
          listeners: [
            { protocol: 'HTTPS', port: 443, action: 'forward' },
            { protocol: 'HTTP', port: 80, action: 'redirect-to-https' },
          ],
          targets: ['bw-app-1', 'bw-app-2', 'bw-app-3'],
        },
      ],
      databases: [
        { id: 'bw-core-db', vpc: 'bw-us-east-1', securityGroups: ['bw-database'], engine: 'postgres', encrypted: true, kmsKey: 'bw-data', backupRetentionDays: 14, publiclyAccessible: false, multiAz: true, deletionProtection: true, forceSsl: true, tags: { env: 'prod' } },
        // A read replica for analytics, created without automated backups (BAR-001).
        { id: 'bw-analytics-replica', vpc: 'bw-us-east-1', securityGroups: ['bw-database'], engine: 'postgres', encrypted: true, kmsKey: 'bw-data', backupRetentionDays: 0, publiclyAccessible: false, forceSsl: true, tags: { env: 'prod' } },
      ],
      tables: [
        { name: 'bw-tenants', pointInTimeRecovery: true, kmsEncryption: true },
        // No point-in-time recovery (BAR-001).
        { name: 'bw-sessions', pointInTimeRecovery: false },
        { name: 'bw-usage-events', pointInTimeRecovery: true },
      ],
      fileSystems: [{ name: 'bw-shared-models', encrypted: true, automaticBackups: true }],
      topics: [{ name: 'bw-alerts', kmsEncryption: true }, { name: 'bw-billing-events' }],
      queues: [{ name: 'bw-ingest' }, { name: 'bw-ingest-dlq' }, { name: 'bw-exports', encryption: 'kms' }],
      keys: [
        { alias: 'bw-data', description: 'Brightwave customer data', rotation: true },
        { alias: 'bw-cloudtrail', description: 'Brightwave CloudTrail logs', rotation: true },
      ],
      secrets: [{ name: 'bw/api/stripe', key: 'bw-data' }, { name: 'bw/api/db-credentials', key: 'bw-data' }, { name: 'bw/worker/partner-sftp' }],
      parameters: [
        { name: '/bw/app/feature-flags', type: 'String', value: '{"exports":true}' },
        { name: '/bw/app/log-level', type: 'String', value: 'info' },
        { name: '/bw/app/signing-key', type: 'SecureString', value: 'placeholder' },
      ],
      logGroups: [
        { name: '/bw/cloudtrail', retentionDays: 365 },
        { name: '/ecs/bw-api', retentionDays: 30 },
        { name: '/ecs/bw-worker', retentionDays: 30 },
        { name: '/aws/lambda/bw-ingest', retentionDays: 14 },
        // Kept forever; the Terraform code says 30 days.
        { name: '/aws/lambda/bw-report-builder' },
      ],
      functions: [
        { name: 'bw-ingest', role: 'brightwave-ingest-lambda', runtime: 'nodejs22.x', environment: { BUCKET: 'brightwave-ingest-raw', QUEUE_URL: 'bw-ingest', LOG_LEVEL: 'info' } },
        // An SMTP password in plain environment (IAM-009).
        { name: 'bw-report-builder', role: 'brightwave-ingest-lambda', runtime: 'nodejs22.x', environment: { TEMPLATE_BUCKET: 'brightwave-ml-artifacts', SMTP_HOST: 'smtp.brightwave.example', SMTP_PASSWORD: 'placeholder-not-a-secret' } },
        { name: 'bw-tenant-provisioner', role: 'brightwave-ingest-lambda', runtime: 'nodejs22.x', environment: { TABLE: 'bw-tenants' } },
        { name: 'bw-webhook-dispatch', role: 'brightwave-ingest-lambda', runtime: 'nodejs22.x', environment: { QUEUE_URL: 'bw-exports', SIGNING_SECRET_ARN: 'bw/api/stripe' } },
      ],
      trails: [{ name: 'bw-org-trail', bucket: 'brightwave-cloudtrail', multiRegion: true, logFileValidation: true }],
      repositories: [
        { name: 'bw-api', scanOnPush: true },
        { name: 'bw-worker', scanOnPush: true },
        { name: 'bw-migrations', scanOnPush: true },
      ],
      taskDefinitions: [
        { family: 'bw-api', taskRole: 'brightwave-api-task', image: 'bw-api:2026.11.3', environment: { NODE_ENV: 'production', PORT: '8080' }, secrets: { DATABASE_URL: 'bw/api/db-credentials', STRIPE_KEY: 'bw/api/stripe' } },
        { family: 'bw-worker', taskRole: 'brightwave-worker-task', image: 'bw-worker:2026.11.3', environment: { NODE_ENV: 'production', QUEUE_URL: 'bw-ingest' }, secrets: { DATABASE_URL: 'bw/api/db-credentials' } },
        // A database password in plain environment, and no task role (IAM-009).
        { family: 'bw-migrations', image: 'bw-migrations:2026.11.3', environment: { NODE_ENV: 'production', DB_PASSWORD: 'placeholder-not-a-secret' } },
      ],
      alarms: [
        { name: 'bw-public-5xx', target: { loadBalancer: 'bw-public' }, metric: 'HTTPCode_Target_5XX_Count', threshold: 50, topic: 'bw-alerts' },
        { name: 'bw-public-latency', target: { loadBalancer: 'bw-public' }, metric: 'TargetResponseTime', threshold: 1.5, topic: 'bw-alerts' },
        { name: 'bw-core-db-cpu', target: { database: 'bw-core-db' }, metric: 'CPUUtilization', threshold: 80, topic: 'bw-alerts' },
        { name: 'bw-app-1-cpu', target: { instance: 'bw-app-1' }, metric: 'CPUUtilization', threshold: 80, topic: 'bw-alerts' },
        { name: 'bw-app-2-cpu', target: { instance: 'bw-app-2' }, metric: 'CPUUtilization', threshold: 80, topic: 'bw-alerts' },
        { name: 'bw-app-3-cpu', target: { instance: 'bw-app-3' }, metric: 'CPUUtilization', threshold: 80, topic: 'bw-alerts' },
      ],
      guardDuty: true,
      securityHub: ['arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/5.0.0', 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0'],
      configRecorder: { bucket: 'brightwave-access-logs' },
      // Lambda not scanned (inspector-scans-workloads).
      inspector: ['EC2', 'ECR'],
      standIns: {
        accessAnalyzers: [
          { arn: `arn:aws:access-analyzer:us-east-1:${BRIGHTWAVE_ACCOUNT}:analyzer/brightwave-unused`, name: 'brightwave-unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE', createdAt: new Date('2026-01-12T10:00:00Z') },
          { arn: `arn:aws:access-analyzer:us-east-1:${BRIGHTWAVE_ACCOUNT}:analyzer/brightwave-external`, name: 'brightwave-external', type: 'ACCOUNT', status: 'ACTIVE', createdAt: new Date('2026-01-12T10:00:00Z') },
        ],
        // The restore test of ftr.yaml's BAR-002 attestation.
        backupRestoreJobs: [{ RestoreJobId: 'restore-core-db-2026-04', Status: 'COMPLETED', ResourceType: 'RDS', CreationDate: new Date('2026-04-02T06:10:00Z'), CompletionDate: new Date('2026-04-02T08:00:00Z') }],
        // The review behind ftr.yaml's wafr facts.
        wellArchitectedWorkloads: [{ WorkloadId: 'wl-7f3a', WorkloadName: 'brightwave-platform', UpdatedAt: new Date('2026-03-12T15:00:00Z'), RiskCounts: { HIGH: 2, MEDIUM: 9, NONE: 41, UNANSWERED: 0 } }],
        wellArchitectedMilestones: { 'wl-7f3a': [{ MilestoneNumber: 3, MilestoneName: 'FTR preparation', RecordedAt: new Date('2026-03-12T15:00:00Z') }] },
        // Its high risks: none in security, one in reliability (single-AZ analytics replica), one in operations.
        wellArchitectedLensReviews: {
          'wl-7f3a/wellarchitected': {
            LensAlias: 'wellarchitected',
            PillarReviewSummaries: [
              { PillarId: 'operationalExcellence', RiskCounts: { HIGH: 1 } },
              { PillarId: 'security', RiskCounts: { HIGH: 0 } },
              { PillarId: 'reliability', RiskCounts: { HIGH: 1 } },
              { PillarId: 'performance', RiskCounts: { HIGH: 0 } },
              { PillarId: 'costOptimization', RiskCounts: { HIGH: 0 } },
              { PillarId: 'sustainability', RiskCounts: { HIGH: 0 } },
            ],
          },
        },
      },
    },

    // EU customers' data, and a legacy reporting corner built by hand before the platform team existed.
    'eu-west-1': {
      defaultSecurityGroup: 'restrict-all',
      ebsEncryptionByDefault: false,
      // The VPC's default security group keeps AWS's rules (NETSEC-001).
      vpcs: [{ name: 'bw-eu-west-1', cidr: '10.40.0.0/16', subnets: 2, publicSubnets: 2, natGateway: true }],
      securityGroups: [
        { name: 'bw-eu-app', vpc: 'bw-eu-west-1', description: 'EU app servers', ingress: [{ protocol: 'tcp', port: 8080, cidr: '10.40.0.0/16' }] },
        {
          name: 'bw-eu-legacy-reporting',
          vpc: 'bw-eu-west-1',
          description: 'legacy reporting',
          ingress: [
            { protocol: 'tcp', port: 80 },
            { protocol: 'tcp', port: 443 },
            { protocol: 'tcp', port: 5432, description: 'reporting tool' },
          ],
        },
      ],
      instances: [
        { name: 'bw-eu-app-1', vpc: 'bw-eu-west-1', securityGroups: ['bw-eu-app'], role: 'brightwave-ec2-app', requireImdsV2: true, rootEncrypted: true, instanceType: 'm6i.large', tags: prod },
        // Public, unencrypted, not backed up (NETSEC-002, SDAT-002, BAR-001).
        { name: 'bw-eu-reporting', vpc: 'bw-eu-west-1', subnet: 'public', securityGroups: ['bw-eu-legacy-reporting'], publicIp: true, role: 'brightwave-ec2-app', rootEncrypted: false, instanceType: 'm6i.large', tags: { env: 'prod' } },
      ],
      lifecyclePolicies: [daily('daily EBS snapshots (EU)')],
      loadBalancers: [
        {
          name: 'bw-eu-reports',
          vpc: 'bw-eu-west-1',
          scheme: 'internet-facing',
          securityGroups: ['bw-eu-legacy-reporting'],
          // Plain HTTP forwarded, and HTTPS on a policy that still allows TLS 1.0 (SDAT-003).
          listeners: [
            { protocol: 'HTTP', port: 80, action: 'forward' },
            { protocol: 'HTTPS', port: 443, sslPolicy: 'ELBSecurityPolicy-2016-08', action: 'forward' },
          ],
          targets: ['bw-eu-reporting'],
        },
      ],
      databases: [
        // Public, unencrypted, TLS not enforced (NETSEC-002, SDAT-002, SDAT-003).
        { id: 'bw-eu-reporting-db', vpc: 'bw-eu-west-1', securityGroups: ['bw-eu-legacy-reporting'], engine: 'postgres', encrypted: false, backupRetentionDays: 7, publiclyAccessible: true, forceSsl: false },
      ],
      tables: [{ name: 'bw-eu-tenants', pointInTimeRecovery: true, kmsEncryption: true }],
      topics: [{ name: 'bw-eu-alerts', kmsEncryption: true }],
      // Not encrypted (SDAT-002).
      queues: [{ name: 'bw-eu-legacy-jobs', encryption: 'none' }],
      keys: [{ alias: 'bw-eu-data', description: 'Brightwave EU customer data', rotation: false }],
      parameters: [
        // A password as a plain String (IAM-010).
        { name: '/bw/eu/reporting/db-password', type: 'String', value: 'placeholder-not-a-secret' },
        { name: '/bw/eu/reporting/endpoint', type: 'String', value: 'bw-eu-reporting-db:5432' },
      ],
      logGroups: [{ name: '/bw/eu/reporting' }],
      // A partner API key in plain environment (IAM-009).
      functions: [{ name: 'bw-eu-export', role: 'brightwave-ingest-lambda', runtime: 'nodejs22.x', environment: { BUCKET: 'brightwave-eu-reports', PARTNER_API_KEY: 'placeholder-not-a-secret' } }],
      guardDuty: false,
      configRecorder: { bucket: 'brightwave-eu-reports' },
    },
  },
};

export const BRIGHTWAVE: ScenarioSpec = {
  name: 'brightwave-prod',
  accountId: BRIGHTWAVE_ACCOUNT,
  regions: BRIGHTWAVE_REGIONS,
  estate,
};

/**
 * The demo snapshot is dated 2026-11-20 (its ftr.yaml attests in 2026; the CLI tests assess it as of 2026-11-26).
 * Everything was "created" the morning before, but the CI user: its key is 601 days old (IAM-002), and in daily use.
 */
export const BRIGHTWAVE_TIMELINE: TimelineSpec = {
  collectedAt: '2026-11-20T09:30:00.000Z',
  seededAt: '2026-11-19T08:00:00.000Z',
  ages: [
    { type: 'AWS::IAM::User', name: 'ci-deploy', path: '/CreateDate', daysAgo: 610 },
    { type: 'AWS::IAM::User', name: 'ci-deploy', path: '/CredentialReport/UserCreationTime', daysAgo: 610 },
    { type: 'AWS::IAM::AccessKey', name: 'ci-deploy/*', path: '/CreateDate', daysAgo: 601 },
    { type: 'AWS::IAM::AccessKey', name: 'ci-deploy/*', path: '/LastUsedDate', daysAgo: 0 },
  ],
};

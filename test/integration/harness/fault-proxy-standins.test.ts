// Every stand-in and patch of the fault proxy, read back through the real SDK v3 command (dates included), and the
// scenario state kept per account (x-moto-account-id header or AssumeRole credentials).
import { AccessAnalyzerClient, ListAnalyzersCommand, ListFindingsV2Command } from '@aws-sdk/client-accessanalyzer';
import { AccountClient, GetContactInformationCommand, GetPrimaryEmailCommand, PutContactInformationCommand } from '@aws-sdk/client-account';
import { BackupClient, ListBackupSelectionsCommand, ListProtectedResourcesCommand, ListRestoreJobsCommand } from '@aws-sdk/client-backup';
import { BudgetsClient, DescribeSubscribersForNotificationCommand } from '@aws-sdk/client-budgets';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { ConfigServiceClient, DescribeConformancePacksCommand } from '@aws-sdk/client-config-service';
import {
  CostExplorerClient,
  GetAnomalyMonitorsCommand,
  GetAnomalySubscriptionsCommand,
  GetReservationCoverageCommand,
  GetSavingsPlansCoverageCommand,
  ListCostAllocationTagsCommand,
} from '@aws-sdk/client-cost-explorer';
import { CreateLifecyclePolicyCommand, DLMClient, GetLifecyclePoliciesCommand, GetLifecyclePolicyCommand } from '@aws-sdk/client-dlm';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateListenerCommand, CreateLoadBalancerCommand, DescribeListenersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  CreatePolicyCommand,
  CreateUserCommand,
  GenerateCredentialReportCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetPolicyVersionCommand,
  IAMClient,
  ListOrganizationsFeaturesCommand,
} from '@aws-sdk/client-iam';
import { BatchGetAccountStatusCommand, Inspector2Client, ListCoverageCommand } from '@aws-sdk/client-inspector2';
import { GetMacieSessionCommand, Macie2Client } from '@aws-sdk/client-macie2';
import { CreateBucketCommand, GetBucketEncryptionCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetEnabledStandardsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { DescribeSeverityLevelsCommand, SupportClient } from '@aws-sdk/client-support';
import { GetLensReviewCommand, ListMilestonesCommand, ListWorkloadsCommand, WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountHeader, assumeRoleCredentials, clientConfig, s3Config, TEST_CREDENTIALS } from '../../harness/aws-clients.js';
import { startAwsHarness, type AwsHarness } from '../../harness/harness.js';

let h: AwsHarness;
const T = new Date('2026-10-15T12:30:00.000Z');
const cfg = () => clientConfig(h.endpoint);
const account = () => h.proxy.state.account('123456789012');
const region = () => account().region('us-east-1');

beforeAll(async () => {
  h = await startAwsHarness();
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.reset();
});

async function errorName(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => 'no error',
    (e: unknown) => (e as Error).name,
  );
}

describe('root account facts', () => {
  it('adds a <root_account> row to the credential report, from the scenario', async () => {
    const iam = new IAMClient(cfg());
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    account().root = { mfaEnabled: true, accessKeysPresent: false, createdAt: new Date('2021-05-01T00:00:00Z'), passwordLastUsed: T };
    await iam.send(new GenerateCredentialReportCommand({}));
    const report = await iam.send(new GetCredentialReportCommand({}));
    const [header = '', root = '', user = ''] = Buffer.from(report.Content ?? new Uint8Array()).toString('utf8').split('\n');
    const row = Object.fromEntries(header.split(',').map((column, i) => [column, root.split(',')[i]]));
    expect(row).toMatchObject({
      user: '<root_account>',
      arn: 'arn:aws:iam::123456789012:root',
      user_creation_time: '2021-05-01T00:00:00+00:00',
      password_last_used: '2026-10-15T12:30:00+00:00',
      mfa_active: 'true',
      access_key_1_active: 'false',
      access_key_2_active: 'false',
    });
    expect(user.startsWith('alice,')).toBe(true);
    expect(h.proxy.callsTo('iam', 'GetCredentialReport')[0]?.answeredBy).toBe('patched');
  });

  it('GetAccountSummary reports root MFA and root access keys from the scenario', async () => {
    const iam = new IAMClient(cfg());
    expect((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap).toMatchObject({ AccountMFAEnabled: 0, AccountAccessKeysPresent: 0 });
    account().root.mfaEnabled = true;
    account().root.accessKeysPresent = true;
    expect((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap).toMatchObject({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 1 });
  });

  it('IAM ListOrganizationsFeatures', async () => {
    const iam = new IAMClient(cfg());
    expect(await errorName(iam.send(new ListOrganizationsFeaturesCommand({})))).toBe('OrganizationNotFoundException');
    account().organizationsFeatures = { organizationId: 'o-abc1234567', enabledFeatures: ['RootCredentialsManagement', 'RootSessions'] };
    expect(await iam.send(new ListOrganizationsFeaturesCommand({}))).toMatchObject({
      OrganizationId: 'o-abc1234567',
      EnabledFeatures: ['RootCredentialsManagement', 'RootSessions'],
    });
  });

  it('Account contact information and primary email', async () => {
    const client = new AccountClient(cfg());
    expect(await errorName(client.send(new GetContactInformationCommand({})))).toBe('ResourceNotFoundException');
    const info = { FullName: 'Jane Doe', AddressLine1: '1 Main St', City: 'Seattle', CountryCode: 'US', PostalCode: '98101', PhoneNumber: '+12065550100' };
    await client.send(new PutContactInformationCommand({ ContactInformation: info }));
    expect((await client.send(new GetContactInformationCommand({}))).ContactInformation).toEqual(info);
    account().primaryEmail = 'root@example.com';
    expect((await client.send(new GetPrimaryEmailCommand({ AccountId: '123456789012' }))).PrimaryEmail).toBe('root@example.com');
  });

  it('Support DescribeSeverityLevels by support tier', async () => {
    const support = new SupportClient(cfg());
    const codes = async () => (await support.send(new DescribeSeverityLevelsCommand({}))).severityLevels?.map((l) => l.code);
    expect(await errorName(support.send(new DescribeSeverityLevelsCommand({})))).toBe('SubscriptionRequiredException');
    account().supportTier = 'developer';
    expect(await errorName(support.send(new DescribeSeverityLevelsCommand({})))).toBe('SubscriptionRequiredException');
    account().supportTier = 'business';
    expect(await codes()).toEqual(['low', 'normal', 'high', 'urgent']);
    account().supportTier = 'enterprise';
    expect(await codes()).toEqual(['low', 'normal', 'high', 'urgent', 'critical']);
  });
});

describe('APIs moto lacks', () => {
  it('Backup selections, protected resources, restore jobs', async () => {
    const backup = new BackupClient(cfg());
    region().backupSelections['plan-1'] = [{ SelectionId: 's1', SelectionName: 'all', BackupPlanId: 'plan-1', CreationDate: T, IamRoleArn: 'arn:aws:iam::123456789012:role/b' }];
    region().backupProtectedResources = [{ ResourceArn: 'arn:aws:rds:us-east-1:123456789012:db:d', ResourceType: 'RDS', LastBackupTime: T }];
    region().backupRestoreJobs = [
      { RestoreJobId: 'r1', Status: 'COMPLETED', CreationDate: T, CompletionDate: T },
      { RestoreJobId: 'r2', Status: 'FAILED', CreationDate: T },
    ];
    expect((await backup.send(new ListBackupSelectionsCommand({ BackupPlanId: 'plan-1' }))).BackupSelectionsList).toEqual(region().backupSelections['plan-1']);
    expect((await backup.send(new ListBackupSelectionsCommand({ BackupPlanId: 'other' }))).BackupSelectionsList).toEqual([]);
    expect((await backup.send(new ListProtectedResourcesCommand({}))).Results).toEqual(region().backupProtectedResources);
    expect((await backup.send(new ListRestoreJobsCommand({}))).RestoreJobs).toEqual(region().backupRestoreJobs);
    expect((await backup.send(new ListRestoreJobsCommand({ ByStatus: 'FAILED' }))).RestoreJobs?.map((j) => j.RestoreJobId)).toEqual(['r2']);
  });

  it('Cost Explorer anomaly monitors and subscriptions, coverage, cost allocation tags', async () => {
    const ce = new CostExplorerClient(cfg());
    const monitor = { MonitorArn: 'arn:aws:ce::123456789012:anomalymonitor/m', MonitorName: 'm', MonitorType: 'DIMENSIONAL' as const, MonitorDimension: 'SERVICE' as const, CreationDate: '2026-01-01' };
    account().anomalyMonitors = [monitor];
    account().anomalySubscriptions = [{ SubscriptionName: 's', MonitorArnList: [monitor.MonitorArn], Subscribers: [{ Address: 'a@example.com', Type: 'EMAIL' }], Frequency: 'DAILY', ThresholdExpression: { Dimensions: { Key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE', Values: ['100'], MatchOptions: ['GREATER_THAN_OR_EQUAL'] } } }];
    account().savingsPlansCoverage = [{ TimePeriod: { Start: '2026-10-01', End: '2026-11-01' }, Coverage: { CoveragePercentage: '42.5' } }];
    account().reservationCoverage = { coveragesByTime: [{ TimePeriod: { Start: '2026-10-01', End: '2026-11-01' }, Total: { CoverageHours: { CoverageHoursPercentage: '10' } } }], total: { CoverageHours: { CoverageHoursPercentage: '10' } } };
    account().costAllocationTags = [{ TagKey: 'team', Type: 'UserDefined', Status: 'Active' }, { TagKey: 'aws:createdBy', Type: 'AWSGenerated', Status: 'Inactive' }];
    expect((await ce.send(new GetAnomalyMonitorsCommand({}))).AnomalyMonitors).toEqual([monitor]);
    expect((await ce.send(new GetAnomalySubscriptionsCommand({}))).AnomalySubscriptions).toEqual(account().anomalySubscriptions);
    const period = { TimePeriod: { Start: '2026-10-01', End: '2026-11-01' } };
    expect((await ce.send(new GetSavingsPlansCoverageCommand(period))).SavingsPlansCoverages).toEqual(account().savingsPlansCoverage);
    expect(await ce.send(new GetReservationCoverageCommand(period))).toMatchObject({ CoveragesByTime: account().reservationCoverage.coveragesByTime, Total: account().reservationCoverage.total });
    expect((await ce.send(new ListCostAllocationTagsCommand({ Status: 'Active' }))).CostAllocationTags?.map((t) => t.TagKey)).toEqual(['team']);
  });

  it('Budgets DescribeSubscribersForNotification', async () => {
    const budgets = new BudgetsClient(cfg());
    const input = { AccountId: '123456789012', BudgetName: 'monthly', Notification: { NotificationType: 'ACTUAL' as const, ComparisonOperator: 'GREATER_THAN' as const, Threshold: 80 } };
    expect(await errorName(budgets.send(new DescribeSubscribersForNotificationCommand(input)))).toBe('NotFoundException');
    account().budgetSubscribers.monthly = [{ SubscriptionType: 'EMAIL', Address: 'finance@example.com' }];
    expect((await budgets.send(new DescribeSubscribersForNotificationCommand(input))).Subscribers).toEqual(account().budgetSubscribers.monthly);
  });

  it('Security Hub GetEnabledStandards', async () => {
    region().securityHubStandards = [{ StandardsSubscriptionArn: 'arn:sub', StandardsArn: 'arn:std', StandardsInput: {}, StandardsStatus: 'READY' }];
    const out = await new SecurityHubClient(cfg()).send(new GetEnabledStandardsCommand({}));
    expect(out.StandardsSubscriptions).toEqual(region().securityHubStandards);
  });

  it('Access Analyzer ListAnalyzers and ListFindingsV2', async () => {
    const arn = 'arn:aws:access-analyzer:us-east-1:123456789012:analyzer/a';
    region().accessAnalyzers = [{ arn, name: 'a', type: 'ACCOUNT', createdAt: T, status: 'ACTIVE' }];
    region().accessAnalyzerFindings[arn] = [{ id: 'f1', resource: 'arn:aws:s3:::b', resourceType: 'AWS::S3::Bucket', resourceOwnerAccount: '123456789012', status: 'ACTIVE', createdAt: T, updatedAt: T, analyzedAt: T, findingType: 'ExternalAccess' }];
    const client = new AccessAnalyzerClient(cfg());
    expect((await client.send(new ListAnalyzersCommand({}))).analyzers).toEqual(region().accessAnalyzers);
    expect((await client.send(new ListAnalyzersCommand({ type: 'ORGANIZATION' }))).analyzers).toEqual([]);
    expect((await client.send(new ListFindingsV2Command({ analyzerArn: arn }))).findings).toEqual(region().accessAnalyzerFindings[arn]);
    expect(await errorName(client.send(new ListFindingsV2Command({ analyzerArn: `${arn}x` })))).toBe('ResourceNotFoundException');
  });

  it('Well-Architected workloads, milestones, lens reviews', async () => {
    region().wellArchitectedWorkloads = [{ WorkloadId: 'w1', WorkloadName: 'shop', UpdatedAt: T, Lenses: ['wellarchitected'], RiskCounts: { HIGH: 2 } }];
    region().wellArchitectedMilestones.w1 = [{ MilestoneNumber: 1, MilestoneName: 'launch', RecordedAt: T }];
    region().wellArchitectedLensReviews['w1/wellarchitected'] = { LensAlias: 'wellarchitected', LensStatus: 'CURRENT', UpdatedAt: T, RiskCounts: { HIGH: 2 } };
    const wa = new WellArchitectedClient(cfg());
    expect((await wa.send(new ListWorkloadsCommand({}))).WorkloadSummaries).toEqual(region().wellArchitectedWorkloads);
    expect(await wa.send(new ListMilestonesCommand({ WorkloadId: 'w1' }))).toMatchObject({ WorkloadId: 'w1', MilestoneSummaries: region().wellArchitectedMilestones.w1 });
    expect((await wa.send(new GetLensReviewCommand({ WorkloadId: 'w1', LensAlias: 'wellarchitected' }))).LensReview).toEqual(region().wellArchitectedLensReviews['w1/wellarchitected']);
    expect(await errorName(wa.send(new ListMilestonesCommand({ WorkloadId: 'nope' })))).toBe('ResourceNotFoundException');
  });

  it('Config DescribeConformancePacks', async () => {
    region().conformancePacks = [{ ConformancePackName: 'p', ConformancePackArn: 'arn:p', ConformancePackId: 'id', LastUpdateRequestedTime: T }];
    const out = await new ConfigServiceClient(cfg()).send(new DescribeConformancePacksCommand({}));
    expect(out.ConformancePackDetails).toEqual(region().conformancePacks);
  });

  it('SSM Incidents ListResponsePlans (no SDK client installed: a signed request)', async () => {
    region().incidentResponsePlans = [{ arn: 'arn:aws:ssm-incidents::123456789012:response-plan/p', name: 'p', displayName: 'P' }];
    const url = new URL(`${h.endpoint}/listResponsePlans`);
    const signer = new SignatureV4({ service: 'ssm-incidents', region: 'us-east-1', credentials: TEST_CREDENTIALS, sha256: Sha256 });
    const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, headers: { host: url.host, 'content-type': 'application/json' }, body: '{}' });
    const response = await fetch(url, { method: 'POST', headers: signed.headers, body: '{}' });
    expect(await response.json()).toEqual({ responsePlanSummaries: region().incidentResponsePlans });
  });

  it('Inspector2: DISABLED before Enable (moto says nothing) and ListCoverage', async () => {
    const inspector = new Inspector2Client(cfg());
    const status = await inspector.send(new BatchGetAccountStatusCommand({ accountIds: ['123456789012'] }));
    expect(status.accounts).toEqual([expect.objectContaining({ accountId: '123456789012', state: { status: 'DISABLED' } })]);
    region().inspector2Coverage = [{ resourceId: 'i-1', resourceType: 'AWS_EC2_INSTANCE', accountId: '123456789012', scanType: 'PACKAGE', lastScannedAt: T }];
    expect((await inspector.send(new ListCoverageCommand({}))).coveredResources).toEqual(region().inspector2Coverage);
  });

  it('Macie: moto session parses (timestamps fixed); disabled gives AccessDeniedException', async () => {
    const macie = new Macie2Client(cfg());
    const session = await macie.send(new GetMacieSessionCommand({}));
    expect(session.status).toBe('ENABLED');
    expect(session.createdAt).toBeInstanceOf(Date);
    region().macie = 'disabled';
    expect(await errorName(macie.send(new GetMacieSessionCommand({})))).toBe('AccessDeniedException');
  });

  it('CloudTrail LookupEvents with attribute and time filters', async () => {
    const older = new Date('2026-10-01T00:00:00Z');
    region().cloudTrailEvents = [
      { EventId: 'e1', EventName: 'ConsoleLogin', EventTime: older, Username: 'root', EventSource: 'signin.amazonaws.com' },
      { EventId: 'e2', EventName: 'CreateUser', EventTime: T, Username: 'admin', EventSource: 'iam.amazonaws.com' },
    ];
    const ct = new CloudTrailClient(cfg());
    expect((await ct.send(new LookupEventsCommand({}))).Events?.map((e) => e.EventId)).toEqual(['e2', 'e1']);
    const byUser = await ct.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'root' }] }));
    expect(byUser.Events).toEqual([region().cloudTrailEvents[0]]);
    const recent = await ct.send(new LookupEventsCommand({ StartTime: new Date('2026-10-10T00:00:00Z') }));
    expect(recent.Events?.map((e) => e.EventId)).toEqual(['e2']);
  });

  it('DLM: create through the SDK, then list and get', async () => {
    const dlm = new DLMClient(cfg());
    const { PolicyId } = await dlm.send(
      new CreateLifecyclePolicyCommand({
        ExecutionRoleArn: 'arn:aws:iam::123456789012:role/dlm',
        Description: 'daily',
        State: 'ENABLED',
        PolicyDetails: { PolicyType: 'EBS_SNAPSHOT_MANAGEMENT', ResourceTypes: ['VOLUME'], TargetTags: [{ Key: 'b', Value: 'y' }], Schedules: [{ Name: 'd', CreateRule: { Interval: 24, IntervalUnit: 'HOURS' }, RetainRule: { Count: 7 } }] },
      }),
    );
    expect((await dlm.send(new GetLifecyclePoliciesCommand({}))).Policies).toEqual([{ PolicyId, Description: 'daily', State: 'ENABLED', PolicyType: 'EBS_SNAPSHOT_MANAGEMENT' }]);
    const policy = (await dlm.send(new GetLifecyclePolicyCommand({ PolicyId }))).Policy;
    expect(policy?.DateCreated).toBeInstanceOf(Date);
    expect(policy?.PolicyDetails?.Schedules?.[0]?.RetainRule).toEqual({ Count: 7 });
  });
});

describe('patches of moto answers', () => {
  it('S3 ListBuckets gains BucketRegion', async () => {
    const s3 = new S3Client(s3Config(h.endpoint));
    await s3.send(new CreateBucketCommand({ Bucket: 'home-bucket' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'eu-bucket', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    const { Buckets } = await s3.send(new ListBucketsCommand({}));
    expect(Buckets?.map((b) => [b.Name, b.BucketRegion]).sort()).toEqual([
      ['eu-bucket', 'eu-west-1'],
      ['home-bucket', 'us-east-1'],
    ]);
    expect(h.proxy.calls.filter((c) => c.operation === 'GetBucketLocation')).toEqual([]);
  });

  it('S3 GetBucketEncryption: SSE-S3 by default, as AWS since 2023; moto\'s answer when turned off', async () => {
    const s3 = new S3Client(s3Config(h.endpoint));
    await s3.send(new CreateBucketCommand({ Bucket: 'plain-bucket' }));
    const out = await s3.send(new GetBucketEncryptionCommand({ Bucket: 'plain-bucket' }));
    expect(out.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm).toBe('AES256');
    account().s3DefaultEncryption = false;
    expect(await errorName(s3.send(new GetBucketEncryptionCommand({ Bucket: 'plain-bucket' })))).toBe('ServerSideEncryptionConfigurationNotFoundError');
    expect(await errorName(s3.send(new GetBucketEncryptionCommand({ Bucket: 'no-such-bucket' })))).toBe('NoSuchBucket');
  });

  it('IAM policy documents come URL-encoded, as from AWS', async () => {
    const iam = new IAMClient(cfg());
    const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/a b&c' }] });
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'p', PolicyDocument: document }));
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: Policy?.Arn, VersionId: 'v1' }));
    expect(version.PolicyVersion?.Document).toBe(encodeURIComponent(document));
  });

  it('ELBv2: no SslPolicy on HTTP listeners', async () => {
    const { Subnets } = await new EC2Client(cfg()).send(new DescribeSubnetsCommand({}));
    const elb = new ElasticLoadBalancingV2Client(cfg());
    const lb = await elb.send(new CreateLoadBalancerCommand({ Name: 'lb', Subnets: (Subnets ?? []).slice(0, 2).map((s) => s.SubnetId ?? '') }));
    const LoadBalancerArn = lb.LoadBalancers?.[0]?.LoadBalancerArn;
    await elb.send(new CreateListenerCommand({ LoadBalancerArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] }));
    const { Listeners } = await elb.send(new DescribeListenersCommand({ LoadBalancerArn }));
    expect(Listeners?.[0]?.Protocol).toBe('HTTP');
    expect(Listeners?.[0]?.SslPolicy).toBeUndefined();
    expect(Listeners?.[0]?.DefaultActions?.[0]?.RedirectConfig?.Protocol).toBe('HTTPS');
  });
});

describe('scenario state per account', () => {
  const tier = async (client: SupportClient) => (await client.send(new DescribeSeverityLevelsCommand({}))).severityLevels?.length;

  it('by x-moto-account-id header', async () => {
    h.proxy.state.account('111111111111').supportTier = 'enterprise';
    const support = new SupportClient(cfg());
    support.middlewareStack.use(accountHeader('111111111111'));
    expect(await tier(support)).toBe(5);
    expect(await errorName(new SupportClient(cfg()).send(new DescribeSeverityLevelsCommand({})))).toBe('SubscriptionRequiredException');
    expect(h.proxy.calls.map((c) => c.accountId)).toEqual(['111111111111', '123456789012']);
  });

  it('by AssumeRole credentials obtained through the proxy', async () => {
    h.proxy.state.account('222222222222').supportTier = 'business';
    const credentials = await assumeRoleCredentials(h.endpoint, '222222222222');
    expect(await tier(new SupportClient({ ...cfg(), credentials }))).toBe(4);
  });
});

// Test-only: the scenario facts the probe sets on the fault proxy, so each stand-in has something to answer.
import type { FaultProxy } from '../fault-proxy.js';
import type { Seeds } from './context.js';

export function setProbeScenario(proxy: FaultProxy, seeds: Seeds, region = 'us-east-1'): void {
  const account = proxy.state.account();
  const now = new Date('2026-11-01T00:00:00Z');
  account.supportTier = 'business';
  account.root.mfaEnabled = true;
  account.contactInformation = { FullName: 'Probe Owner', AddressLine1: '1 Main St', City: 'Seattle', CountryCode: 'US', PostalCode: '98101', PhoneNumber: '+12065550100' };
  account.organizationsFeatures = { organizationId: 'o-probe12345', enabledFeatures: ['RootCredentialsManagement'] };
  if (seeds.budgetName) account.budgetSubscribers[seeds.budgetName] = [{ SubscriptionType: 'EMAIL', Address: 'ops@example.com' }];
  account.anomalyMonitors = [{ MonitorArn: 'arn:aws:ce::123456789012:anomalymonitor/probe', MonitorName: 'probe', MonitorType: 'DIMENSIONAL', MonitorDimension: 'SERVICE' }];
  account.anomalySubscriptions = [
    { SubscriptionArn: 'arn:aws:ce::123456789012:anomalysubscription/probe', SubscriptionName: 'probe', MonitorArnList: ['arn:aws:ce::123456789012:anomalymonitor/probe'], Subscribers: [{ Address: 'ops@example.com', Type: 'EMAIL' }], Frequency: 'DAILY' },
  ];
  account.costAllocationTags = [{ TagKey: 'team', Type: 'UserDefined', Status: 'Active' }];

  const r = account.region(region);
  if (seeds.backupPlanId) {
    r.backupSelections[seeds.backupPlanId] = [{ SelectionId: 'sel-1', SelectionName: 'all', BackupPlanId: seeds.backupPlanId, IamRoleArn: 'arn:aws:iam::123456789012:role/backup', CreationDate: now }];
  }
  r.backupProtectedResources = [{ ResourceArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/probe-table', ResourceType: 'DynamoDB', LastBackupTime: now }];
  r.backupRestoreJobs = [{ RestoreJobId: 'rj-1', Status: 'COMPLETED', CreationDate: now, CompletionDate: now, ResourceType: 'DynamoDB' }];
  r.securityHubStandards = [
    { StandardsSubscriptionArn: 'arn:aws:securityhub:us-east-1:123456789012:subscription/aws-foundational-security-best-practices/v/1.0.0', StandardsArn: 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0', StandardsInput: {}, StandardsStatus: 'READY' },
  ];
  r.accessAnalyzers = [{ arn: 'arn:aws:access-analyzer:us-east-1:123456789012:analyzer/probe', name: 'probe', type: 'ACCOUNT', createdAt: now, status: 'ACTIVE' }];
  r.accessAnalyzerFindings['arn:aws:access-analyzer:us-east-1:123456789012:analyzer/probe'] = [];
  r.wellArchitectedWorkloads = [{ WorkloadId: 'wl-probe', WorkloadName: 'probe', UpdatedAt: now, Lenses: ['wellarchitected'], RiskCounts: { HIGH: 1 } }];
  r.wellArchitectedMilestones['wl-probe'] = [{ MilestoneNumber: 1, MilestoneName: 'launch', RecordedAt: now }];
  r.wellArchitectedLensReviews['wl-probe/wellarchitected'] = { LensAlias: 'wellarchitected', LensName: 'AWS Well-Architected Framework', LensStatus: 'CURRENT', UpdatedAt: now, RiskCounts: { HIGH: 1 } };
  r.conformancePacks = [{ ConformancePackName: 'probe-pack', ConformancePackArn: 'arn:aws:config:us-east-1:123456789012:conformance-pack/probe-pack/conformance-pack-1', ConformancePackId: 'conformance-pack-1', LastUpdateRequestedTime: now }];
  r.incidentResponsePlans = [{ arn: 'arn:aws:ssm-incidents::123456789012:response-plan/probe', name: 'probe' }];
  r.inspector2Coverage = [{ resourceId: 'i-probe', resourceType: 'AWS_EC2_INSTANCE', accountId: '123456789012', scanType: 'PACKAGE', lastScannedAt: now }];
  r.cloudTrailEvents = [{ EventId: 'ev-1', EventName: 'ConsoleLogin', EventTime: now, Username: 'root', EventSource: 'signin.amazonaws.com' }];
}

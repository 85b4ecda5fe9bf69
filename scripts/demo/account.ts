import { ACCOUNT, REGIONS, add, daysAgo, type Props } from './builder.js';

// ---------------------------------------------------------------------------------------------------------- account
add('AWS::Account', `account:${ACCOUNT}`, 'brightwave-prod', {
  AccountId: ACCOUNT,
  Organization: null,
  Root: { MfaActive: true, HardwareMfa: false, AccessKeysPresent: false, AccessKey1Active: false, AccessKey2Active: false, PasswordLastUsed: daysAgo(41), AccessKey1LastUsed: null, AccessKey2LastUsed: null },
  RootActivity: { LastUsed: daysAgo(41), EventCount: 2, Events: [{ Time: daysAgo(41), EventName: 'ConsoleLogin', Region: 'us-east-1' }, { Time: daysAgo(41), EventName: 'UpdateAccountPasswordPolicy', Region: 'us-east-1' }] },
  CentralizedRootAccess: null,
  PasswordPolicy: { MinimumPasswordLength: 12, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, AllowUsersToChangePassword: true, ExpirePasswords: false, MaxPasswordAge: null, PasswordReusePrevention: 24, HardExpiry: false },
  AlternateContacts: {
    Billing: { Name: 'Finance team', Title: 'Billing', EmailAddress: 'aws-billing@brightwave.example', PhoneNumber: '+1-555-0100' },
    Operations: null,
    Security: { Name: 'Security team', Title: 'Security', EmailAddress: 'security@brightwave.example', PhoneNumber: '+1-555-0199' },
  },
  ContactInformation: { FullName: 'Brightwave Analytics, Inc.', CompanyName: 'Brightwave Analytics, Inc.', PhoneNumber: '+1-555-0100', AddressLine1: '100 Market Street', City: 'San Francisco', CountryCode: 'US', WebsiteUrl: 'https://brightwave.example' },
  PrimaryEmail: 'aws-root@brightwave.example',
  SupportTier: 'business',
  S3PublicAccessBlock: null,
  CostAllocationTags: { Active: ['team', 'env'], Inactive: ['cost-center'] },
  SavingsPlansCoverage: { CoveragePercent: 62.5, Period: { Start: '2026-10-01', End: '2026-11-01' } },
  ReservationCoverage: { CoveragePercent: 40, Period: { Start: '2026-10-01', End: '2026-11-01' } },
  AnomalyMonitors: [{ Name: 'services', Type: 'DIMENSIONAL', Subscriptions: [{ Name: 'daily-finance', Threshold: 100, Frequency: 'DAILY', Subscribers: 1 }] }],
  WellArchitected: {
    Workloads: [
      { Id: 'wl-7f3a', Name: 'brightwave-platform', LastMilestone: { Number: 3, RecordedAt: '2026-03-12T15:00:00.000Z' }, RiskCounts: { HIGH: 2, MEDIUM: 9, NONE: 41, UNANSWERED: 0 }, PillarHighRisks: { security: 0, reliability: 1, operationalExcellence: 1, performance: 0, costOptimization: 0, sustainability: 0 } },
    ],
  },
  Iac: { Stacks: 6, ManagedResources: 97 },
}, { physicalId: ACCOUNT });

const regionFacts: Record<string, Props> = {
  'us-east-1': {
    GuardDuty: { Enabled: true, DetectorId: 'a2b4c6d8e0f2', Status: 'ENABLED' },
    Inspector: { Ec2: 'ENABLED', Ecr: 'ENABLED', Lambda: 'DISABLED', LambdaCode: 'DISABLED' },
    InspectorCoverage: { Ec2: { Covered: 6, Total: 6 }, Ecr: { Covered: 3, Total: 3 }, Lambda: { Covered: 0, Total: 5 } },
    EcrScanning: { ScanType: 'ENHANCED', Rules: 1 },
    EbsEncryptionByDefault: true,
    SecurityHub: { Enabled: true, Standards: ['cis-aws-foundations-benchmark/v/5.0.0', 'aws-foundational-security-best-practices/v/1.0.0'] },
    Config: { Recorders: 1, Recording: true },
    Macie: { Status: 'DISABLED' },
    AccessAnalyzers: [{ Name: 'org-unused', Type: 'ACCOUNT_UNUSED_ACCESS', Status: 'ACTIVE' }, { Name: 'external', Type: 'ACCOUNT', Status: 'ACTIVE' }],
    Fis: { Experiments: [{ Id: 'EXP7aZr3', State: 'completed', StartTime: '2026-02-18T10:00:00.000Z', EndTime: '2026-02-18T10:45:00.000Z', Actions: ['aws:network:disrupt-connectivity'], TargetsAz: true }] },
    Backup: { RestoreJobs: [{ Id: 'rj-1', Status: 'COMPLETED', CompletionDate: '2026-04-02T08:00:00.000Z', ResourceType: 'RDS' }] },
    ResilienceHub: { Apps: 0, Policies: [] },
  },
  'eu-west-1': {
    GuardDuty: { Enabled: false, DetectorId: null, Status: null },
    Inspector: { Ec2: 'DISABLED', Ecr: 'DISABLED', Lambda: 'DISABLED', LambdaCode: 'DISABLED' },
    InspectorCoverage: { Ec2: { Covered: 0, Total: 2 }, Ecr: { Covered: 0, Total: 0 }, Lambda: { Covered: 0, Total: 1 } },
    EcrScanning: { ScanType: 'BASIC', Rules: 0 },
    EbsEncryptionByDefault: false,
    SecurityHub: { Enabled: false, Standards: [] },
    Config: { Recorders: 1, Recording: true },
    Macie: { Status: 'DISABLED' },
    AccessAnalyzers: [],
    Fis: { Experiments: [] },
    Backup: { RestoreJobs: [] },
    ResilienceHub: { Apps: 0, Policies: [] },
  },
};
for (const region of REGIONS) add('AWS::Account::Region', `account:${ACCOUNT}/region:${region}`, `${ACCOUNT} ${region}`, regionFacts[region]!, { region });


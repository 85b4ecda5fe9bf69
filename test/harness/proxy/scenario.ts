// Test-only: the facts the fault proxy's stand-ins answer from: things moto cannot model (the root user, support
// plans) or APIs it lacks. A test sets them per account (and per region for regional services); the shapes are the
// SDK v3 output types, so what a test puts in is what the collector gets back.
import type { AnalyzerSummary, FindingSummaryV2 } from '@aws-sdk/client-accessanalyzer';
import type { ContactInformation } from '@aws-sdk/client-account';
import type { BackupSelection, BackupSelectionsListMember, ProtectedResource, RestoreJobsListMember } from '@aws-sdk/client-backup';
import type { Subscriber } from '@aws-sdk/client-budgets';
import type { Event as TrailEvent } from '@aws-sdk/client-cloudtrail';
import type { ConformancePackDetail } from '@aws-sdk/client-config-service';
import type { AnomalyMonitor, AnomalySubscription, CostAllocationTag, Coverage, CoverageByTime, SavingsPlansCoverage } from '@aws-sdk/client-cost-explorer';
import type { LifecyclePolicy } from '@aws-sdk/client-dlm';
import type { CoveredResource } from '@aws-sdk/client-inspector2';
import type { StandardsSubscription } from '@aws-sdk/client-securityhub';
import type { LensReview, MilestoneSummary, WorkloadSummary } from '@aws-sdk/client-wellarchitected';
import { DEFAULT_ACCOUNT_ID } from '../aws-clients.js';

export type SupportTier = 'basic' | 'developer' | 'business' | 'enterprise-on-ramp' | 'enterprise';

/** The root user, as the credential report and GetAccountSummary show it. */
export interface RootUser {
  mfaEnabled: boolean;
  accessKeysPresent: boolean;
  /** Root's password last use; undefined → `no_information`. */
  passwordLastUsed?: Date;
  accessKey1LastUsed?: Date;
  accessKey2Active?: boolean;
  /** When the account (and so root) was created; default 2020-01-01. */
  createdAt: Date;
}

/** SSM Incidents ListResponsePlans entries (no SDK client for it is installed here). */
export interface ResponsePlanSummary {
  arn: string;
  name: string;
  displayName?: string;
}

/** IAM ListOrganizationsFeatures: undefined → OrganizationNotFoundException (no organization). */
export interface OrganizationsFeatures {
  organizationId: string;
  enabledFeatures: Array<'RootCredentialsManagement' | 'RootSessions'>;
}

/** A backup selection: its ListBackupSelections entry, and the body GetBackupSelection returns (default: name and role). */
export type BackupSelectionScenario = BackupSelectionsListMember & { BackupSelection?: BackupSelection };

export interface RegionScenario {
  /** Keyed by backup plan id. */
  backupSelections: Record<string, BackupSelectionScenario[]>;
  /** ListProtectedResources; ListProtectedResourcesByBackupVault gives those whose `LastBackupVaultArn` is the vault. */
  backupProtectedResources: ProtectedResource[];
  backupRestoreJobs: RestoreJobsListMember[];
  securityHubStandards: StandardsSubscription[];
  accessAnalyzers: AnalyzerSummary[];
  /** Keyed by analyzer ARN. */
  accessAnalyzerFindings: Record<string, FindingSummaryV2[]>;
  wellArchitectedWorkloads: WorkloadSummary[];
  /** Keyed by workload id. */
  wellArchitectedMilestones: Record<string, MilestoneSummary[]>;
  /** Keyed by `${workloadId}/${lensAlias}`. */
  wellArchitectedLensReviews: Record<string, LensReview>;
  conformancePacks: ConformancePackDetail[];
  incidentResponsePlans: ResponsePlanSummary[];
  inspector2Coverage: CoveredResource[];
  /** 'moto': moto's session (ENABLED by default), timestamps fixed; 'disabled': AccessDeniedException as AWS. */
  macie: 'moto' | 'disabled';
  /** CloudTrail LookupEvents (management events of the last 90 days). */
  cloudTrailEvents: TrailEvent[];
  dlmPolicies: LifecyclePolicy[];
}

export interface AccountScenario {
  readonly accountId: string;
  supportTier: SupportTier;
  root: RootUser;
  /** Account GetContactInformation; undefined → ResourceNotFoundException. */
  contactInformation?: ContactInformation;
  primaryEmail: string;
  organizationsFeatures?: OrganizationsFeatures;
  /** Budgets DescribeSubscribersForNotification, keyed by budget name (moto does not keep subscribers). */
  budgetSubscribers: Record<string, Subscriber[]>;
  anomalyMonitors: AnomalyMonitor[];
  anomalySubscriptions: AnomalySubscription[];
  savingsPlansCoverage: SavingsPlansCoverage[];
  reservationCoverage: { coveragesByTime: CoverageByTime[]; total?: Coverage };
  costAllocationTags: CostAllocationTag[];
  /**
   * S3 answers since 2023: every bucket has SSE-S3 by default, so GetBucketEncryption never says "not found".
   * true (default): the proxy answers AES256 where moto has no configuration; false: moto's answer.
   */
  s3DefaultEncryption: boolean;
  /** Regional facts; created empty on first use. */
  region(name: string): RegionScenario;
}

function emptyRegion(): RegionScenario {
  return {
    backupSelections: {},
    backupProtectedResources: [],
    backupRestoreJobs: [],
    securityHubStandards: [],
    accessAnalyzers: [],
    accessAnalyzerFindings: {},
    wellArchitectedWorkloads: [],
    wellArchitectedMilestones: {},
    wellArchitectedLensReviews: {},
    conformancePacks: [],
    incidentResponsePlans: [],
    inspector2Coverage: [],
    macie: 'moto',
    cloudTrailEvents: [],
    dlmPolicies: [],
  };
}

function newAccount(accountId: string): AccountScenario {
  const regions = new Map<string, RegionScenario>();
  return {
    accountId,
    supportTier: 'basic',
    root: { mfaEnabled: false, accessKeysPresent: false, createdAt: new Date('2020-01-01T00:00:00Z') },
    primaryEmail: `root+${accountId}@example.com`,
    budgetSubscribers: {},
    anomalyMonitors: [],
    anomalySubscriptions: [],
    savingsPlansCoverage: [],
    reservationCoverage: { coveragesByTime: [] },
    costAllocationTags: [],
    s3DefaultEncryption: true,
    region(name) {
      let region = regions.get(name);
      if (!region) {
        region = emptyRegion();
        regions.set(name, region);
      }
      return region;
    },
  };
}

/** Scenario state of every account the proxy has seen; `account()` creates defaults on first use. */
export class ScenarioState {
  private readonly accounts = new Map<string, AccountScenario>();

  account(accountId: string = DEFAULT_ACCOUNT_ID): AccountScenario {
    let account = this.accounts.get(accountId);
    if (!account) {
      account = newAccount(accountId);
      this.accounts.set(accountId, account);
    }
    return account;
  }

  /** Forgets every account's scenario (back to defaults). */
  reset(): void {
    this.accounts.clear();
  }
}

// Test-only: the plain descriptions a scenario account is seeded from. A scenario is data — an `EstateSpec` — and the
// seed functions in ./seed turn it into moto resources (through the real SDK) and fault-proxy scenario state (for
// what moto cannot model). Everything optional means "leave moto's default".
import type { ContactInformation } from '@aws-sdk/client-account';
import type { AccountScenario, RegionScenario, SupportTier } from '../harness/index.js';

export interface PolicyStatement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Principal?: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
  Sid?: string;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export type Tags = Readonly<Record<string, string>>;

// ---- account-wide facts -------------------------------------------------------------------------------------------

export type AlternateContactKind = 'BILLING' | 'OPERATIONS' | 'SECURITY';

export interface ContactSpec {
  name: string;
  title: string;
  email: string;
  phone: string;
}

export interface BudgetSpec {
  name: string;
  monthlyUsd: number;
  /** Alert when actual spend passes this percentage of the budget. */
  alertAtPercent: number;
  alertEmail: string;
}

export interface HealthCheckSpec {
  domain: string;
  path: string;
}

export interface AccountFactsSpec {
  /** Set through Account PutAlternateContact (moto keeps them); a kind left out stays unset. */
  alternateContacts?: Partial<Record<AlternateContactKind, ContactSpec>>;
  /** Proxy stand-in state (moto lacks GetContactInformation). */
  contactInformation?: ContactInformation;
  /** Proxy state: the root user as the credential report and GetAccountSummary show it. */
  root?: Partial<AccountScenario['root']>;
  /** Proxy state: what Support DescribeSeverityLevels answers. */
  supportTier?: SupportTier;
  /** Monthly cost budgets, each alerting an address (moto keeps the budget, the proxy its subscriber). */
  budgets?: readonly BudgetSpec[];
  /** Route 53 HTTPS health checks of public endpoints. */
  healthChecks?: readonly HealthCheckSpec[];
  /** Other fault-proxy state of the account (cost coverage and monitors, cost allocation tags …). */
  standIns?: Partial<Pick<AccountScenario, 'budgetSubscribers' | 'anomalyMonitors' | 'anomalySubscriptions' | 'savingsPlansCoverage' | 'reservationCoverage' | 'costAllocationTags' | 'organizationsFeatures'>>;
}

// ---- IAM (global) -------------------------------------------------------------------------------------------------

export interface PasswordPolicySpec {
  minimumLength: number;
  /** How many previous passwords are blocked; left out = not set. */
  reusePrevention?: number;
  requireSymbols?: boolean;
  requireNumbers?: boolean;
  requireUppercase?: boolean;
  requireLowercase?: boolean;
  allowUsersToChangePassword?: boolean;
  maxAgeDays?: number;
}

/** A customer managed policy, attachable by name. */
export interface ManagedPolicySpec {
  name: string;
  document: PolicyDocument;
}

/** What an identity is granted: inline policies by name, managed policies. */
export interface Grants {
  inlinePolicies?: Readonly<Record<string, PolicyDocument>>;
  /** Customer managed policies by name, or AWS managed policies by ARN (`arn:aws:iam::aws:policy/ReadOnlyAccess`). */
  managedPolicies?: readonly string[];
}

export interface UserSpec extends Grants {
  name: string;
  /** A console password (login profile). */
  consolePassword?: boolean;
  /** A virtual MFA device, enabled for the user. */
  mfa?: boolean;
  /** How many access keys to create (0–2). Their secrets are returned by the seeding, never stored. */
  accessKeys?: number;
  /** How many of those keys (the last ones) are deactivated. */
  inactiveAccessKeys?: number;
  groups?: readonly string[];
  tags?: Tags;
}

export interface GroupSpec extends Grants {
  name: string;
}

export interface RoleSpec extends Grants {
  name: string;
  /** Who may assume the role: a service principal (`ec2.amazonaws.com`) or an account id (`123456789012`). */
  trustedBy: string;
  /** An account principal must present this external id (`sts:ExternalId`). */
  externalId?: string;
  /** An account principal must have signed in with MFA (`aws:MultiFactorAuthPresent`). */
  requireMfa?: boolean;
  tags?: Tags;
}

export interface IamSpec {
  /** Left out: no custom policy (IAM's default). */
  passwordPolicy?: PasswordPolicySpec;
  policies?: readonly ManagedPolicySpec[];
  groups?: readonly GroupSpec[];
  users?: readonly UserSpec[];
  roles?: readonly RoleSpec[];
}

// ---- S3 (global service, regional buckets) ------------------------------------------------------------------------

export interface BucketSpec {
  /** Bucket names are global across moto's accounts: make them unique per scenario. */
  name: string;
  /** Default: the home Region. */
  region?: string;
  /** All four Block Public Access settings on the bucket. */
  blockPublicAccess?: boolean;
  /** Object Ownership "bucket owner enforced" (ACLs disabled). */
  ownerEnforced?: boolean;
  acl?: 'private' | 'public-read';
  policy?: PolicyDocument;
  /** Default encryption; left out = S3's default (SSE-S3, which the proxy reports as AWS does). */
  encryption?: 'AES256' | 'aws:kms';
  versioning?: boolean;
  tags?: Tags;
}

export interface S3Spec {
  /** The account-level Block Public Access (S3 Control), all four settings. */
  accountPublicAccessBlock?: boolean;
  buckets?: readonly BucketSpec[];
}

// ---- per Region ---------------------------------------------------------------------------------------------------

export interface PermissionSpec {
  protocol: 'tcp' | 'udp' | 'icmp' | '-1';
  /** A single port, or a range. Ignored for `-1`. */
  port?: number;
  toPort?: number;
  /** IPv4 or IPv6 CIDR, default 0.0.0.0/0. */
  cidr?: string;
  /** Instead of a CIDR: the security group (by name, same Region) the traffic comes from or goes to. */
  sourceGroup?: string;
  description?: string;
}

export interface SecurityGroupSpec {
  name: string;
  description?: string;
  /** A VPC of the Region's `vpcs`, by name; default: the default VPC. Names are unique per Region. */
  vpc?: string;
  ingress?: readonly PermissionSpec[];
  /** Left out: AWS's default all-traffic egress stays. `[]`: every egress rule revoked. */
  egress?: readonly PermissionSpec[];
  tags?: Tags;
}

export interface VolumeSpec {
  name: string;
  sizeGiB?: number;
  encrypted: boolean;
  tags?: Tags;
}

export interface InstanceSpec {
  name: string;
  instanceType?: string;
  /** Security group names (of this spec's Region); default: the VPC's default group. */
  securityGroups?: readonly string[];
  /** Whether the root EBS volume is encrypted. */
  rootEncrypted: boolean;
  /** Instance profile: a role of the IAM spec, given an instance profile of the same name. */
  role?: string;
  /** IMDSv2 only. */
  requireImdsV2?: boolean;
  /** A public IPv4 address (moto's default subnets would give one, as AWS's do); default false. */
  publicIp?: boolean;
  /** A VPC of the Region's `vpcs`, by name; default: the default VPC's first subnet. */
  vpc?: string;
  /** With `vpc`: a public or (default) private subnet of it, the `zone`-th (default 0). */
  subnet?: 'public' | 'private';
  zone?: number;
  /** User data, as given (the collector reads it only to flag credentials). */
  userData?: string;
  tags?: Tags;
}

export interface DatabaseSpec {
  id: string;
  engine?: 'mysql' | 'postgres';
  engineVersion?: string;
  encrypted: boolean;
  backupRetentionDays: number;
  /** moto omits PubliclyAccessible unless it is given, so it is always given. */
  publiclyAccessible: boolean;
  multiAz?: boolean;
  deletionProtection?: boolean;
  /** A VPC of the Region's `vpcs`: the instance goes in a DB subnet group of its private (or, when public, public) subnets. */
  vpc?: string;
  /** Security group names; default: the default VPC's default group (without `vpc`) or none. */
  securityGroups?: readonly string[];
  /** A DB parameter group of its own, with `rds.force_ssl` (postgres) or `require_secure_transport` (mysql) set. */
  forceSsl?: boolean;
  /** Encrypted with a customer managed key of the Region's `keys`, by alias; default the AWS managed key. */
  kmsKey?: string;
  tags?: Tags;
}

export interface TableSpec {
  name: string;
  pointInTimeRecovery: boolean;
  /** SSE with the AWS managed KMS key instead of the AWS owned key. */
  kmsEncryption?: boolean;
  tags?: Tags;
}

export interface FileSystemSpec {
  name: string;
  encrypted: boolean;
  /** EFS automatic backups (the file system's backup policy). */
  automaticBackups: boolean;
  tags?: Tags;
}

export type ListenerAction = 'redirect-to-https' | 'forward' | 'fixed-response';

export interface ListenerSpec {
  protocol: 'HTTP' | 'HTTPS';
  port: number;
  /** HTTPS only; default ELBSecurityPolicy-TLS13-1-2-2021-06. */
  sslPolicy?: string;
  action: ListenerAction;
}

export interface LoadBalancerSpec {
  name: string;
  scheme: 'internet-facing' | 'internal';
  /** Security group names of this Region. */
  securityGroups?: readonly string[];
  listeners: readonly ListenerSpec[];
  /** Instance names registered in the target group every `forward` goes to. */
  targets?: readonly string[];
  /** A VPC of the Region's `vpcs`: internet-facing ones span its public subnets, internal ones its private ones. */
  vpc?: string;
  tags?: Tags;
}

/** An Amazon Data Lifecycle Manager snapshot policy (the fault proxy's stand-in keeps it). */
export interface LifecyclePolicySpec {
  description: string;
  resourceTypes: ReadonlyArray<'VOLUME' | 'INSTANCE'>;
  targetTags: Tags;
  enabled?: boolean;
}

/** A VPC of its own (besides the default VPC moto creates), with subnets carved from its CIDR. */
export interface VpcSpec {
  name: string;
  /** An IPv4 /16, e.g. `10.1.0.0/16`. */
  cidr: string;
  /** How many private /24 subnets (`x.y.0.0/24` up), spread over the Region's first three Availability Zones. */
  subnets: number;
  /**
   * How many public /24 subnets (`x.y.128.0/24` up), likewise spread: an internet gateway, a route table sending
   * 0.0.0.0/0 to it, and public IPs on launch. Default 0 (no internet gateway).
   */
  publicSubnets?: number;
  /** A NAT gateway in the first public subnet, and a route table sending the private subnets' 0.0.0.0/0 to it. */
  natGateway?: boolean;
  /** VPC flow logs (all traffic) to a CloudWatch Logs group `/vpc/<name>/flow-logs`, kept 90 days. */
  flowLogs?: boolean;
  /** As RegionSpec.defaultSecurityGroup, for this VPC's default security group. */
  defaultSecurityGroup?: 'restrict-all';
  tags?: Tags;
}

/** An SNS topic. */
export interface TopicSpec {
  name: string;
  /** SSE with the AWS managed key (alias/aws/sns); left out = unencrypted (SNS's default). */
  kmsEncryption?: boolean;
  tags?: Tags;
}

/** A CloudWatch Logs log group. */
export interface LogGroupSpec {
  name: string;
  /** Left out = never expire (the default). */
  retentionDays?: number;
  tags?: Tags;
}

/** A Lambda function (a small zip; moto stores it without running it). */
export interface FunctionSpec {
  name: string;
  /** A role of the IAM spec; moto, like AWS, refuses a role that does not exist. */
  role: string;
  runtime?: string;
  /** Environment variables (names and values are seeded as given). */
  environment?: Readonly<Record<string, string>>;
  tags?: Tags;
}

/** An SQS queue. */
export interface QueueSpec {
  name: string;
  /** Left out: SQS's default, SSE-SQS. `kms`: the AWS managed key alias/aws/sqs. */
  encryption?: 'sqs-managed' | 'kms' | 'none';
  tags?: Tags;
}

/** A Systems Manager Parameter Store parameter. */
export interface ParameterSpec {
  name: string;
  type: 'String' | 'SecureString';
  value: string;
}

/** A Secrets Manager secret (a value is stored so it has a version; never a real secret). */
export interface SecretSpec {
  name: string;
  /** A customer managed key of the Region's `keys`, by alias; default the AWS managed key. */
  key?: string;
  tags?: Tags;
}

/** A customer managed KMS key, with an alias. */
export interface KeySpec {
  /** Without `alias/`. */
  alias: string;
  description?: string;
  rotation: boolean;
  tags?: Tags;
}

/** A CloudTrail trail (in the Region it is listed under), delivering to a bucket of the S3 spec. */
export interface TrailSpec {
  name: string;
  bucket: string;
  multiRegion: boolean;
  logFileValidation?: boolean;
  /** StartLogging; default true. */
  logging?: boolean;
}

/** What a CloudWatch alarm watches, by the name the spec gives it. */
export type AlarmTarget = { instance: string } | { loadBalancer: string } | { database: string };

/** A CloudWatch metric alarm on one resource of the Region, notifying a topic of the Region's `topics`. */
export interface AlarmSpec {
  name: string;
  target: AlarmTarget;
  /** e.g. CPUUtilization, HTTPCode_Target_5XX_Count, TargetResponseTime. */
  metric: string;
  threshold: number;
  topic?: string;
}

/** An ECS task definition (one container). */
export interface TaskDefinitionSpec {
  family: string;
  /** A role of the IAM spec, by name. */
  taskRole?: string;
  image: string;
  /** Plain environment variables, as given. */
  environment?: Readonly<Record<string, string>>;
  /** Variables from Secrets Manager: name → secret name of the Region. */
  secrets?: Readonly<Record<string, string>>;
}

/** An ECR repository. */
export interface RepositorySpec {
  name: string;
  scanOnPush: boolean;
}

export interface RegionSpec {
  /**
   * moto (like AWS) gives every VPC a default security group; `restrict-all` removes all its rules (CIS 5.5), as an
   * account configured for the FTR has it. Left out: moto's default (all egress; moto lacks AWS's self-reference).
   */
  defaultSecurityGroup?: 'restrict-all';
  ebsEncryptionByDefault?: boolean;
  securityGroups?: readonly SecurityGroupSpec[];
  volumes?: readonly VolumeSpec[];
  instances?: readonly InstanceSpec[];
  databases?: readonly DatabaseSpec[];
  tables?: readonly TableSpec[];
  fileSystems?: readonly FileSystemSpec[];
  loadBalancers?: readonly LoadBalancerSpec[];
  lifecyclePolicies?: readonly LifecyclePolicySpec[];
  vpcs?: readonly VpcSpec[];
  topics?: readonly TopicSpec[];
  logGroups?: readonly LogGroupSpec[];
  functions?: readonly FunctionSpec[];
  queues?: readonly QueueSpec[];
  parameters?: readonly ParameterSpec[];
  keys?: readonly KeySpec[];
  secrets?: readonly SecretSpec[];
  trails?: readonly TrailSpec[];
  alarms?: readonly AlarmSpec[];
  taskDefinitions?: readonly TaskDefinitionSpec[];
  repositories?: readonly RepositorySpec[];
  /** An enabled GuardDuty detector. */
  guardDuty?: boolean;
  /** Security Hub enabled, with these standards (ARNs) subscribed. */
  securityHub?: readonly string[];
  /** An AWS Config recorder of all supported resources, recording, delivering to a bucket of the S3 spec. */
  configRecorder?: { bucket: string };
  /** Amazon Inspector scanning these resource types. */
  inspector?: ReadonlyArray<'EC2' | 'ECR' | 'LAMBDA' | 'LAMBDA_CODE'>;
  /**
   * Fault-proxy state of the Region, for what moto lacks (Access Analyzer analyzers, Backup restore jobs,
   * Well-Architected workloads, Inspector coverage …), in the SDK's output shapes.
   */
  standIns?: Partial<Omit<RegionScenario, 'securityHubStandards' | 'dlmPolicies'>>;
}

/** One account's estate. */
export interface EstateSpec {
  account?: AccountFactsSpec;
  iam?: IamSpec;
  s3?: S3Spec;
  /** Keyed by Region name. */
  regions?: Readonly<Record<string, RegionSpec>>;
}

/** A scenario: an estate in its own moto account. */
export interface ScenarioSpec {
  /** Short name, used in messages and resource names. */
  name: string;
  accountId: string;
  /** The Regions the scenario is scanned in (the first is the home Region). */
  regions: readonly string[];
  estate: EstateSpec;
}

/**
 * How a scan of a scenario is dated, for snapshots that must not depend on the day they were built (the demo's):
 * moto stamps every resource with the seeding time, so the snapshot normaliser (scripts/demo/normalize-snapshot.ts)
 * moves those stamps to `seededAt` and then applies `ages`.
 */
export interface TimelineSpec {
  /** The scan's clock: collectedAt, observedAt, and every period a collector computes. */
  collectedAt: string;
  /** What the seeding run's own timestamps become (before collectedAt). */
  seededAt: string;
  ages?: readonly AgeSpec[];
}

/** An age the story needs: the property at `path` (a JSON pointer into the properties, `*` for every element) of the matching resources. */
export interface AgeSpec {
  type: string;
  /** The resource's name; `*` matches any run of characters. */
  name: string;
  path: string;
  daysAgo: number;
}

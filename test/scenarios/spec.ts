// Test-only: the plain descriptions a scenario account is seeded from. A scenario is data — an `EstateSpec` — and the
// seed functions in ./seed turn it into moto resources (through the real SDK) and fault-proxy scenario state (for
// what moto cannot model). Everything optional means "leave moto's default".
import type { ContactInformation } from '@aws-sdk/client-account';
import type { AccountScenario, SupportTier } from '../harness/index.js';

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

export interface AccountFactsSpec {
  /** Set through Account PutAlternateContact (moto keeps them); a kind left out stays unset. */
  alternateContacts?: Partial<Record<AlternateContactKind, ContactSpec>>;
  /** Proxy stand-in state (moto lacks GetContactInformation). */
  contactInformation?: ContactInformation;
  /** Proxy state: the root user as the credential report and GetAccountSummary show it. */
  root?: Partial<AccountScenario['root']>;
  /** Proxy state: what Support DescribeSeverityLevels answers. */
  supportTier?: SupportTier;
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

/** What an identity is granted: inline policies by name, customer managed policies by name. */
export interface Grants {
  inlinePolicies?: Readonly<Record<string, PolicyDocument>>;
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
  /** IPv4 CIDR, default 0.0.0.0/0. */
  cidr?: string;
  description?: string;
}

export interface SecurityGroupSpec {
  name: string;
  description?: string;
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
  tags?: Tags;
}

/** An Amazon Data Lifecycle Manager snapshot policy (the fault proxy's stand-in keeps it). */
export interface LifecyclePolicySpec {
  description: string;
  resourceTypes: ReadonlyArray<'VOLUME' | 'INSTANCE'>;
  targetTags: Tags;
  enabled?: boolean;
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

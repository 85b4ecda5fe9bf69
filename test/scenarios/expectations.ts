// Test-only: what the scenario accounts must come out as, per requirement (issue 3). Shared by the integration tests
// (engine on a `scanAccount` snapshot) and the CLI test (`ftr scan` + `ftr assess`).
import type { RequirementStatus } from '../../src/core/index.js';

export const ISSUE_REQUIREMENTS = ['IAM-001', 'IAM-003', 'IAM-006', 'NETSEC-001', 'S3-001', 'SDAT-002', 'SDAT-003', 'BAR-001', 'ACOM-001'] as const;

/**
 * The well-configured account with the scenario ftr.yaml: every gating rule passes (or has nothing to judge), and
 * SDAT-003 stays partially compliant because its evidence piece is deliberately not attested.
 */
export const WELL_CONFIGURED_STATUSES: Readonly<Record<string, RequirementStatus>> = {
  'IAM-001': 'compliant',
  'IAM-003': 'compliant',
  'IAM-006': 'compliant',
  'NETSEC-001': 'compliant',
  'S3-001': 'compliant',
  'SDAT-002': 'compliant',
  'SDAT-003': 'partially_compliant',
  'BAR-001': 'compliant',
  'ACOM-001': 'compliant',
};

export const FAULTY_STATUSES: Readonly<Record<string, RequirementStatus>> = Object.fromEntries(ISSUE_REQUIREMENTS.map((id) => [id, 'non_compliant']));

/**
 * With the restricted reader's keys: the requirements whose gating data was denied, and the reason codes that name
 * the denial — `collection_failed:<action>` (a failed listing) or `not_collected:<type>` (an inventory no record
 * completed); one of them must be there.
 */
export const DENIED_REQUIREMENTS: Readonly<Record<string, readonly string[]>> = {
  'NETSEC-001': ['collection_failed:ec2:DescribeSecurityGroups', 'not_collected:AWS::EC2::SecurityGroup'],
  'S3-001': ['collection_failed:s3:ListAllMyBuckets', 'not_collected:AWS::S3::Bucket'],
  'SDAT-002': ['collection_failed:ec2:DescribeVolumes', 'not_collected:AWS::EC2::Volume'],
  'SDAT-003': [
    'collection_failed:elasticloadbalancing:DescribeLoadBalancers',
    'collection_failed:elasticloadbalancing:DescribeListeners',
    'not_collected:AWS::ElasticLoadBalancingV2::Listener',
  ],
  'BAR-001': ['collection_failed:rds:DescribeDBInstances', 'not_collected:AWS::RDS::DBInstance'],
};

/** The requirements whose gating data the restricted reader may still read: they keep the well-configured status. */
export const ALLOWED_REQUIREMENTS = ['IAM-001', 'IAM-003', 'IAM-006', 'ACOM-001'] as const;

/** A reason that says data could not be collected. */
export const COLLECTION_REASON = /^(collection_failed:[a-z0-9-]+:[A-Za-z0-9]+|not_collected:.+)$/;

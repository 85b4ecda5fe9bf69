// The differences between a rule's verdict in code and live that are expected, each with why. Anything else fails
// the parity test; an entry that no longer matches a difference fails it too, so the list cannot go stale.
import type { Verdict } from './compare.js';

export interface AllowedDifference {
  rule: string;
  /** Template file under test/fixtures/parity and the logical id of the resource. */
  file: string;
  logicalId: string;
  code: Verdict;
  live: Verdict;
  reason: string;
}

export const ALLOWED_DIFFERENCES: readonly AllowedDifference[] = [
  {
    rule: 'rds-storage-encrypted',
    file: 'data.yaml',
    logicalId: 'DefaultDb',
    code: 'fail',
    live: 'unknown',
    reason:
      'The template leaves StorageEncrypted to its AWS default (false, so code fails it). moto omits StorageEncrypted from DescribeDBInstances when CreateDBInstance did not set it, where AWS always returns it; the collector then rightly records it as unknown.',
  },
  {
    rule: 'ebs-volume-encrypted',
    file: 'compute.yaml',
    logicalId: 'ProfiledServer',
    code: 'unknown',
    live: 'none',
    reason:
      'By design: live, an instance’s volumes are judged as AWS::EC2::Volume resources of their own (the root volume is not a stack resource, so it has no code pair); in code the instance stands for the volumes it creates, and the AMI decides whether its root volume is encrypted.',
  },
  {
    rule: 'ebs-volume-encrypted',
    file: 'compute.yaml',
    logicalId: 'LeakyServer',
    code: 'unknown',
    live: 'none',
    reason: 'As for ProfiledServer: live instances get no outcome, their volumes do; the root volume’s encryption comes from the AMI.',
  },
  {
    rule: 'ec2-default-sg-restricts-all',
    file: 'compute.yaml',
    logicalId: 'Vpc',
    code: 'fail',
    live: 'none',
    reason:
      'By design: a template cannot hold a VPC’s default security group, so code judges the VPC (which gets AWS’s stock all-traffic rules unless the template removes them); live judges the default group itself, which is not a stack resource and has no code pair.',
  },
  {
    rule: 'ec2-default-sg-restricts-all',
    file: 'network.yaml',
    logicalId: 'Vpc',
    code: 'fail',
    live: 'none',
    reason: 'As for compute.yaml#Vpc: code judges the VPC for its implicit default group, live judges the default group.',
  },
];

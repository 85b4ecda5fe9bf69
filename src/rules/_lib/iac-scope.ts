/**
 * What the infrastructure-as-code rule counts: the resource types that make up a workload's infrastructure, and the
 * resources AWS (or another resource) creates on its own, which say nothing about manual work — defaults, AWS-managed
 * and service-linked items, instances an Auto Scaling group launched, log groups under /aws/, target-tracking alarms,
 * the default backup vaults, RDS-managed secrets and the subnets of a default VPC.
 */
import type { Resource, RuleContext } from '../../core/index.js';
import { asString } from './shape.js';

export const IAC_COUNTED_TYPES: readonly string[] = [
  'AWS::IAM::Role',
  'AWS::IAM::ManagedPolicy',
  'AWS::S3::Bucket',
  'AWS::EC2::VPC',
  'AWS::EC2::Subnet',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::NatGateway',
  'AWS::EC2::Instance',
  'AWS::EC2::LaunchTemplate',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::DynamoDB::Table',
  'AWS::EFS::FileSystem',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::OpenSearchService::Domain',
  'AWS::Redshift::Cluster',
  'AWS::SNS::Topic',
  'AWS::SQS::Queue',
  'AWS::KMS::Key',
  'AWS::SecretsManager::Secret',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancingV2::TargetGroup',
  'AWS::CloudFront::Distribution',
  'AWS::AutoScaling::AutoScalingGroup',
  'AWS::Lambda::Function',
  'AWS::ECR::Repository',
  'AWS::CloudTrail::Trail',
  'AWS::CloudWatch::Alarm',
  'AWS::Logs::LogGroup',
  'AWS::Backup::BackupPlan',
  'AWS::Backup::BackupVault',
];

const DEFAULT_VAULTS = new Set(['Default', 'aws/efs/automatic-backup-vault']);

/** Resources AWS (or another resource) creates on its own: not a sign of manual work. */
export function createdByAws(ctx: RuleContext, r: Resource): boolean {
  const p = r.properties;
  if (p['IsDefault'] === true || p['AwsManaged'] === true || p['ServiceLinked'] === true || p['KeyManager'] === 'AWS') return true;
  if (r.tags['aws:autoscaling:groupName'] !== undefined) return true;
  const name = r.name ?? '';
  switch (r.type) {
    case 'AWS::IAM::Role':
      return /^\/(aws-service-role|aws-reserved)\//.test(asString(p['Path']) ?? '');
    case 'AWS::Logs::LogGroup':
      return (asString(p['LogGroupName']) ?? name).startsWith('/aws/');
    case 'AWS::CloudWatch::Alarm':
      return (asString(p['AlarmName']) ?? name).startsWith('TargetTracking-');
    case 'AWS::Backup::BackupVault':
      return DEFAULT_VAULTS.has(asString(p['BackupVaultName']) ?? name);
    case 'AWS::SecretsManager::Secret':
      return (asString(p['Name']) ?? name).startsWith('rds!');
    case 'AWS::EC2::Subnet': {
      const vpc = ctx.resolve(r, p['VpcId'], 'AWS::EC2::VPC');
      return vpc?.properties['IsDefault'] === true;
    }
    default:
      return false;
  }
}

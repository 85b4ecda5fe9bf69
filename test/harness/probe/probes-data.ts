// Test-only: coverage probes for storage, network and data services (S3, S3 Control, EC2, DLM, RDS, DynamoDB,
// Redshift, OpenSearch, ElastiCache, EFS, SNS, SQS, Backup).
import { BackupClient, GetBackupPlanCommand, ListBackupPlansCommand, ListBackupSelectionsCommand, ListBackupVaultsCommand, ListProtectedResourcesCommand, ListRestoreJobsCommand } from '@aws-sdk/client-backup';
import { DLMClient, GetLifecyclePoliciesCommand } from '@aws-sdk/client-dlm';
import { DescribeContinuousBackupsCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeFlowLogsCommand,
  DescribeIamInstanceProfileAssociationsCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeRegionsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import { DescribeBackupPolicyCommand, DescribeFileSystemsCommand, EFSClient } from '@aws-sdk/client-efs';
import { DescribeCacheClustersCommand, DescribeReplicationGroupsCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { DescribeDomainsCommand, ListDomainNamesCommand, OpenSearchClient } from '@aws-sdk/client-opensearch';
import { DescribeDBClusterParametersCommand, DescribeDBClustersCommand, DescribeDBInstancesCommand, DescribeDBParametersCommand, RDSClient } from '@aws-sdk/client-rds';
import { DescribeClustersCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetTopicAttributesCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { ProbeContext } from './context.js';
import { probe, type Probe } from './probe.js';

const s3 = (ctx: ProbeContext) => ctx.client(S3Client, 's3');
const ec2 = (ctx: ProbeContext) => ctx.client(EC2Client);
const backup = (ctx: ProbeContext) => ctx.client(BackupClient);

export const dataProbes: Probe[] = [
  probe('S3', 'ListBuckets', (ctx) => s3(ctx).send(new ListBucketsCommand({})), {
    check: (out) => (out.Buckets?.some((b) => !b.BucketRegion) ? 'no BucketRegion' : undefined),
  }),
  probe('S3', 'GetBucketPolicy', (ctx) => s3(ctx).send(new GetBucketPolicyCommand({ Bucket: ctx.seeds.bucket }))),
  probe('S3', 'GetBucketPolicyStatus', (ctx) => s3(ctx).send(new GetBucketPolicyStatusCommand({ Bucket: ctx.seeds.bucket }))),
  probe('S3', 'GetBucketAcl', (ctx) => s3(ctx).send(new GetBucketAclCommand({ Bucket: ctx.seeds.bucket }))),
  probe('S3', 'GetBucketOwnershipControls', (ctx) => s3(ctx).send(new GetBucketOwnershipControlsCommand({ Bucket: ctx.seeds.bucket })), {
    expectedErrors: ['OwnershipControlsNotFoundError'],
  }),
  probe('S3', 'GetPublicAccessBlock', (ctx) => s3(ctx).send(new GetPublicAccessBlockCommand({ Bucket: ctx.seeds.bucket })), {
    expectedErrors: ['NoSuchPublicAccessBlockConfiguration'],
  }),
  probe('S3', 'GetBucketEncryption', (ctx) => s3(ctx).send(new GetBucketEncryptionCommand({ Bucket: ctx.seeds.bucket }))),
  probe('S3', 'GetBucketVersioning', (ctx) => s3(ctx).send(new GetBucketVersioningCommand({ Bucket: ctx.seeds.bucket }))),
  probe('S3', 'GetBucketLogging', (ctx) => s3(ctx).send(new GetBucketLoggingCommand({ Bucket: ctx.seeds.bucket }))),
  probe('S3', 'GetObjectLockConfiguration', (ctx) => s3(ctx).send(new GetObjectLockConfigurationCommand({ Bucket: ctx.seeds.bucket })), {
    expectedErrors: ['ObjectLockConfigurationNotFoundError'],
  }),
  probe('S3', 'GetBucketLocation', (ctx) => s3(ctx).send(new GetBucketLocationCommand({ Bucket: 'probe-bucket-eu' })), {
    check: (out) => (out.LocationConstraint === 'eu-west-1' ? undefined : `LocationConstraint ${String(out.LocationConstraint)}`),
  }),
  probe('S3Control', 'GetPublicAccessBlock', (ctx) => ctx.client(S3ControlClient, 's3control').send(new GetAccountPublicAccessBlockCommand({ AccountId: ctx.accountId })), {
    expectedErrors: ['NoSuchPublicAccessBlockConfiguration'],
  }),
  probe('EC2', 'DescribeRegions', (ctx) => ec2(ctx).send(new DescribeRegionsCommand({ AllRegions: true }))),
  probe('EC2', 'DescribeSecurityGroups', (ctx) => ec2(ctx).send(new DescribeSecurityGroupsCommand({})), {
    check: (out) => {
      const def = out.SecurityGroups?.find((g) => g.GroupName === 'default');
      const selfRef = def?.IpPermissions?.some((p) => p.UserIdGroupPairs?.some((pair) => pair.GroupId === def.GroupId));
      return def && !selfRef ? 'default SG lacks the self-referencing ingress rule' : undefined;
    },
  }),
  probe('EC2', 'DescribeSecurityGroupRules', (ctx) => ec2(ctx).send(new DescribeSecurityGroupRulesCommand({}))),
  probe('EC2', 'DescribeVpcs', (ctx) => ec2(ctx).send(new DescribeVpcsCommand({}))),
  probe('EC2', 'DescribeSubnets', (ctx) => ec2(ctx).send(new DescribeSubnetsCommand({}))),
  probe('EC2', 'DescribeRouteTables', (ctx) => ec2(ctx).send(new DescribeRouteTablesCommand({})), {
    check: (out) =>
      out.RouteTables?.some((t) => t.Routes?.some((r) => r.DestinationCidrBlock === '0.0.0.0/0')) ? undefined : 'default VPC has no 0.0.0.0/0 route',
  }),
  probe('EC2', 'DescribeInternetGateways', (ctx) => ec2(ctx).send(new DescribeInternetGatewaysCommand({})), {
    check: (out) => ((out.InternetGateways?.length ?? 0) === 0 ? 'default VPC has no internet gateway' : undefined),
  }),
  probe('EC2', 'DescribeNatGateways', (ctx) => ec2(ctx).send(new DescribeNatGatewaysCommand({}))),
  probe('EC2', 'DescribeNetworkAcls', (ctx) => ec2(ctx).send(new DescribeNetworkAclsCommand({}))),
  probe('EC2', 'DescribeInstances', (ctx) => ec2(ctx).send(new DescribeInstancesCommand({}))),
  probe('EC2', 'DescribeVolumes', (ctx) => ec2(ctx).send(new DescribeVolumesCommand({}))),
  probe('EC2', 'GetEbsEncryptionByDefault', (ctx) => ec2(ctx).send(new GetEbsEncryptionByDefaultCommand({}))),
  probe('EC2', 'DescribeFlowLogs', (ctx) => ec2(ctx).send(new DescribeFlowLogsCommand({}))),
  probe('EC2', 'DescribeLaunchTemplates', (ctx) => ec2(ctx).send(new DescribeLaunchTemplatesCommand({}))),
  probe('EC2', 'DescribeLaunchTemplateVersions', (ctx) => ec2(ctx).send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: ctx.seeds.launchTemplateId }))),
  probe('EC2', 'DescribeInstanceAttribute (userData)', (ctx) => ec2(ctx).send(new DescribeInstanceAttributeCommand({ InstanceId: ctx.seeds.instanceId, Attribute: 'userData' })), {
    check: (out) => (out.UserData?.Value ? undefined : 'no userData'),
  }),
  probe('EC2', 'DescribeIamInstanceProfileAssociations', (ctx) => ec2(ctx).send(new DescribeIamInstanceProfileAssociationsCommand({}))),
  probe('DLM', 'GetLifecyclePolicies', (ctx) => ctx.client(DLMClient).send(new GetLifecyclePoliciesCommand({}))),
  probe('RDS', 'DescribeDBInstances', (ctx) => ctx.client(RDSClient).send(new DescribeDBInstancesCommand({})), {
    check: (out) => (out.DBInstances?.some((d) => d.PubliclyAccessible === undefined) ? 'PubliclyAccessible omitted when not given at create' : undefined),
  }),
  probe('RDS', 'DescribeDBClusters', (ctx) => ctx.client(RDSClient).send(new DescribeDBClustersCommand({}))),
  probe('RDS', 'DescribeDBParameters', (ctx) => ctx.client(RDSClient).send(new DescribeDBParametersCommand({ DBParameterGroupName: ctx.seeds.dbParameterGroup }))),
  probe('RDS', 'DescribeDBClusterParameters', (ctx) => ctx.client(RDSClient).send(new DescribeDBClusterParametersCommand({ DBClusterParameterGroupName: ctx.seeds.dbClusterParameterGroup }))),
  probe('DynamoDB', 'ListTables', (ctx) => ctx.client(DynamoDBClient).send(new ListTablesCommand({}))),
  probe('DynamoDB', 'DescribeTable', (ctx) => ctx.client(DynamoDBClient).send(new DescribeTableCommand({ TableName: ctx.seeds.table }))),
  probe('DynamoDB', 'DescribeContinuousBackups', (ctx) => ctx.client(DynamoDBClient).send(new DescribeContinuousBackupsCommand({ TableName: ctx.seeds.table }))),
  probe('Redshift', 'DescribeClusters', (ctx) => ctx.client(RedshiftClient).send(new DescribeClustersCommand({}))),
  probe('OpenSearch', 'ListDomainNames', (ctx) => ctx.client(OpenSearchClient).send(new ListDomainNamesCommand({}))),
  probe('OpenSearch', 'DescribeDomains', (ctx) => ctx.client(OpenSearchClient).send(new DescribeDomainsCommand({ DomainNames: ['probe-domain'] }))),
  probe('ElastiCache', 'DescribeReplicationGroups', (ctx) => ctx.client(ElastiCacheClient).send(new DescribeReplicationGroupsCommand({}))),
  probe('ElastiCache', 'DescribeCacheClusters', (ctx) => ctx.client(ElastiCacheClient).send(new DescribeCacheClustersCommand({}))),
  probe('EFS', 'DescribeFileSystems', (ctx) => ctx.client(EFSClient).send(new DescribeFileSystemsCommand({}))),
  probe('EFS', 'DescribeBackupPolicy', (ctx) => ctx.client(EFSClient).send(new DescribeBackupPolicyCommand({ FileSystemId: ctx.seeds.fileSystemId })), {
    expectedErrors: ['PolicyNotFound'],
  }),
  probe('SNS', 'ListTopics', (ctx) => ctx.client(SNSClient).send(new ListTopicsCommand({}))),
  probe('SNS', 'GetTopicAttributes', (ctx) => ctx.client(SNSClient).send(new GetTopicAttributesCommand({ TopicArn: ctx.seeds.topicArn }))),
  probe('SQS', 'ListQueues', (ctx) => ctx.client(SQSClient).send(new ListQueuesCommand({}))),
  probe('SQS', 'GetQueueAttributes', (ctx) => ctx.client(SQSClient).send(new GetQueueAttributesCommand({ QueueUrl: ctx.seeds.queueUrl, AttributeNames: ['All'] }))),
  probe('Backup', 'ListBackupPlans', (ctx) => backup(ctx).send(new ListBackupPlansCommand({}))),
  probe('Backup', 'GetBackupPlan', (ctx) => backup(ctx).send(new GetBackupPlanCommand({ BackupPlanId: ctx.seeds.backupPlanId }))),
  probe('Backup', 'ListBackupSelections', (ctx) => backup(ctx).send(new ListBackupSelectionsCommand({ BackupPlanId: ctx.seeds.backupPlanId }))),
  probe('Backup', 'ListBackupVaults', (ctx) => backup(ctx).send(new ListBackupVaultsCommand({}))),
  probe('Backup', 'ListProtectedResources', (ctx) => backup(ctx).send(new ListProtectedResourcesCommand({}))),
  probe('Backup', 'ListRestoreJobs', (ctx) => backup(ctx).send(new ListRestoreJobsCommand({}))),
];

// Test-only: creates one of each resource the coverage probes read, through the SDK itself, and returns their ids.
// A failing step is reported and skipped: the probe that needs it then shows the failure instead.
import { ACMClient, RequestCertificateCommand } from '@aws-sdk/client-acm';
import { APIGatewayClient, CreateDeploymentCommand, CreateRestApiCommand, CreateStageCommand, GetResourcesCommand, PutMethodCommand, PutIntegrationCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, CreateApiCommand } from '@aws-sdk/client-apigatewayv2';
import { AutoScalingClient, CreateAutoScalingGroupCommand } from '@aws-sdk/client-auto-scaling';
import { BackupClient, CreateBackupPlanCommand, CreateBackupVaultCommand } from '@aws-sdk/client-backup';
import { BudgetsClient, CreateBudgetCommand } from '@aws-sdk/client-budgets';
import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { CloudFrontClient, CreateDistributionCommand } from '@aws-sdk/client-cloudfront';
import { CloudTrailClient, CreateTrailCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ConfigServiceClient, PutConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { DLMClient, CreateLifecyclePolicyCommand } from '@aws-sdk/client-dlm';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateFlowLogsCommand, CreateLaunchTemplateCommand, DescribeVpcsCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { CreateExperimentTemplateCommand, FisClient, StartExperimentCommand } from '@aws-sdk/client-fis';
import { ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import { CreateCacheClusterCommand, CreateReplicationGroupCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { CreateAccessKeyCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateDomainCommand, OpenSearchClient } from '@aws-sdk/client-opensearch';
import { CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { CreateDBClusterCommand, CreateDBClusterParameterGroupCommand, CreateDBInstanceCommand, CreateDBParameterGroupCommand, RDSClient } from '@aws-sdk/client-rds';
import { CreateClusterCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { CreateHealthCheckCommand, CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import { CreateBucketCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { strToU8, zipSync } from 'fflate';
import type { ProbeContext, Seeds } from './context.js';

const TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] });
// A one-file zip archive is enough for moto's CreateFunction (it only runs code with Docker).
const LAMBDA_ZIP = zipSync({ 'index.js': strToU8('exports.handler = async () => 1;') });

type Step = [name: string, run: (ctx: ProbeContext, seeds: Seeds) => Promise<void>];

const steps: Step[] = [
  ['iam', async (ctx, s) => {
    const iam = ctx.client(IAMClient);
    for (const name of ['alice', 'bob', 'carol']) await iam.send(new CreateUserCommand({ UserName: name }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    s.accessKeyId = key.AccessKey?.AccessKeyId ?? '';
    await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice-mfa' }));
    const role = await iam.send(new CreateRoleCommand({ RoleName: 'probe-role', AssumeRolePolicyDocument: TRUST_POLICY }));
    s.roleArn = role.Role?.Arn ?? '';
    const policy = await iam.send(new CreatePolicyCommand({ PolicyName: 'probe-policy', PolicyDocument: POLICY }));
    s.policyArn = policy.Policy?.Arn ?? '';
  }],
  ['organizations', async (ctx) => {
    await ctx.client(OrganizationsClient).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  }],
  ['s3', async (ctx, s) => {
    const s3 = ctx.client(S3Client, 's3');
    s.bucket = 'probe-bucket';
    await s3.send(new CreateBucketCommand({ Bucket: s.bucket }));
    await s3.send(new CreateBucketCommand({ Bucket: 'probe-bucket-eu', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    await s3.send(new PutBucketPolicyCommand({
      Bucket: s.bucket,
      Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Resource: `arn:aws:s3:::${s.bucket}/*`, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }),
    }));
  }],
  ['cloudtrail', async (ctx, s) => {
    const trail = await ctx.client(CloudTrailClient).send(new CreateTrailCommand({ Name: 'probe-trail', S3BucketName: 'probe-bucket', IsMultiRegionTrail: true }));
    s.trailArn = trail.TrailARN ?? '';
  }],
  ['ec2', async (ctx, s) => {
    const ec2 = ctx.client(EC2Client);
    const vpcs = await ec2.send(new DescribeVpcsCommand({}));
    s.vpcId = vpcs.Vpcs?.[0]?.VpcId ?? '';
    const run = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, InstanceType: 't3.micro', UserData: Buffer.from('#!/bin/sh\necho hi').toString('base64') }));
    s.instanceId = run.Instances?.[0]?.InstanceId ?? '';
    const lt = await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'probe-lt', LaunchTemplateData: { ImageId: 'ami-12345678', MetadataOptions: { HttpTokens: 'required' } } }));
    s.launchTemplateId = lt.LaunchTemplate?.LaunchTemplateId ?? '';
    await ec2.send(new CreateFlowLogsCommand({ ResourceIds: [s.vpcId], ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::probe-bucket' }));
  }],
  ['dlm', async (ctx) => {
    await ctx.client(DLMClient).send(new CreateLifecyclePolicyCommand({
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/dlm', Description: 'probe', State: 'ENABLED',
      PolicyDetails: { ResourceTypes: ['VOLUME'], TargetTags: [{ Key: 'backup', Value: 'true' }], Schedules: [{ Name: 'daily', CreateRule: { Interval: 24, IntervalUnit: 'HOURS' }, RetainRule: { Count: 7 } }] },
    }));
  }],
  ['rds', async (ctx, s) => {
    const rds = ctx.client(RDSClient);
    await rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: 'probe-db', Engine: 'mysql', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'admin', MasterUserPassword: 'password123', StorageEncrypted: true }));
    await rds.send(new CreateDBClusterCommand({ DBClusterIdentifier: 'probe-cluster', Engine: 'aurora-mysql', MasterUsername: 'admin', MasterUserPassword: 'password123' }));
    await rds.send(new CreateDBParameterGroupCommand({ DBParameterGroupName: 'probe-params', DBParameterGroupFamily: 'mysql8.0', Description: 'probe' }));
    s.dbParameterGroup = 'probe-params';
    await rds.send(new CreateDBClusterParameterGroupCommand({ DBClusterParameterGroupName: 'probe-cluster-params', DBParameterGroupFamily: 'aurora-mysql8.0', Description: 'probe' }));
    s.dbClusterParameterGroup = 'probe-cluster-params';
  }],
  ['dynamodb', async (ctx, s) => {
    s.table = 'probe-table';
    await ctx.client(DynamoDBClient).send(new CreateTableCommand({ TableName: s.table, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] }));
  }],
  ['redshift', async (ctx) => {
    await ctx.client(RedshiftClient).send(new CreateClusterCommand({ ClusterIdentifier: 'probe-rs', NodeType: 'dc2.large', MasterUsername: 'admin', MasterUserPassword: 'Password123', ClusterType: 'single-node' }));
  }],
  ['opensearch', async (ctx) => {
    await ctx.client(OpenSearchClient).send(new CreateDomainCommand({ DomainName: 'probe-domain', EncryptionAtRestOptions: { Enabled: true } }));
  }],
  ['elasticache', async (ctx) => {
    const ec = ctx.client(ElastiCacheClient);
    await ec.send(new CreateReplicationGroupCommand({ ReplicationGroupId: 'probe-rg', ReplicationGroupDescription: 'probe', Engine: 'redis', CacheNodeType: 'cache.t3.micro', AtRestEncryptionEnabled: true }));
    await ec.send(new CreateCacheClusterCommand({ CacheClusterId: 'probe-cc', Engine: 'memcached', CacheNodeType: 'cache.t3.micro', NumCacheNodes: 1 }));
  }],
  ['efs', async (ctx, s) => {
    const fs = await ctx.client(EFSClient).send(new CreateFileSystemCommand({ CreationToken: 'probe', Encrypted: true }));
    s.fileSystemId = fs.FileSystemId ?? '';
  }],
  ['sns', async (ctx, s) => {
    const topic = await ctx.client(SNSClient).send(new CreateTopicCommand({ Name: 'probe-topic' }));
    s.topicArn = topic.TopicArn ?? '';
  }],
  ['sqs', async (ctx, s) => {
    const queue = await ctx.client(SQSClient).send(new CreateQueueCommand({ QueueName: 'probe-queue' }));
    s.queueUrl = queue.QueueUrl ?? '';
  }],
  ['backup', async (ctx, s) => {
    const backup = ctx.client(BackupClient);
    await backup.send(new CreateBackupVaultCommand({ BackupVaultName: 'probe-vault' }));
    const plan = await backup.send(new CreateBackupPlanCommand({ BackupPlan: { BackupPlanName: 'probe-plan', Rules: [{ RuleName: 'daily', TargetBackupVaultName: 'probe-vault', ScheduleExpression: 'cron(0 5 * * ? *)' }] } }));
    s.backupPlanId = plan.BackupPlanId ?? '';
  }],
  ['cloudwatch', async (ctx) => {
    await ctx.client(CloudWatchClient).send(new PutMetricAlarmCommand({ AlarmName: 'probe-alarm', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average', Period: 300, EvaluationPeriods: 1, Threshold: 80, ComparisonOperator: 'GreaterThanThreshold' }));
  }],
  ['logs', async (ctx) => {
    await ctx.client(CloudWatchLogsClient).send(new CreateLogGroupCommand({ logGroupName: 'probe-logs' }));
  }],
  ['route53', async (ctx) => {
    const r53 = ctx.client(Route53Client);
    await r53.send(new CreateHostedZoneCommand({ Name: 'probe.example.com', CallerReference: 'probe' }));
    await r53.send(new CreateHealthCheckCommand({ CallerReference: 'probe-hc', HealthCheckConfig: { Type: 'HTTPS', FullyQualifiedDomainName: 'probe.example.com', Port: 443 } }));
  }],
  ['kms', async (ctx, s) => {
    const key = await ctx.client(KMSClient).send(new CreateKeyCommand({ Description: 'probe' }));
    s.keyId = key.KeyMetadata?.KeyId ?? '';
  }],
  ['secretsmanager', async (ctx) => {
    await ctx.client(SecretsManagerClient).send(new CreateSecretCommand({ Name: 'probe-secret', SecretString: 'x' }));
  }],
  ['ssm', async (ctx) => {
    await ctx.client(SSMClient).send(new PutParameterCommand({ Name: '/probe/param', Value: 'x', Type: 'SecureString' }));
  }],
  ['elbv2', async (ctx, s) => {
    const ec2 = ctx.client(EC2Client);
    const { DescribeSubnetsCommand } = await import('@aws-sdk/client-ec2');
    const subnets = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [s.vpcId ?? ''] }] }));
    const elb = ctx.client(ElasticLoadBalancingV2Client);
    const lb = await elb.send(new CreateLoadBalancerCommand({ Name: 'probe-lb', Subnets: (subnets.Subnets ?? []).slice(0, 2).map((x) => x.SubnetId ?? '') }));
    s.loadBalancerArn = lb.LoadBalancers?.[0]?.LoadBalancerArn ?? '';
    const tg = await elb.send(new CreateTargetGroupCommand({ Name: 'probe-tg', Protocol: 'HTTP', Port: 80, VpcId: s.vpcId }));
    s.targetGroupArn = tg.TargetGroups?.[0]?.TargetGroupArn ?? '';
    const listener = await elb.send(new CreateListenerCommand({ LoadBalancerArn: s.loadBalancerArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: s.targetGroupArn }] }));
    s.listenerArn = listener.Listeners?.[0]?.ListenerArn ?? '';
  }],
  ['cloudfront', async (ctx, s) => {
    const dist = await ctx.client(CloudFrontClient).send(new CreateDistributionCommand({
      DistributionConfig: {
        CallerReference: 'probe', Comment: 'probe', Enabled: true,
        Origins: { Quantity: 1, Items: [{ Id: 'o1', DomainName: 'probe-bucket.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }] },
        DefaultCacheBehavior: { TargetOriginId: 'o1', ViewerProtocolPolicy: 'redirect-to-https', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' },
      },
    }));
    s.distributionId = dist.Distribution?.Id ?? '';
  }],
  ['acm', async (ctx) => {
    await ctx.client(ACMClient).send(new RequestCertificateCommand({ DomainName: 'probe.example.com', ValidationMethod: 'DNS' }));
  }],
  ['apigateway', async (ctx, s) => {
    const apigw = ctx.client(APIGatewayClient);
    const api = await apigw.send(new CreateRestApiCommand({ name: 'probe-api' }));
    s.restApiId = api.id ?? '';
    const resources = await apigw.send(new GetResourcesCommand({ restApiId: s.restApiId }));
    const root = resources.items?.[0]?.id ?? '';
    await apigw.send(new PutMethodCommand({ restApiId: s.restApiId, resourceId: root, httpMethod: 'GET', authorizationType: 'NONE' }));
    await apigw.send(new PutIntegrationCommand({ restApiId: s.restApiId, resourceId: root, httpMethod: 'GET', type: 'MOCK' }));
    const deployment = await apigw.send(new CreateDeploymentCommand({ restApiId: s.restApiId }));
    await apigw.send(new CreateStageCommand({ restApiId: s.restApiId, stageName: 'prod', deploymentId: deployment.id }));
  }],
  ['apigatewayv2', async (ctx) => {
    await ctx.client(ApiGatewayV2Client).send(new CreateApiCommand({ Name: 'probe-http', ProtocolType: 'HTTP' }));
  }],
  ['autoscaling', async (ctx, s) => {
    await ctx.client(AutoScalingClient).send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: 'probe-asg', MinSize: 0, MaxSize: 1, LaunchTemplate: { LaunchTemplateId: s.launchTemplateId }, AvailabilityZones: ['us-east-1a'] }));
  }],
  ['lambda', async (ctx, s) => {
    await ctx.client(LambdaClient).send(new CreateFunctionCommand({ FunctionName: 'probe-fn', Runtime: 'nodejs20.x', Role: s.roleArn, Handler: 'index.handler', Code: { ZipFile: LAMBDA_ZIP } }));
  }],
  ['ecs', async (ctx, s) => {
    const td = await ctx.client(ECSClient).send(new RegisterTaskDefinitionCommand({ family: 'probe-td', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }] }));
    s.taskDefinitionArn = td.taskDefinition?.taskDefinitionArn ?? '';
  }],
  ['ecr', async (ctx) => {
    await ctx.client(ECRClient).send(new CreateRepositoryCommand({ repositoryName: 'probe-repo' }));
  }],
  ['guardduty', async (ctx, s) => {
    const detector = await ctx.client(GuardDutyClient).send(new CreateDetectorCommand({ Enable: true }));
    s.detectorId = detector.DetectorId ?? '';
  }],
  ['config', async (ctx) => {
    await ctx.client(ConfigServiceClient).send(new PutConfigurationRecorderCommand({ ConfigurationRecorder: { name: 'default', roleARN: 'arn:aws:iam::123456789012:role/config', recordingGroup: { allSupported: true } } }));
  }],
  ['fis', async (ctx, s) => {
    const fis = ctx.client(FisClient);
    const template = await fis.send(new CreateExperimentTemplateCommand({
      clientToken: 'probe', description: 'probe', roleArn: 'arn:aws:iam::123456789012:role/fis',
      stopConditions: [{ source: 'none' }], actions: { wait: { actionId: 'aws:fis:wait', parameters: { duration: 'PT1M' } } },
    }));
    const experiment = await fis.send(new StartExperimentCommand({ clientToken: 'probe-run', experimentTemplateId: template.experimentTemplate?.id }));
    s.experimentId = experiment.experiment?.id ?? '';
  }],
  ['securityhub', async (ctx) => {
    await ctx.client(SecurityHubClient).send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
  }],
  ['budgets', async (ctx, s) => {
    s.budgetName = 'probe-budget';
    await ctx.client(BudgetsClient).send(new CreateBudgetCommand({
      AccountId: ctx.accountId,
      Budget: { BudgetName: s.budgetName, BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '100', Unit: 'USD' } },
      NotificationsWithSubscribers: [{ Notification: { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80 }, Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'ops@example.com' }] }],
    }));
  }],
  ['cloudformation', async (ctx, s) => {
    s.stackName = 'probe-stack';
    await ctx.client(CloudFormationClient).send(new CreateStackCommand({
      StackName: s.stackName,
      TemplateBody: JSON.stringify({ Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'probe-stack-topic' } } } }),
    }));
  }],
];

export async function seedProbeScenario(ctx: ProbeContext): Promise<{ seeds: Seeds; failures: string[] }> {
  const failures: string[] = [];
  for (const [name, run] of steps) {
    try {
      await run(ctx, ctx.seeds);
    } catch (error) {
      failures.push(`${name}: ${(error as Error).name}: ${(error as Error).message.slice(0, 200)}`);
    }
  }
  return { seeds: ctx.seeds, failures };
}

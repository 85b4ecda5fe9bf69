import { ACCOUNT, add, arn, regional } from './builder.js';
import { euAlb, nets, publicAlb } from './network.js';

type Region = 'us-east-1' | 'eu-west-1';

// Audit logging.
regional('AWS::CloudTrail::Trail', 'us-east-1', arn('cloudtrail', 'us-east-1', 'trail/bw-org-trail'), 'bw-org-trail', {
  TrailName: 'bw-org-trail',
  IsLogging: true,
  IsMultiRegionTrail: true,
  IncludeGlobalServiceEvents: true,
  EnableLogFileValidation: true,
  S3BucketName: 'brightwave-cloudtrail',
  KMSKeyId: arn('kms', 'us-east-1', 'key/9a8b-trail'),
  CloudWatchLogsLogGroupArn: arn('logs', 'us-east-1', 'log-group:/bw/cloudtrail:*'),
  EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }],
  HomeRegion: 'us-east-1',
});

// Logs and alarms.
for (const [region, name, retention] of [
  ['us-east-1', '/bw/cloudtrail', 365],
  ['us-east-1', '/ecs/bw-api', 30],
  ['us-east-1', '/ecs/bw-worker', 30],
  ['us-east-1', '/aws/lambda/bw-ingest', 14],
  ['us-east-1', '/aws/lambda/bw-report-builder', undefined],
  ['eu-west-1', '/bw/eu/reporting', undefined],
] as const) {
  regional('AWS::Logs::LogGroup', region, arn('logs', region, `log-group:${name}`), name, { LogGroupName: name, RetentionInDays: retention ?? null }, { physicalId: name });
}
const alarm = (region: Region, name: string, namespace: string, metric: string, dimensions: Array<{ Name: string; Value: string }>) =>
  regional('AWS::CloudWatch::Alarm', region, arn('cloudwatch', region, `alarm:${name}`), name, { AlarmName: name, Namespace: namespace, MetricName: metric, Dimensions: dimensions, AlarmActions: [arn('sns', region, region === 'us-east-1' ? 'bw-alerts' : 'bw-eu-alerts')] }, { physicalId: name });
alarm('us-east-1', 'bw-public-5xx', 'AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', [{ Name: 'LoadBalancer', Value: 'app/bw-public/50dc6c495c0c9188' }]);
alarm('us-east-1', 'bw-public-latency-p99', 'AWS/ApplicationELB', 'TargetResponseTime', [{ Name: 'LoadBalancer', Value: 'app/bw-public/50dc6c495c0c9188' }]);
alarm('us-east-1', 'bw-api-cpu', 'AWS/ECS', 'CPUUtilization', [{ Name: 'ServiceName', Value: 'bw-api' }]);
alarm('us-east-1', 'bw-api-memory', 'AWS/ECS', 'MemoryUtilization', [{ Name: 'ServiceName', Value: 'bw-api' }]);
alarm('us-east-1', 'bw-core-db-cpu', 'AWS/RDS', 'CPUUtilization', [{ Name: 'DBInstanceIdentifier', Value: 'bw-core-db' }]);
add('AWS::Route53::HealthCheck', `arn:aws:route53:::healthcheck/5b7c-public`, 'app.brightwave.example', { HealthCheckConfig: { Type: 'HTTPS', FullyQualifiedDomainName: 'app.brightwave.example', ResourcePath: '/health', Port: 443 } });

// Compute that runs the product.
const asg = (region: Region, name: string, subnets: string[], azs: string[], min: number, max: number, lbs: string[]) =>
  regional('AWS::AutoScaling::AutoScalingGroup', region, arn('autoscaling', region, `autoScalingGroup:5f2e:autoScalingGroupName/${name}`), name, { AutoScalingGroupName: name, MinSize: min, MaxSize: max, VPCZoneIdentifier: subnets, AvailabilityZones: azs, TargetGroupARNs: lbs }, { physicalId: name });
asg('us-east-1', 'bw-app', nets['us-east-1'].privateSubnets, ['us-east-1a', 'us-east-1b'], 3, 12, [publicAlb]);
asg('eu-west-1', 'bw-eu-app', [nets['eu-west-1'].privateSubnets[0]!], ['eu-west-1a'], 1, 1, [euAlb]);

const fn = (region: Region, name: string, env: string[], flagged: string[]) =>
  regional('AWS::Lambda::Function', region, arn('lambda', region, `function:${name}`), name, { FunctionName: name, Role: `arn:aws:iam::${ACCOUNT}:role/brightwave-ingest-lambda`, Runtime: 'nodejs22.x', Environment: { Variables: Object.fromEntries(env.map((n) => [n, '<redacted>'])) }, EnvironmentFlags: { LooksLikeCredential: flagged } }, { physicalId: name });
fn('us-east-1', 'bw-ingest', ['BUCKET', 'QUEUE_URL', 'LOG_LEVEL'], []);
fn('us-east-1', 'bw-report-builder', ['TEMPLATE_BUCKET', 'SMTP_HOST', 'SMTP_PASSWORD'], ['SMTP_PASSWORD']);
fn('us-east-1', 'bw-tenant-provisioner', ['TABLE'], []);
fn('us-east-1', 'bw-usage-rollup', ['TABLE', 'WINDOW'], []);
fn('us-east-1', 'bw-webhook-dispatch', ['QUEUE_URL', 'SIGNING_SECRET_ARN'], []);
fn('eu-west-1', 'bw-eu-export', ['BUCKET', 'PARTNER_API_KEY'], ['PARTNER_API_KEY']);

const task = (name: string, taskRole: string | undefined, env: string[], secrets: string[], flagged: string[]) =>
  regional('AWS::ECS::TaskDefinition', 'us-east-1', arn('ecs', 'us-east-1', `task-definition/${name}:42`), `${name}:42`, { Family: name, ...(taskRole ? { TaskRoleArn: `arn:aws:iam::${ACCOUNT}:role/${taskRole}` } : {}), ContainerDefinitions: [{ Name: name, Environment: env.map((n) => ({ Name: n })), Secrets: secrets.map((n) => ({ Name: n })) }], CredentialLikeEnvironment: flagged });
task('bw-api', 'brightwave-api-task', ['NODE_ENV', 'PORT'], ['DATABASE_URL', 'STRIPE_KEY'], []);
task('bw-worker', 'brightwave-worker-task', ['NODE_ENV', 'QUEUE_URL'], ['DATABASE_URL'], []);
task('bw-migrations', undefined, ['NODE_ENV', 'DB_PASSWORD'], [], ['DB_PASSWORD']);
for (const repo of ['bw-api', 'bw-worker', 'bw-migrations']) {
  regional('AWS::ECR::Repository', 'us-east-1', arn('ecr', 'us-east-1', `repository/${repo}`), repo, { RepositoryName: repo, ImageScanningConfiguration: { ScanOnPush: true } }, { physicalId: repo });
}

// Edge.
add('AWS::CloudFront::Distribution', `arn:aws:cloudfront::${ACCOUNT}:distribution/E2QWRUHAPOMQZL`, 'app.brightwave.example', {
  DistributionConfig: {
    Aliases: ['app.brightwave.example'],
    DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https' },
    CacheBehaviors: [{ PathPattern: '/legacy/*', ViewerProtocolPolicy: 'allow-all' }],
    ViewerCertificate: { AcmCertificateArn: arn('acm', 'us-east-1', 'certificate/5e1d'), MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
    Origins: [{ DomainName: 'bw-public-123.us-east-1.elb.amazonaws.com', CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } }],
  },
}, { physicalId: 'E2QWRUHAPOMQZL' });
regional('AWS::ApiGateway::DomainName', 'us-east-1', arn('apigateway', 'us-east-1', '/domainnames/api.brightwave.example'), 'api.brightwave.example', { DomainName: 'api.brightwave.example', SecurityPolicy: 'TLS_1_2' }, { physicalId: 'api.brightwave.example' });
regional('AWS::ApiGatewayV2::DomainName', 'eu-west-1', arn('apigateway', 'eu-west-1', '/domainnames/hooks.eu.brightwave.example'), 'hooks.eu.brightwave.example', { DomainName: 'hooks.eu.brightwave.example', DomainNameConfigurations: [{ SecurityPolicy: 'TLS_1_0', EndpointType: 'REGIONAL' }] }, { physicalId: 'hooks.eu.brightwave.example' });

// Cost guardrails.
add('AWS::Budgets::Budget', `arn:aws:budgets::${ACCOUNT}:budget/bw-monthly`, 'bw-monthly', { Budget: { BudgetName: 'bw-monthly', BudgetType: 'COST', BudgetLimit: { Amount: '42000', Unit: 'USD' }, TimeUnit: 'MONTHLY' }, NotificationsWithSubscribers: [{ Notification: { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80 }, Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'finance@brightwave.example' }] }] });

// What is managed as code.
for (const [region, name, count] of [['us-east-1', 'bw-network', 24], ['us-east-1', 'bw-data', 31], ['us-east-1', 'bw-app', 28], ['eu-west-1', 'bw-eu-network', 14]] as const) {
  regional('AWS::CloudFormation::Stack', region, arn('cloudformation', region, `stack/${name}/1a2b3c`), name, { StackName: name, StackStatus: 'UPDATE_COMPLETE', ResourceCount: count }, { physicalId: name });
}

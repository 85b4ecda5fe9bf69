import { ACCOUNT, add, arn, daysAgo, type Props } from './builder.js';

// ---------------------------------------------------------------------------------------------------------- IAM
const iamArn = (rest: string) => `arn:aws:iam::${ACCOUNT}:${rest}`;
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const READONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const user = (name: string, p: { console: boolean; mfa: boolean; lastLogin: number | null; created: number; groups?: string[]; policies?: string[] }) =>
  add('AWS::IAM::User', iamArn(`user/${name}`), name, {
    UserName: name,
    Path: '/',
    Groups: p.groups ?? [],
    ManagedPolicyArns: p.policies ?? [],
    Policies: [],
    ...(p.console ? { LoginProfile: { PasswordResetRequired: false } } : {}),
    CredentialReport: { PasswordEnabled: p.console, PasswordLastUsed: p.lastLogin === null ? null : daysAgo(p.lastLogin), PasswordLastChanged: daysAgo(p.created), MfaActive: p.mfa, UserCreationTime: daysAgo(p.created) },
    MfaDevices: p.mfa ? [{ SerialNumber: iamArn(`mfa/${name}`), Virtual: true }] : [],
    CreateDate: daysAgo(p.created),
  }, { physicalId: name });
user('alice.nguyen', { console: true, mfa: true, lastLogin: 1, created: 900, groups: ['platform-admins'] });
user('ben.ortiz', { console: true, mfa: false, lastLogin: 3, created: 420, groups: ['developers'] });
user('carla.ruiz', { console: true, mfa: true, lastLogin: 130, created: 700, groups: ['developers'] });
user('dev.kumar', { console: true, mfa: true, lastLogin: 2, created: 300, groups: ['developers'] });
user('eva.schmidt', { console: true, mfa: true, lastLogin: 6, created: 250, groups: ['security-audit'] });
user('ci-deploy', { console: false, mfa: false, lastLogin: null, created: 610, policies: [ADMIN] });
user('reporting-export', { console: false, mfa: false, lastLogin: null, created: 500, policies: [READONLY] });
user('shared-ops', { console: true, mfa: false, lastLogin: 9, created: 800, groups: ['platform-admins'] });

const key = (userName: string, id: string, created: number, lastUsed: number | null, status: 'Active' | 'Inactive', service?: string) =>
  add('AWS::IAM::AccessKey', iamArn(`user/${userName}/accesskey/${id}`), `${userName}/${id}`, { UserName: userName, Status: status, AccessKeyId: id, CreateDate: daysAgo(created), LastUsedDate: lastUsed === null ? null : daysAgo(lastUsed), LastUsedService: service ?? null });
key('ci-deploy', 'AKIAEXAMPLECIDEPLOY1', 601, 0, 'Active', 'cloudformation');
key('reporting-export', 'AKIAEXAMPLEREPORT001', 45, 1, 'Active', 's3');
key('reporting-export', 'AKIAEXAMPLEREPORT000', 400, 200, 'Inactive', 's3');
key('dev.kumar', 'AKIAEXAMPLEDEVKUMAR1', 120, 115, 'Active', 'sts');

const group = (name: string, policies: string[], users: string[]) =>
  add('AWS::IAM::Group', iamArn(`group/${name}`), name, { GroupName: name, ManagedPolicyArns: policies, Policies: [], Users: users }, { physicalId: name });
group('platform-admins', [ADMIN], ['alice.nguyen', 'shared-ops']);
group('developers', [iamArn('policy/brightwave-developer')], ['ben.ortiz', 'carla.ruiz', 'dev.kumar']);
group('security-audit', ['arn:aws:iam::aws:policy/SecurityAudit'], ['eva.schmidt']);

const trust = (principal: Props, condition?: Props) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }] });
const role = (name: string, p: { trust: Props; policies?: string[]; inline?: Props[]; lastUsed: number | null; created: number; serviceLinked?: boolean; path?: string }) =>
  add('AWS::IAM::Role', iamArn(`role${p.path ?? '/'}${name}`), name, {
    RoleName: name,
    Path: p.path ?? '/',
    AssumeRolePolicyDocument: p.trust,
    ManagedPolicyArns: p.policies ?? [],
    Policies: p.inline ?? [],
    MaxSessionDuration: 3600,
    RoleLastUsed: p.lastUsed === null ? {} : { LastUsedDate: daysAgo(p.lastUsed), Region: 'us-east-1' },
    CreateDate: daysAgo(p.created),
    ServiceLinked: p.serviceLinked ?? false,
  }, { physicalId: name });
role('brightwave-api-task', { trust: trust({ Service: 'ecs-tasks.amazonaws.com' }), policies: [iamArn('policy/brightwave-api')], lastUsed: 0, created: 500 });
role('brightwave-worker-task', { trust: trust({ Service: 'ecs-tasks.amazonaws.com' }), policies: [iamArn('policy/brightwave-worker')], lastUsed: 0, created: 500 });
role('brightwave-ingest-lambda', { trust: trust({ Service: 'lambda.amazonaws.com' }), policies: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'], inline: [{ PolicyName: 'ingest', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: 'arn:aws:s3:::brightwave-ingest-*/*' }] } }], lastUsed: 0, created: 400 });
role('brightwave-ec2-app', { trust: trust({ Service: 'ec2.amazonaws.com' }), policies: ['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'], lastUsed: 0, created: 600 });
role('datadog-integration', { trust: trust({ AWS: 'arn:aws:iam::464622532012:root' }, { StringEquals: { 'sts:ExternalId': 'bw-dd-5f1c2a' } }), policies: [READONLY], lastUsed: 0, created: 300 });
role('acme-consulting-access', { trust: trust({ AWS: 'arn:aws:iam::777788889999:root' }), policies: [ADMIN], lastUsed: 160, created: 700 });
role('break-glass-admin', { trust: trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }), policies: [ADMIN], lastUsed: 200, created: 900 });
role('legacy-etl', { trust: trust({ Service: 'glue.amazonaws.com' }), inline: [{ PolicyName: 'everything', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }], lastUsed: 400, created: 1200 });
role('AWSServiceRoleForRDS', { trust: trust({ Service: 'rds.amazonaws.com' }), policies: ['arn:aws:iam::aws:policy/aws-service-role/AmazonRDSServiceRolePolicy'], lastUsed: 0, created: 900, serviceLinked: true, path: '/aws-service-role/rds.amazonaws.com/' });
role('AWSServiceRoleForElasticLoadBalancing', { trust: trust({ Service: 'elasticloadbalancing.amazonaws.com' }), policies: ['arn:aws:iam::aws:policy/aws-service-role/AWSElasticLoadBalancingServiceRolePolicy'], lastUsed: 0, created: 900, serviceLinked: true, path: '/aws-service-role/elasticloadbalancing.amazonaws.com/' });
role('github-actions-deploy', { trust: trust({ Federated: iamArn('oidc-provider/token.actions.githubusercontent.com') }, { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:brightwave/platform:ref:refs/heads/main' } }), policies: [iamArn('policy/brightwave-deploy')], lastUsed: 1, created: 200 });

const managed = (name: string, statements: Props[], attachments: number) =>
  add('AWS::IAM::ManagedPolicy', iamArn(`policy/${name}`), name, { ManagedPolicyName: name, PolicyDocument: { Version: '2012-10-17', Statement: statements }, Arn: iamArn(`policy/${name}`), AwsManaged: false, AttachmentCount: attachments }, { physicalId: iamArn(`policy/${name}`) });
managed('brightwave-api', [{ Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'], Resource: arn('dynamodb', 'us-east-1', 'table/bw-*') }, { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: arn('secretsmanager', 'us-east-1', 'secret:bw/api/*') }], 1);
managed('brightwave-worker', [{ Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], Resource: arn('sqs', 'us-east-1', 'bw-*') }, { Effect: 'Allow', Action: 's3:*', Resource: '*' }], 1);
managed('brightwave-developer', [{ Effect: 'Allow', Action: ['logs:*', 'cloudwatch:Get*', 'cloudwatch:List*', 'ecs:Describe*'], Resource: '*' }], 1);
managed('brightwave-deploy', [{ Effect: 'Allow', Action: ['cloudformation:*', 'ecs:UpdateService', 'iam:PassRole'], Resource: '*' }], 1);


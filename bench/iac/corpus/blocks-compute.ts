// Functions, instances, launch templates, Auto Scaling groups and ECS task definitions: environment variables and
// user data (sometimes holding credentials), instance profiles, metadata options, public IPs and log retention.
import { SHARED, resource, type Block } from './block.js';
import { base64, findInMap, getAtt, iff, noValue, ref, select, sub, tags, type Json } from './intrinsics.js';

// Fake credentials, in the shapes secret scanners look for; they were never valid.
const FAKE_ACCESS_KEY = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');
const FAKE_SECRET = ['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY'].join('/');

const logGroup = (name: string, rng: { chance(p: number): boolean; pick<T>(x: readonly T[]): T }): Json =>
  resource('AWS::Logs::LogGroup', {
    LogGroupName: sub(`/aws/lambda/\${${name}}`),
    RetentionInDays: rng.chance(0.15) ? undefined : rng.chance(0.5) ? ref(SHARED.retention) : rng.pick([14, 30, 90, 365]),
    KmsKeyId: rng.chance(0.3) ? getAtt(SHARED.sharedKey, 'Arn') : undefined,
  });

export const fn: Block = {
  name: 'lambda',
  weight: 10,
  build({ rng, id }) {
    const leaky = rng.chance(0.08);
    const env: Record<string, Json> = {
      STAGE: ref(SHARED.env),
      TABLE_NAME: sub(`\${AWS::StackName}-items-${id}`),
      LOG_LEVEL: iff(SHARED.isProd, 'info', 'debug'),
      REGION_BUCKET: findInMap(SHARED.regionMap, ref('AWS::Region'), 'Bucket'),
    };
    if (leaky) Object.assign(env, { AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: FAKE_SECRET });
    else if (rng.chance(0.3)) env['DB_PASSWORD_SECRET_ARN'] = sub(`arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:db-${id}`);
    return {
      [`Handler${id}`]: resource('AWS::Lambda::Function', {
        FunctionName: rng.chance(0.5) ? sub(`\${AWS::StackName}-handler-${id}`) : undefined,
        Runtime: findInMap(SHARED.configMap, ref(SHARED.env), 'Runtime'),
        Handler: 'index.handler',
        MemorySize: findInMap(SHARED.configMap, ref(SHARED.env), 'Memory'),
        Timeout: rng.pick([3, 10, 30, 300]),
        Role: getAtt(`HandlerRole${id}`, 'Arn'),
        Code: rng.chance(0.5)
          ? { ZipFile: 'exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });\n' }
          : { S3Bucket: findInMap(SHARED.regionMap, ref('AWS::Region'), 'Bucket'), S3Key: sub(`functions/handler-${id}.zip`) },
        Environment: { Variables: env },
        TracingConfig: { Mode: iff(SHARED.isProd, 'Active', 'PassThrough') },
        VpcConfig: rng.chance(0.3) ? { SubnetIds: ref(SHARED.subnets), SecurityGroupIds: [ref(`HandlerSg${id}`)] } : undefined,
        Tags: tags({ service: `svc-${id % 17}` }),
      }),
      [`HandlerRole${id}`]: resource('AWS::IAM::Role', {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')],
      }),
      [`HandlerLogs${id}`]: logGroup(`Handler${id}`, rng),
      [`HandlerSg${id}`]: resource('AWS::EC2::SecurityGroup', { GroupDescription: 'function egress only', VpcId: ref(SHARED.vpc) }),
    };
  },
};

export const instance: Block = {
  name: 'ec2-instance',
  weight: 4,
  build({ rng, id }) {
    const userData = rng.chance(0.1)
      ? `#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${FAKE_ACCESS_KEY}\nexport AWS_SECRET_ACCESS_KEY=${FAKE_SECRET}\n/opt/app/start --stage \${${SHARED.env}}\n`
      : `#!/bin/bash\nyum install -y amazon-cloudwatch-agent\n/opt/aws/bin/cfn-signal -e $? --stack \${AWS::StackName} --resource Server${id} --region \${AWS::Region}\n`;
    const viaTemplate = rng.chance(0.4);
    const out: Record<string, Json> = {};
    if (viaTemplate) {
      out[`ServerTemplate${id}`] = resource('AWS::EC2::LaunchTemplate', {
        LaunchTemplateData: {
          ImageId: findInMap(SHARED.regionMap, ref('AWS::Region'), 'Ami'),
          InstanceType: ref(SHARED.instanceType),
          MetadataOptions: { HttpTokens: rng.chance(0.8) ? 'required' : 'optional', HttpEndpoint: 'enabled' },
          BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 30, VolumeType: 'gp3', Encrypted: rng.chance(0.85) } }],
          IamInstanceProfile: { Arn: getAtt(`ServerProfile${id}`, 'Arn') },
        },
      });
    }
    out[`Server${id}`] = resource(
      'AWS::EC2::Instance',
      {
        ImageId: viaTemplate ? undefined : findInMap(SHARED.regionMap, ref('AWS::Region'), 'Ami'),
        InstanceType: viaTemplate ? undefined : ref(SHARED.instanceType),
        LaunchTemplate: viaTemplate ? { LaunchTemplateId: ref(`ServerTemplate${id}`), Version: getAtt(`ServerTemplate${id}`, 'LatestVersionNumber') } : undefined,
        IamInstanceProfile: viaTemplate || rng.chance(0.2) ? undefined : ref(`ServerProfile${id}`),
        NetworkInterfaces: [
          { DeviceIndex: '0', AssociatePublicIpAddress: rng.chance(0.15), SubnetId: select(0, ref(SHARED.subnets)), GroupSet: [ref(`ServerSg${id}`)] },
        ],
        BlockDeviceMappings: viaTemplate ? undefined : [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 30, Encrypted: rng.chance(0.8), DeleteOnTermination: true } }],
        UserData: base64(sub(userData)),
        Monitoring: iff(SHARED.isProd, true, false),
        Tags: tags({ Name: sub(`\${AWS::StackName}-server-${id}`), patch: 'group-a' }),
      },
      { CreationPolicy: { ResourceSignal: { Timeout: 'PT15M' } } },
    );
    out[`ServerProfile${id}`] = resource('AWS::IAM::InstanceProfile', { Roles: [ref(`ServerRole${id}`)] });
    out[`ServerRole${id}`] = resource('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore')],
    });
    out[`ServerSg${id}`] = resource('AWS::EC2::SecurityGroup', {
      GroupDescription: 'server',
      VpcId: ref(SHARED.vpc),
      SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, CidrIp: '10.0.0.0/8' }],
    });
    if (rng.chance(0.5)) {
      out[`ServerCpuAlarm${id}`] = resource('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/EC2',
        MetricName: 'CPUUtilization',
        Dimensions: [{ Name: 'InstanceId', Value: ref(`Server${id}`) }],
        Statistic: 'Average',
        Period: 300,
        EvaluationPeriods: 3,
        Threshold: 80,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
    return out;
  },
};

export const autoScaling: Block = {
  name: 'asg',
  weight: 2,
  build({ rng, id }) {
    return {
      [`WorkersTemplate${id}`]: resource('AWS::EC2::LaunchTemplate', {
        LaunchTemplateData: {
          ImageId: findInMap(SHARED.regionMap, ref('AWS::Region'), 'Ami'),
          InstanceType: ref(SHARED.instanceType),
          MetadataOptions: { HttpTokens: 'required' },
          NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: rng.chance(0.1), Groups: [ref(`WorkersSg${id}`)] }],
          UserData: base64(sub('#!/bin/bash\n/opt/worker/run --queue ${AWS::StackName}\n')),
        },
      }),
      [`WorkersSg${id}`]: resource('AWS::EC2::SecurityGroup', { GroupDescription: 'workers', VpcId: ref(SHARED.vpc) }),
      [`Workers${id}`]: resource('AWS::AutoScaling::AutoScalingGroup', {
        MinSize: iff(SHARED.isProd, '2', '1'),
        MaxSize: '10',
        VPCZoneIdentifier: rng.chance(0.8) ? ref(SHARED.subnets) : [select(0, ref(SHARED.subnets))],
        LaunchTemplate: { LaunchTemplateId: ref(`WorkersTemplate${id}`), Version: getAtt(`WorkersTemplate${id}`, 'LatestVersionNumber') },
        HealthCheckType: 'EC2',
        Tags: [{ Key: 'Name', Value: sub(`\${AWS::StackName}-worker`), PropagateAtLaunch: true }],
      }),
    };
  },
};

export const taskDefinition: Block = {
  name: 'ecs-task',
  weight: 3,
  build({ rng, id }) {
    const leaky = rng.chance(0.08);
    return {
      [`Task${id}`]: resource('AWS::ECS::TaskDefinition', {
        Family: sub(`\${AWS::StackName}-task-${id}`),
        RequiresCompatibilities: ['FARGATE'],
        NetworkMode: 'awsvpc',
        Cpu: '512',
        Memory: '1024',
        ExecutionRoleArn: getAtt(`TaskExecRole${id}`, 'Arn'),
        TaskRoleArn: rng.chance(0.8) ? getAtt(`TaskExecRole${id}`, 'Arn') : noValue,
        ContainerDefinitions: [
          {
            Name: 'app',
            Image: sub(`\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/app-${id}:latest`),
            Essential: true,
            PortMappings: [{ ContainerPort: 8080 }],
            Environment: [
              { Name: 'STAGE', Value: ref(SHARED.env) },
              ...(leaky ? [{ Name: 'DB_PASSWORD', Value: 'hunter2-prod-password' }] : []),
            ],
            Secrets: [{ Name: 'API_TOKEN', ValueFrom: sub(`arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/app/${id}/token`) }],
            LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': ref(`TaskLogs${id}`), 'awslogs-region': ref('AWS::Region'), 'awslogs-stream-prefix': 'app' } },
          },
        ],
      }),
      [`TaskExecRole${id}`]: resource('AWS::IAM::Role', {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy')],
      }),
      [`TaskLogs${id}`]: resource('AWS::Logs::LogGroup', { RetentionInDays: rng.chance(0.8) ? 30 : undefined }),
    };
  },
};

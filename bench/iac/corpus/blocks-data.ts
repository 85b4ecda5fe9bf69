// Databases, caches, warehouses, search domains, queues, topics and parameters: encryption at rest and in transit,
// public access, backups and Multi-AZ, driven by literals, parameters and conditions.
import { SHARED, resource, type Block } from './block.js';
import { getAtt, iff, noValue, ref, sub, tags, type Json } from './intrinsics.js';

export const table: Block = {
  name: 'dynamodb',
  weight: 7,
  build({ rng, id }) {
    const sse = rng.weighted([['kms', 3], ['default', 5], ['off', 1]] as const);
    const pitr = rng.weighted([['on', 5], ['prod', 3], ['off', 2]] as const);
    return {
      [`Items${id}`]: resource(
        'AWS::DynamoDB::Table',
        {
          TableName: rng.chance(0.5) ? sub(`\${AWS::StackName}-items-${id}`) : undefined,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          SSESpecification: sse === 'kms' ? { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: iff(SHARED.hasDataKey, ref(SHARED.dataKey), getAtt(SHARED.sharedKey, 'Arn')) } : sse === 'off' ? { SSEEnabled: false } : undefined,
          PointInTimeRecoverySpecification: pitr === 'off' ? undefined : { PointInTimeRecoveryEnabled: pitr === 'on' ? true : iff(SHARED.isProd, true, false) },
          StreamSpecification: rng.chance(0.3) ? { StreamViewType: 'NEW_AND_OLD_IMAGES' } : undefined,
          TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
          Tags: tags({ env: ref(SHARED.env), backup: pitr === 'off' ? 'none' : 'pitr' }),
        },
        { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
      ),
    };
  },
};

export const database: Block = {
  name: 'rds',
  weight: 4,
  build({ rng, id }) {
    const aurora = rng.chance(0.3);
    const encrypted = rng.weighted([['true', 7], ['prod', 2], ['false', 1]] as const);
    const storageEncrypted = encrypted === 'true' ? true : encrypted === 'false' ? false : iff(SHARED.isProd, true, false);
    const out: Record<string, Json> = {
      [`DbSubnets${id}`]: resource('AWS::RDS::DBSubnetGroup', { DBSubnetGroupDescription: 'database subnets', SubnetIds: ref(SHARED.subnets) }),
      [`DbSg${id}`]: resource('AWS::EC2::SecurityGroup', {
        GroupDescription: 'database',
        VpcId: ref(SHARED.vpc),
        SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIp: rng.chance(0.05) ? '0.0.0.0/0' : '10.0.0.0/8' }],
      }),
    };
    const password = rng.chance(0.6) ? sub(`{{resolve:secretsmanager:\${AWS::StackName}-db-${id}:SecretString:password}}`) : ref(SHARED.dbPassword);
    if (aurora) {
      out[`DbCluster${id}`] = resource(
        'AWS::RDS::DBCluster',
        {
          Engine: 'aurora-postgresql',
          EngineVersion: '15.4',
          MasterUsername: 'app',
          MasterUserPassword: password,
          DBSubnetGroupName: ref(`DbSubnets${id}`),
          VpcSecurityGroupIds: [getAtt(`DbSg${id}`, 'GroupId')],
          StorageEncrypted: storageEncrypted,
          KmsKeyId: encrypted === 'true' ? iff(SHARED.hasDataKey, ref(SHARED.dataKey), noValue) : undefined,
          BackupRetentionPeriod: iff(SHARED.isProd, 14, 1),
          DeletionProtection: iff(SHARED.isProd, true, false),
        },
        { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' },
      );
      for (const n of [1, 2]) {
        out[`DbClusterNode${id}x${n}`] = resource('AWS::RDS::DBInstance', {
          Engine: 'aurora-postgresql',
          DBClusterIdentifier: ref(`DbCluster${id}`),
          DBInstanceClass: 'db.r6g.large',
          PubliclyAccessible: false,
        });
      }
      return out;
    }
    out[`Db${id}`] = resource(
      'AWS::RDS::DBInstance',
      {
        Engine: rng.pick(['postgres', 'mysql']),
        EngineVersion: rng.pick(['16.3', '8.0.35']),
        DBInstanceClass: iff(SHARED.isProd, 'db.m6g.large', 'db.t4g.micro'),
        AllocatedStorage: '100',
        StorageType: 'gp3',
        MasterUsername: 'app',
        MasterUserPassword: password,
        DBSubnetGroupName: ref(`DbSubnets${id}`),
        VPCSecurityGroups: [getAtt(`DbSg${id}`, 'GroupId')],
        StorageEncrypted: storageEncrypted,
        MultiAZ: rng.chance(0.5) ? iff(SHARED.multiAz, true, false) : rng.chance(0.5),
        BackupRetentionPeriod: rng.chance(0.1) ? 0 : iff(SHARED.isProd, 14, 3),
        PubliclyAccessible: rng.chance(0.05),
        EnableIAMDatabaseAuthentication: rng.chance(0.3),
        DeletionProtection: iff(SHARED.isProd, true, false),
        Tags: tags({ env: ref(SHARED.env) }),
      },
      { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' },
    );
    return out;
  },
};

export const cache: Block = {
  name: 'elasticache',
  weight: 2,
  build({ rng, id }) {
    return {
      [`Cache${id}`]: resource('AWS::ElastiCache::ReplicationGroup', {
        ReplicationGroupDescription: sub(`\${AWS::StackName} cache ${id}`),
        Engine: 'redis',
        CacheNodeType: 'cache.t4g.small',
        NumCacheClusters: iff(SHARED.isProd, 2, 1),
        AutomaticFailoverEnabled: iff(SHARED.isProd, true, false),
        AtRestEncryptionEnabled: rng.chance(0.8),
        TransitEncryptionEnabled: rng.chance(0.7),
        CacheSubnetGroupName: ref(`CacheSubnets${id}`),
        SecurityGroupIds: [ref(`CacheSg${id}`)],
      }),
      [`CacheSubnets${id}`]: resource('AWS::ElastiCache::SubnetGroup', { Description: 'cache subnets', SubnetIds: ref(SHARED.subnets) }),
      [`CacheSg${id}`]: resource('AWS::EC2::SecurityGroup', { GroupDescription: 'cache', VpcId: ref(SHARED.vpc) }),
    };
  },
};

export const warehouse: Block = {
  name: 'redshift',
  weight: 1,
  build({ rng, id }) {
    return {
      [`Warehouse${id}`]: resource('AWS::Redshift::Cluster', {
        ClusterType: 'multi-node',
        NumberOfNodes: 2,
        NodeType: 'ra3.xlplus',
        DBName: 'analytics',
        MasterUsername: 'admin',
        MasterUserPassword: ref(SHARED.dbPassword),
        Encrypted: rng.chance(0.8),
        PubliclyAccessible: rng.chance(0.1),
        ClusterSubnetGroupName: ref(`WarehouseSubnets${id}`),
      }),
      [`WarehouseSubnets${id}`]: resource('AWS::Redshift::ClusterSubnetGroup', { Description: 'warehouse', SubnetIds: ref(SHARED.subnets) }),
    };
  },
};

export const search: Block = {
  name: 'opensearch',
  weight: 1,
  build({ rng, id }) {
    return {
      [`Search${id}`]: resource('AWS::OpenSearchService::Domain', {
        EngineVersion: 'OpenSearch_2.11',
        ClusterConfig: { InstanceType: 'r6g.large.search', InstanceCount: iff(SHARED.isProd, 3, 1), ZoneAwarenessEnabled: iff(SHARED.isProd, true, false) },
        EBSOptions: { EBSEnabled: true, VolumeSize: 100 },
        EncryptionAtRestOptions: { Enabled: rng.chance(0.8) },
        NodeToNodeEncryptionOptions: { Enabled: true },
        DomainEndpointOptions: { EnforceHTTPS: rng.chance(0.85), TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
      }),
    };
  },
};

export const accelerator: Block = {
  name: 'dax',
  weight: 0.5,
  build({ rng, id }) {
    return {
      [`Dax${id}`]: resource('AWS::DAX::Cluster', {
        NodeType: 'dax.r5.large',
        ReplicationFactor: 3,
        IAMRoleARN: getAtt(`DaxRole${id}`, 'Arn'),
        SSESpecification: { SSEEnabled: rng.chance(0.7) },
      }),
      [`DaxRole${id}`]: resource('AWS::IAM::Role', {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'dax.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      }),
    };
  },
};

export const messaging: Block = {
  name: 'sqs-sns',
  weight: 8,
  build({ rng, id }) {
    const queueSse = rng.weighted([['kms', 3], ['sqs', 3], ['default', 3], ['off', 1]] as const);
    const out: Record<string, Json> = {
      [`Jobs${id}`]: resource('AWS::SQS::Queue', {
        QueueName: rng.chance(0.5) ? sub(`\${AWS::StackName}-jobs-${id}`) : undefined,
        VisibilityTimeout: 120,
        MessageRetentionPeriod: 1209600,
        KmsMasterKeyId: queueSse === 'kms' ? iff(SHARED.hasDataKey, ref(SHARED.dataKey), 'alias/aws/sqs') : undefined,
        SqsManagedSseEnabled: queueSse === 'sqs' ? true : queueSse === 'off' ? false : undefined,
        RedrivePolicy: { deadLetterTargetArn: getAtt(`JobsDlq${id}`, 'Arn'), maxReceiveCount: 5 },
      }),
      [`JobsDlq${id}`]: resource('AWS::SQS::Queue', { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true }),
    };
    if (rng.chance(0.6)) {
      out[`Events${id}`] = resource('AWS::SNS::Topic', {
        TopicName: rng.chance(0.5) ? sub(`\${AWS::StackName}-events-${id}`) : undefined,
        KmsMasterKeyId: rng.chance(0.7) ? iff(SHARED.hasDataKey, ref(SHARED.dataKey), 'alias/aws/sns') : undefined,
        Subscription: [{ Protocol: 'sqs', Endpoint: getAtt(`Jobs${id}`, 'Arn') }],
      });
    }
    return out;
  },
};

export const parameter: Block = {
  name: 'ssm-parameter',
  weight: 3,
  build({ rng, id }) {
    const secretish = rng.chance(0.15);
    return {
      [`Setting${id}`]: resource('AWS::SSM::Parameter', {
        Name: sub(`/\${AWS::StackName}/\${${SHARED.env}}/${secretish ? 'db_password' : 'feature_flags'}/${id}`),
        Type: 'String',
        Value: secretish ? 'Pr0d-Passw0rd-2024!' : '{"newCheckout":true,"beta":false}',
        Tier: 'Standard',
        Tags: { team: 'platform' },
      }),
    };
  },
};

/** A log group on its own: the commonest one-resource filler. */
export const logGroup: Block = {
  name: 'log-group',
  weight: 3,
  build({ rng, id }) {
    return {
      [`AppLogs${id}`]: resource('AWS::Logs::LogGroup', {
        LogGroupName: sub(`/\${AWS::StackName}/app-${id}`),
        RetentionInDays: rng.chance(0.2) ? undefined : rng.pick([7, 30, 90, 400, 3653]),
      }),
    };
  },
};

export const queue: Block = {
  name: 'sqs-queue',
  weight: 0,
  build({ rng, id }) {
    return { [`Buffer${id}`]: resource('AWS::SQS::Queue', { SqsManagedSseEnabled: rng.chance(0.9), DelaySeconds: rng.pick([0, 5, 30]) }) };
  },
};


// S3 buckets with their policies, EBS volumes and EFS file systems: the encryption, public-access and transport
// settings the data rules read, in compliant and non-compliant variants.
import { SHARED, resource, type Block } from './block.js';
import { getAtt, iff, join, noValue, policy, ref, sub, tags, type Json } from './intrinsics.js';

const bucketEncryption = (variant: 'kms' | 'kms-param' | 'aes' | 'none', key: string): Json | undefined => {
  if (variant === 'none') return undefined;
  const byDefault: Json =
    variant === 'aes'
      ? { SSEAlgorithm: 'AES256' }
      : { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: variant === 'kms' ? getAtt(key, 'Arn') : iff(SHARED.hasDataKey, ref(SHARED.dataKey), getAtt(SHARED.sharedKey, 'Arn')) };
  return { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: byDefault, BucketKeyEnabled: true }] };
};

export const bucket: Block = {
  name: 's3-bucket',
  weight: 12,
  build({ rng, id }) {
    const name = `DataBucket${id}`;
    const key = `BucketKey${id}`;
    const encryption = rng.weighted([['kms', 4], ['kms-param', 3], ['aes', 4], ['none', 1]] as const);
    const blockPublic = rng.weighted([['all', 8], ['partial', 1], ['none', 1]] as const);
    const publicRead = blockPublic === 'none' && rng.chance(0.5);
    const out: Record<string, Json> = {};
    if (encryption === 'kms') {
      out[key] = resource('AWS::KMS::Key', {
        Description: sub(`\${AWS::StackName} bucket ${id} key`),
        EnableKeyRotation: rng.chance(0.85),
        KeyPolicy: policy({ Sid: 'Root', Effect: 'Allow', Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') }, Action: 'kms:*', Resource: '*' }),
      });
    }
    out[name] = resource(
      'AWS::S3::Bucket',
      {
        BucketName: rng.chance(0.6) ? sub(`\${AWS::StackName}-\${${SHARED.env}}-data-${id}-\${AWS::AccountId}`) : undefined,
        BucketEncryption: bucketEncryption(encryption, key),
        PublicAccessBlockConfiguration:
          blockPublic === 'all'
            ? { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }
            : blockPublic === 'partial'
              ? { BlockPublicAcls: true, BlockPublicPolicy: false, IgnorePublicAcls: true, RestrictPublicBuckets: false }
              : undefined,
        AccessControl: publicRead ? 'PublicRead' : undefined,
        OwnershipControls: publicRead ? { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } : undefined,
        VersioningConfiguration: { Status: iff(SHARED.isProd, 'Enabled', 'Suspended') },
        LoggingConfiguration: rng.chance(0.7) ? { DestinationBucketName: ref(SHARED.logBucket), LogFilePrefix: `data-${id}/` } : undefined,
        LifecycleConfiguration: rng.chance(0.4) ? { Rules: [{ Id: 'expire-tmp', Status: 'Enabled', Prefix: 'tmp/', ExpirationInDays: rng.pick([7, 30, 90]) }] } : undefined,
        Tags: tags({ env: ref(SHARED.env), team: rng.pick(['platform', 'data', 'payments', 'growth']), 'cost-center': `cc-${rng.int(100, 999)}` }),
      },
      { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
    );
    const denyHttp = rng.chance(0.8);
    if (denyHttp || publicRead) {
      const statements: Json[] = [];
      if (denyHttp) {
        statements.push({
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [getAtt(name, 'Arn'), join('', [getAtt(name, 'Arn'), '/*'])],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        });
      }
      if (publicRead) statements.push({ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: sub(`\${${name}.Arn}/*`) });
      else if (rng.chance(0.5)) {
        statements.push({
          Sid: 'ReadFromTrusted',
          Effect: 'Allow',
          Principal: { AWS: sub(`arn:\${AWS::Partition}:iam::\${${SHARED.trustedAccount}}:root`) },
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: [getAtt(name, 'Arn'), sub(`\${${name}.Arn}/*`)],
        });
      }
      out[`DataBucketPolicy${id}`] = resource('AWS::S3::BucketPolicy', { Bucket: ref(name), PolicyDocument: policy(...statements) });
    }
    return out;
  },
};

export const volume: Block = {
  name: 'ebs-volume',
  weight: 4,
  build({ rng, id }) {
    const encrypted = rng.weighted([['true', 6], ['param', 2], ['false', 1], ['unset', 1]] as const);
    return {
      [`DataVolume${id}`]: resource(
        'AWS::EC2::Volume',
        {
          AvailabilityZone: { 'Fn::Select': ['0', { 'Fn::GetAZs': '' }] },
          Size: rng.pick([20, 50, 100, 500]),
          VolumeType: rng.pick(['gp3', 'gp3', 'io2', 'st1']),
          Encrypted: encrypted === 'true' ? true : encrypted === 'false' ? false : encrypted === 'param' ? iff(SHARED.isProd, true, false) : undefined,
          KmsKeyId: encrypted === 'true' && rng.chance(0.5) ? iff(SHARED.hasDataKey, ref(SHARED.dataKey), noValue) : undefined,
          Tags: tags({ Name: sub(`\${AWS::StackName}-volume-${id}`), backup: rng.pick(['daily', 'weekly', 'none']) }),
        },
        { DeletionPolicy: 'Snapshot' },
      ),
    };
  },
};

export const fileSystem: Block = {
  name: 'efs',
  weight: 2,
  build({ rng, id }) {
    const encrypted = rng.chance(0.85);
    return {
      [`SharedFiles${id}`]: resource('AWS::EFS::FileSystem', {
        Encrypted: encrypted,
        KmsKeyId: encrypted && rng.chance(0.4) ? getAtt(SHARED.sharedKey, 'Arn') : undefined,
        PerformanceMode: 'generalPurpose',
        ThroughputMode: rng.pick(['bursting', 'elastic']),
        BackupPolicy: { Status: rng.chance(0.7) ? 'ENABLED' : 'DISABLED' },
        FileSystemTags: [{ Key: 'Name', Value: sub(`\${AWS::StackName}-files-${id}`) }],
      }),
      [`SharedFilesMount${id}`]: resource('AWS::EFS::MountTarget', {
        FileSystemId: ref(`SharedFiles${id}`),
        SubnetId: { 'Fn::Select': ['0', ref(SHARED.subnets)] },
        SecurityGroups: [getAtt(`SharedFilesSg${id}`, 'GroupId')],
      }),
      [`SharedFilesSg${id}`]: resource('AWS::EC2::SecurityGroup', {
        GroupDescription: 'NFS from the VPC',
        VpcId: ref(SHARED.vpc),
        SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, CidrIp: '10.0.0.0/8', Description: 'NFS' }],
      }),
    };
  },
};

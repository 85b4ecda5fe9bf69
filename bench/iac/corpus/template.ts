// One generated template: the parameters, mappings, conditions and shared resources real stacks declare, then
// blocks drawn by weight until the template holds exactly the requested number of resources.
import { SHARED, resource, type Block } from './block.js';
import { accelerator, cache, database, logGroup, messaging, parameter, queue, search, table, warehouse } from './blocks-data.js';
import { apiDomain, distribution, trail } from './blocks-edge.js';
import { autoScaling, fn, instance, taskDefinition } from './blocks-compute.js';
import { humanAccess, serviceRole } from './blocks-identity.js';
import { loadBalancer, network, securityGroups } from './blocks-network.js';
import { bucket, fileSystem, volume } from './blocks-storage.js';
import { and, condition, equals, getAtt, not, or, policy, ref, select, sub, type Json } from './intrinsics.js';
import type { Random } from './random.js';

export const BLOCKS: readonly Block[] = [
  bucket, volume, fileSystem, securityGroups, network, loadBalancer, serviceRole, humanAccess, fn, instance, autoScaling,
  taskDefinition, table, database, cache, warehouse, search, accelerator, messaging, parameter, logGroup, distribution,
  apiDomain, trail,
];
/** One-resource blocks that top a template up to its exact size. */
const FILLERS: readonly Block[] = [logGroup, parameter, queue, volume];

function parameters(rng: Random): Record<string, Json> {
  const withDefault = rng.chance(0.7);
  return {
    [SHARED.env]: { Type: 'String', Description: 'Deployment stage', AllowedValues: ['dev', 'staging', 'prod'], ...(withDefault ? { Default: rng.pick(['dev', 'prod', 'prod']) } : {}) },
    [SHARED.vpc]: { Type: 'AWS::EC2::VPC::Id', Description: 'VPC to deploy into' },
    [SHARED.subnets]: { Type: 'List<AWS::EC2::Subnet::Id>', Description: 'Private subnets, one per Availability Zone' },
    [SHARED.dataKey]: { Type: 'String', Default: '', Description: 'Optional customer managed KMS key ARN for data at rest' },
    [SHARED.certificate]: { Type: 'String', Description: 'ACM certificate ARN', AllowedPattern: '^arn:aws[a-z-]*:acm:.*$' },
    [SHARED.retention]: { Type: 'Number', Default: rng.pick([14, 30, 90]), AllowedValues: [1, 3, 5, 7, 14, 30, 60, 90, 365] },
    [SHARED.instanceType]: { Type: 'String', Default: 't3.small', AllowedValues: ['t3.small', 't3.medium', 'm6i.large'] },
    [SHARED.dbPassword]: { Type: 'String', NoEcho: true, MinLength: 12, Description: 'Initial database password' },
    [SHARED.trustedAccount]: { Type: 'String', Default: '111122223333', AllowedPattern: '^\\d{12}$' },
  };
}

const MAPPINGS: Json = {
  [SHARED.configMap]: {
    dev: { Runtime: 'nodejs20.x', Memory: 256 },
    staging: { Runtime: 'nodejs20.x', Memory: 512 },
    prod: { Runtime: 'nodejs20.x', Memory: 1024 },
  },
  [SHARED.regionMap]: {
    'us-east-1': { Ami: 'ami-0abcdef1234567890', Bucket: 'artifacts-use1' },
    'us-west-2': { Ami: 'ami-0fedcba9876543210', Bucket: 'artifacts-usw2' },
    'eu-west-1': { Ami: 'ami-0123456789abcdef0', Bucket: 'artifacts-euw1' },
  },
};

const CONDITIONS: Json = {
  [SHARED.isProd]: equals(ref(SHARED.env), 'prod'),
  [SHARED.hasDataKey]: not(equals(ref(SHARED.dataKey), '')),
  [SHARED.multiAz]: or(condition(SHARED.isProd), equals(ref(SHARED.env), 'staging')),
  [SHARED.isProdInEu]: and(condition(SHARED.isProd), equals(select(0, { 'Fn::Split': ['-', ref('AWS::Region')] }), 'eu')),
};

function sharedResources(): Record<string, Json> {
  return {
    [SHARED.logBucket]: resource(
      'AWS::S3::Bucket',
      {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
        LifecycleConfiguration: { Rules: [{ Id: 'expire', Status: 'Enabled', ExpirationInDays: 400 }] },
      },
      { DeletionPolicy: 'Retain' },
    ),
    [SHARED.sharedKey]: resource('AWS::KMS::Key', {
      Description: sub('${AWS::StackName} shared key'),
      EnableKeyRotation: true,
      KeyPolicy: policy({ Effect: 'Allow', Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') }, Action: 'kms:*', Resource: '*' }),
    }),
  };
}

/** A template with exactly `size` resources (at least the two shared ones). */
export function buildTemplate(rng: Random, size: number, title: string): Json {
  const resources = sharedResources();
  let count = Object.keys(resources).length;
  let id = 1;
  const weighted = BLOCKS.map((b) => [b, b.weight] as const);
  for (let misses = 0; count < size && misses < 8; ) {
    const block = rng.weighted(weighted);
    const built = block.build({ rng, id });
    const n = Object.keys(built).length;
    if (count + n > size) {
      misses++;
      continue;
    }
    Object.assign(resources, built);
    count += n;
    id++;
  }
  while (count < size) {
    Object.assign(resources, rng.pick(FILLERS).build({ rng, id: id++ }));
    count++;
  }
  const outputs: Record<string, Json> = {
    LogBucketName: { Value: ref(SHARED.logBucket), Export: { Name: sub('${AWS::StackName}-log-bucket') } },
    SharedKeyArn: { Value: getAtt(SHARED.sharedKey, 'Arn'), Export: { Name: sub('${AWS::StackName}-shared-key') } },
  };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `${title}: generated for the ftr-ready IaC benchmark (${size} resources)`,
    Metadata: { 'AWS::CloudFormation::Interface': { ParameterGroups: [{ Label: { default: 'Network' }, Parameters: [SHARED.vpc, SHARED.subnets] }] } },
    Parameters: parameters(rng),
    Mappings: MAPPINGS,
    Conditions: CONDITIONS,
    Resources: resources,
    Outputs: outputs,
  };
}

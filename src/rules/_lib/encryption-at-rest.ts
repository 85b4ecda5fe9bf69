/**
 * Whether a data store encrypts at rest, one reading per type, with the CloudFormation defaults the data rules use
 * (src/rules/data, s3-bucket-encrypted, ebs-volume-encrypted): S3 buckets get SSE-S3 when nothing is set; DynamoDB
 * tables are always encrypted; SQS queues get SSE-SQS by default; RDS, EFS and DAX default to unencrypted; an omitted
 * flag whose default the template does not show (EBS by-default encryption, ElastiCache by engine, OpenSearch,
 * Redshift) is unknown, never guessed.
 * https://docs.aws.amazon.com/whitepapers/latest/logical-separation/encrypting-data-at-rest-and--in-transit.html
 */
import type { Resource, RuleContext } from '../../core/index.js';
import { asBool, readSetting } from './settings.js';
import { isRecord } from './values.js';

export type AtRest =
  | { state: 'encrypted'; how: string }
  | { state: 'not_encrypted'; how: string; path: string }
  | { state: 'unknown'; reason: string; path: string }
  /** Judged elsewhere: a DB instance whose storage is its cluster's. */
  | { state: 'not_judged' };

const S3_ALGORITHMS: Record<string, string> = { AES256: 'SSE-S3', 'aws:kms': 'SSE-KMS', 'aws:kms:dsse': 'DSSE-KMS' };
const RDS_INHERITS = ['SnapshotIdentifier', 'DBSnapshotIdentifier', 'DBClusterSnapshotIdentifier', 'SourceDBInstanceIdentifier', 'SourceDBClusterIdentifier', 'SourceDBInstanceAutomatedBackupsArn'];

/** A boolean flag: true encrypts, false does not; `codeDefault` undefined = not guessed. */
function flag(ctx: RuleContext, store: Resource, pointer: string, codeDefault: boolean | undefined, how: string): AtRest {
  const setting = readSetting(ctx, store, pointer, asBool, codeDefault);
  if (!setting.known) return { state: 'unknown', reason: setting.reason, path: setting.path };
  return setting.value ? { state: 'encrypted', how } : { state: 'not_encrypted', how: `${pointer.slice(1).replace(/\//g, '.')} is false${setting.defaulted ? ' (the default)' : ''}`, path: pointer };
}

function s3Bucket(ctx: RuleContext, bucket: Resource): AtRest {
  const config = ctx.get(bucket, '/BucketEncryption');
  if (config === undefined || config === null) {
    return bucket.source === 'live' ? { state: 'unknown', reason: 'missing_data:BucketEncryption', path: '/BucketEncryption' } : { state: 'encrypted', how: 'SSE-S3, the S3 default' };
  }
  const rules = isRecord(config) ? config['ServerSideEncryptionConfiguration'] : undefined;
  if (!Array.isArray(rules) || rules.length === 0) return { state: 'unknown', reason: 'unresolved:BucketEncryption', path: '/BucketEncryption' };
  const found = rules.map((r) => (isRecord(r) && isRecord(r['ServerSideEncryptionByDefault']) ? r['ServerSideEncryptionByDefault']['SSEAlgorithm'] : undefined));
  if (found.some((a) => typeof a !== 'string')) return { state: 'unknown', reason: 'unresolved:BucketEncryption', path: '/BucketEncryption' };
  const unknownAlgorithm = (found as string[]).find((a) => S3_ALGORITHMS[a] === undefined);
  if (unknownAlgorithm !== undefined) return { state: 'not_encrypted', how: `algorithm ${unknownAlgorithm || 'none'}`, path: '/BucketEncryption' };
  return { state: 'encrypted', how: [...new Set((found as string[]).map((a) => S3_ALGORITHMS[a]))].join(', ') };
}

function rds(ctx: RuleContext, db: Resource): AtRest {
  if (db.type === 'AWS::RDS::DBInstance' && !ctx.unknownAt(db, '/DBClusterIdentifier')) {
    const cluster = ctx.get(db, '/DBClusterIdentifier');
    if ((typeof cluster === 'string' && cluster !== '') || (cluster !== undefined && typeof cluster === 'object')) return { state: 'not_judged' };
  }
  const inherits = db.source !== 'live' && RDS_INHERITS.some((p) => ctx.get(db, `/${p}`) !== undefined);
  return flag(ctx, db, '/StorageEncrypted', inherits ? undefined : false, 'storage encryption');
}

function sns(ctx: RuleContext, topic: Resource): AtRest {
  const key = ctx.get(topic, '/KmsMasterKeyId');
  if (typeof key === 'string' && key !== '') return { state: 'encrypted', how: 'SSE-KMS' };
  if (key !== undefined && key !== null && key !== '') return { state: 'encrypted', how: 'SSE-KMS (a key of the template)' };
  return { state: 'not_encrypted', how: 'no KMS key: only SNS’s own disk encryption', path: '/KmsMasterKeyId' };
}

function sqs(ctx: RuleContext, queue: Resource): AtRest {
  const key = ctx.get(queue, '/KmsMasterKeyId');
  if (key !== undefined && key !== null && key !== '') return { state: 'encrypted', how: 'SSE-KMS' };
  return flag(ctx, queue, '/SqsManagedSseEnabled', true, 'SSE-SQS');
}

function dynamodb(ctx: RuleContext, table: Resource): AtRest {
  const sse = ctx.get(table, '/SSESpecification');
  return { state: 'encrypted', how: isRecord(sse) && asBool(sse['SSEEnabled']) === true ? 'a KMS key' : 'an AWS owned key (always on)' };
}

const READERS: Record<string, (ctx: RuleContext, store: Resource) => AtRest> = {
  'AWS::S3::Bucket': s3Bucket,
  'AWS::RDS::DBInstance': rds,
  'AWS::RDS::DBCluster': rds,
  'AWS::EC2::Volume': (ctx, v) => flag(ctx, v, '/Encrypted', undefined, 'EBS encryption'),
  'AWS::DynamoDB::Table': dynamodb,
  'AWS::DAX::Cluster': (ctx, c) => flag(ctx, c, '/SSESpecification/SSEEnabled', false, 'DAX encryption at rest'),
  'AWS::EFS::FileSystem': (ctx, fs) => flag(ctx, fs, '/Encrypted', false, 'EFS encryption'),
  'AWS::ElastiCache::ReplicationGroup': (ctx, g) => flag(ctx, g, '/AtRestEncryptionEnabled', undefined, 'at-rest encryption'),
  'AWS::OpenSearchService::Domain': (ctx, d) => flag(ctx, d, '/EncryptionAtRestOptions/Enabled', undefined, 'encryption at rest'),
  'AWS::Redshift::Cluster': (ctx, c) => flag(ctx, c, '/Encrypted', undefined, 'cluster encryption'),
  'AWS::SNS::Topic': sns,
  'AWS::SQS::Queue': sqs,
};

/** The data store types this module reads. */
export const DATA_STORE_TYPES: readonly string[] = Object.keys(READERS);

export function encryptionAtRest(ctx: RuleContext, store: Resource): AtRest {
  const read = READERS[store.type];
  return read ? read(ctx, store) : { state: 'not_judged' };
}

import { Unresolved } from '../../shared/values.js';
import { at, block, blocks, bool, compact, each, json, opt, type Values } from './helpers.js';
import { oneToOne, type MapContext, type MappedResource, type TfAttachment, type TfMapping } from './types.js';

const CANNED_ACL: Readonly<Record<string, string>> = {
  private: 'Private',
  'public-read': 'PublicRead',
  'public-read-write': 'PublicReadWrite',
  'authenticated-read': 'AuthenticatedRead',
  'aws-exec-read': 'AwsExecRead',
  'bucket-owner-read': 'BucketOwnerRead',
  'bucket-owner-full-control': 'BucketOwnerFullControl',
  'log-delivery-write': 'LogDeliveryWrite',
};

function cannedAcl(acl: unknown): unknown {
  return typeof acl === 'string' ? (CANNED_ACL[acl] ?? acl) : acl;
}

/**
 * Since AWS provider v4 these bucket attributes are computed: a plan shows them unknown unless set inline. Nothing in
 * the plan configures them then, so they are treated as not set (a split configuration resource, if any, fills them).
 */
function inline(value: unknown, attribute: string, ctx: MapContext): unknown {
  if (value instanceof Unresolved && value.reason.startsWith('computed:')) {
    ctx.assume(`the bucket's inline ${attribute} is computed by the provider; only configuration written in code is considered`);
    return undefined;
  }
  return opt(value);
}

function encryption(rules: unknown[] | Unresolved): unknown {
  const list = each(rules, (rule) =>
    compact({
      ServerSideEncryptionByDefault: compact({
        SSEAlgorithm: at(rule, 'apply_server_side_encryption_by_default', 0, 'sse_algorithm'),
        KMSMasterKeyID: opt(at(rule, 'apply_server_side_encryption_by_default', 0, 'kms_master_key_id')),
      }),
      BucketKeyEnabled: bool(at(rule, 'bucket_key_enabled')),
    }),
  );
  return list === undefined ? undefined : list instanceof Unresolved ? list : { ServerSideEncryptionConfiguration: list };
}

function versioningStatus(status: unknown): unknown {
  if (status === 'Disabled') return undefined;
  return status === undefined ? undefined : { Status: status };
}

const bucket: TfMapping = {
  map(values, ctx) {
    const sse = inline(at(values, 'server_side_encryption_configuration'), 'server_side_encryption_configuration', ctx);
    const versioning = inline(at(values, 'versioning'), 'versioning', ctx);
    const logging = inline(at(values, 'logging'), 'logging', ctx);
    const enabled = versioning === undefined ? undefined : bool(at(versioning, 0, 'enabled'));
    const properties = compact({
      BucketName: opt(at(values, 'bucket')),
      BucketEncryption: sse === undefined ? undefined : encryption(blocks(at(sse, 0), 'rule')),
      VersioningConfiguration: enabled === undefined ? undefined : enabled instanceof Unresolved ? enabled : enabled === true ? { Status: 'Enabled' } : undefined,
      LoggingConfiguration:
        logging === undefined ? undefined : logging instanceof Unresolved ? logging : compact({ DestinationBucketName: at(logging, 0, 'target_bucket'), LogFilePrefix: opt(at(logging, 0, 'target_prefix')) }),
      AccessControl: cannedAcl(inline(at(values, 'acl'), 'acl', ctx)),
      ObjectLockEnabled: bool(at(values, 'object_lock_enabled')) === true || at(values, 'object_lock_configuration', 0, 'object_lock_enabled') === 'Enabled' ? true : undefined,
    }) ?? {};
    const out: MappedResource[] = [{ type: 'AWS::S3::Bucket', properties }];
    const policy = inline(at(values, 'policy'), 'policy', ctx);
    if (policy !== undefined) out.push({ type: 'AWS::S3::BucketPolicy', properties: { Bucket: ctx.self(), PolicyDocument: json(policy) }, suffix: 'policy' });
    return out;
  },
};

const bucketPolicy = oneToOne('AWS::S3::BucketPolicy', (values: Values) => ({ Bucket: at(values, 'bucket'), PolicyDocument: json(at(values, 'policy')) }));

export const S3_MAPPINGS: Readonly<Record<string, TfMapping>> = {
  aws_s3_bucket: bucket,
  aws_s3_bucket_policy: bucketPolicy,
};

function bucketAttachment(contribute: (values: Values) => Record<string, unknown>): TfAttachment {
  return { targets: ['aws_s3_bucket'], via: 'bucket', targetKey: 'bucket', contribute, merge: 'set' };
}

export const S3_ATTACHMENTS: Readonly<Record<string, TfAttachment>> = {
  aws_s3_bucket_server_side_encryption_configuration: bucketAttachment((values) => ({ BucketEncryption: encryption(blocks(values, 'rule')) })),
  aws_s3_bucket_public_access_block: bucketAttachment((values) => ({
    PublicAccessBlockConfiguration: compact({
      BlockPublicAcls: bool(at(values, 'block_public_acls')) ?? false,
      BlockPublicPolicy: bool(at(values, 'block_public_policy')) ?? false,
      IgnorePublicAcls: bool(at(values, 'ignore_public_acls')) ?? false,
      RestrictPublicBuckets: bool(at(values, 'restrict_public_buckets')) ?? false,
    }),
  })),
  aws_s3_bucket_versioning: bucketAttachment((values) => ({ VersioningConfiguration: versioningStatus(at(values, 'versioning_configuration', 0, 'status')) })),
  aws_s3_bucket_logging: bucketAttachment((values) => ({
    LoggingConfiguration: compact({ DestinationBucketName: at(values, 'target_bucket'), LogFilePrefix: opt(at(values, 'target_prefix')) }),
  })),
  aws_s3_bucket_acl: bucketAttachment((values) => {
    const grants = blocks(block(values, 'access_control_policy'), 'grant');
    return {
      AccessControl: cannedAcl(opt(at(values, 'acl'))),
      Acl: opt(at(values, 'access_control_policy'))
        ? {
            Grants: each(grants, (grant) => ({
              Grantee: compact({ Type: at(grant, 'grantee', 0, 'type'), URI: opt(at(grant, 'grantee', 0, 'uri')), ID: opt(at(grant, 'grantee', 0, 'id')) }),
              Permission: at(grant, 'permission'),
            })),
          }
        : undefined,
    };
  }),
  aws_s3_bucket_ownership_controls: bucketAttachment((values) => ({
    OwnershipControls: { Rules: [{ ObjectOwnership: at(values, 'rule', 0, 'object_ownership') }] },
  })),
  aws_s3_bucket_object_lock_configuration: bucketAttachment(() => ({ ObjectLockEnabled: true })),
};

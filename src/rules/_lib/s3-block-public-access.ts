/**
 * The effective S3 Block Public Access settings of a bucket: a setting is on when the bucket or its account turns
 * it on (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html).
 * - IgnorePublicAcls makes S3 ignore public ACL grants; RestrictPublicBuckets limits a public policy to AWS service
 *   principals and the bucket owner's account. These two neutralise existing public grants; BlockPublicAcls and
 *   BlockPublicPolicy only refuse new ones.
 * - live: `PublicAccessBlockConfiguration: null` on the bucket, or `S3PublicAccessBlock: null` on `AWS::Account`,
 *   means no configuration at that level.
 * - code: a template cannot see the account level, so only the bucket's own settings count; a bucket created without
 *   `PublicAccessBlockConfiguration` gets all four settings on (S3 default for new buckets since April 2023).
 */
import type { Resource, RuleContext } from '../../core/index.js';
import { isRecord } from './values.js';

export type BlockSetting = 'IgnorePublicAcls' | 'RestrictPublicBuckets' | 'BlockPublicAcls' | 'BlockPublicPolicy';

export type Effective = { on: boolean; where?: string } | { on: 'unknown'; reason: string; path: string };

type Level = { config: Record<string, unknown> | null; where: string } | { unknown: string; path: string };

function bucketLevel(ctx: RuleContext, bucket: Resource): Level {
  const pointer = '/PublicAccessBlockConfiguration';
  const mark = ctx.unknownAt(bucket, pointer);
  if (mark) return { unknown: mark.reason, path: pointer };
  const value = ctx.get(bucket, pointer);
  if (value === undefined) {
    if (bucket.source === 'live') return { unknown: 'missing_data:PublicAccessBlockConfiguration', path: pointer };
    const all = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
    return { config: all, where: 'bucket (S3 default)' };
  }
  return { config: isRecord(value) ? value : null, where: 'bucket' };
}

function accountLevel(ctx: RuleContext, bucket: Resource): Level | undefined {
  if (bucket.source !== 'live') return undefined;
  const account = ctx.resources('AWS::Account', { account: bucket.account, source: 'live' })[0];
  if (!account) return { unknown: 'missing_data:AWS::Account', path: '@AWS::Account' };
  const mark = ctx.unknownAt(account, '/S3PublicAccessBlock');
  if (mark) return { unknown: mark.reason, path: '@AWS::Account' };
  const value = ctx.get(account, '/S3PublicAccessBlock');
  if (value === undefined) return { unknown: 'missing_data:S3PublicAccessBlock', path: '@AWS::Account' };
  return { config: isRecord(value) ? value : null, where: 'account' };
}

function isOn(level: Level, setting: BlockSetting): boolean | undefined {
  if ('unknown' in level) return undefined;
  const value = level.config?.[setting];
  return value === true || value === 'true';
}

/** Whether `setting` is in force for the bucket, and where it is set. */
export function effectiveBlock(ctx: RuleContext, bucket: Resource, setting: BlockSetting): Effective {
  const levels = [bucketLevel(ctx, bucket), accountLevel(ctx, bucket)].filter((l): l is Level => l !== undefined);
  const on = levels.find((l) => isOn(l, setting) === true);
  if (on && 'where' in on) return { on: true, where: on.where };
  const unknown = levels.find((l): l is { unknown: string; path: string } => 'unknown' in l);
  if (unknown) return { on: 'unknown', reason: unknown.unknown, path: unknown.path };
  return { on: false };
}

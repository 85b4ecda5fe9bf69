/**
 * Whether a policy `Resource` value covers the objects of one S3 bucket, wherever the policy was read:
 * - live: a literal ARN pattern (`arn:aws:s3:::data/*`, `arn:aws:s3:::*`);
 * - CloudFormation: the parser keeps deploy-time values in the Fn::Sub notation, so the objects of logical id `Data`
 *   are written `${Data.Arn}/*` or `arn:aws:s3:::${Data}/*` (`Ref` returns the bucket name);
 * - Terraform: `${aws_s3_bucket.data.arn}/*` or `arn:aws:s3:::${aws_s3_bucket.data.id}/*` (`.bucket` too);
 * - a whole reference (`{ref:<uid>.Arn}`, the parser's text for a `$ref`) names the bucket itself, not its objects.
 * A reference to another resource left after the bucket's own are replaced names something else (`no`); a pseudo
 * parameter, a variable or an unresolved value could be the bucket (`maybe`).
 */
import type { Resource } from '../../core/index.js';
import { actionMatches } from './policy-document.js';

export type Coverage = 'yes' | 'no' | 'maybe';

/** Stands for a bucket whose name the template leaves to CloudFormation or Terraform; no literal ARN can name it. */
const UNNAMED = '<generated bucket name>';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The texts a template uses for the bucket's ARN and for its name. */
function referenceTokens(bucket: Resource): { arn: string[]; name: string[] } {
  const id = bucket.location.logicalId ?? bucket.location.address;
  if (bucket.source === 'live' || id === undefined) return { arn: [], name: [] };
  const refs = { arn: [`{ref:${bucket.uid}.Arn}`, `{ref:${bucket.uid}.arn}`], name: [`{ref:${bucket.uid}}`, `{ref:${bucket.uid}.id}`, `{ref:${bucket.uid}.bucket}`] };
  if (bucket.source === 'cloudformation') return { arn: [...refs.arn, `\${${id}.Arn}`], name: [...refs.name, `\${${id}}`] };
  return { arn: [...refs.arn, `\${${id}.arn}`], name: [...refs.name, `\${${id}.id}`, `\${${id}.bucket}`] };
}

/** The pattern with the bucket's own references replaced by its ARN and name. */
function substitute(pattern: string, bucket: Resource, name: string): string {
  const tokens = referenceTokens(bucket);
  let out = pattern;
  for (const token of tokens.arn) out = out.replace(new RegExp(escape(token), 'g'), `arn:aws:s3:::${name}`);
  for (const token of tokens.name) out = out.replace(new RegExp(escape(token), 'g'), name);
  return out;
}

/** Whether `pattern` (one `Resource` entry of a statement) covers every object of the bucket. */
export function coversBucketObjects(pattern: string, bucket: Resource): Coverage {
  const name = bucket.physicalId ?? (bucket.source === 'live' ? (bucket.name ?? UNNAMED) : UNNAMED);
  const resolved = substitute(pattern, bucket, name);
  if (actionMatches(resolved, `arn:aws:s3:::${name}/any-object-key`)) return 'yes';
  // A bucket whose name the template could not resolve may be the one a literal ARN names.
  if (bucket.unknown.some((m) => m.path === '/BucketName') && resolved.startsWith('arn:')) return 'maybe';
  return /\$\{(AWS::|var\.|local\.|data\.)|<unresolved>/.test(resolved) ? 'maybe' : 'no';
}

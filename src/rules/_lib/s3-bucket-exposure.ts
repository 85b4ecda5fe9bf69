/**
 * Whether an S3 bucket's ACL and bucket policies expose it, before Block Public Access is weighed (the rule does
 * that with s3-block-public-access.ts). Each answer carries the property path it rests on, so a finding points at it.
 * - live: the ACL's grants (`Acl`), and S3's own policy status standing in for a policy that could not be read;
 * - code: the canned `AccessControl` (Terraform `acl`) and any explicit grants Terraform's `aws_s3_bucket_acl` writes;
 * - both: ACLs disabled by Object Ownership "bucket owner enforced" expose nothing.
 */
import type { Resource, RuleContext } from '../../core/index.js';
import { aclPublicGrants, isPublicCannedAcl, policyExposure, type Exposure } from './s3-public.js';
import { isRecord } from './values.js';

export type Located = Exposure & { path: string };

function aclsDisabled(ctx: RuleContext, bucket: Resource): boolean {
  if (ctx.unknownAt(bucket, '/OwnershipControls')) return false;
  const controls = ctx.get(bucket, '/OwnershipControls');
  const rules = isRecord(controls) && Array.isArray(controls['Rules']) ? controls['Rules'] : [];
  return rules.some((r) => isRecord(r) && r['ObjectOwnership'] === 'BucketOwnerEnforced');
}

export function aclExposure(ctx: RuleContext, bucket: Resource): Located {
  if (aclsDisabled(ctx, bucket)) return { status: 'not_public', path: '/OwnershipControls' };
  if (bucket.source !== 'live') return codeAclExposure(ctx, bucket);
  const mark = ctx.unknownAt(bucket, '/Acl');
  if (mark) return { status: 'unknown', reason: mark.reason, path: '/Acl' };
  const grants = aclPublicGrants(ctx.get(bucket, '/Acl'));
  if (grants === undefined) return { status: 'unknown', reason: 'missing_data:Acl', path: '/Acl' };
  return grants.length > 0 ? { status: 'public', findings: grants, path: '/Acl' } : { status: 'not_public', path: '/Acl' };
}

/** A template's ACL: a canned `AccessControl`, and the explicit grants Terraform's `aws_s3_bucket_acl` may write. */
function codeAclExposure(ctx: RuleContext, bucket: Resource): Located {
  const canned = ctx.unknownAt(bucket, '/AccessControl');
  if (canned) return { status: 'unknown', reason: canned.reason, path: '/AccessControl' };
  const value = ctx.get(bucket, '/AccessControl');
  if (isPublicCannedAcl(value)) return { status: 'public', findings: [`canned ACL ${String(value)}`], path: '/AccessControl' };
  const mark = ctx.unknownAt(bucket, '/Acl');
  if (mark) return { status: 'unknown', reason: mark.reason, path: '/Acl' };
  const grants = ctx.get(bucket, '/Acl') === undefined ? [] : aclPublicGrants(ctx.get(bucket, '/Acl'));
  if (grants === undefined) return { status: 'unknown', reason: 'unresolved:Acl', path: '/Acl' };
  return grants.length > 0 ? { status: 'public', findings: grants, path: '/Acl' } : { status: 'not_public', path: '/AccessControl' };
}

export function policiesExposure(ctx: RuleContext, bucket: Resource): Located {
  const path = '@AWS::S3::BucketPolicy';
  const related = ctx.related(bucket, 'AWS::S3::BucketPolicy', 'Bucket');
  const results: Exposure[] = related.complete ? [] : [{ status: 'unknown', reason: related.reason ?? 'not_collected:AWS::S3::BucketPolicy' }];
  for (const policy of related.resources) {
    const mark = ctx.unknownAt(policy, '/PolicyDocument');
    results.push(mark ? { status: 'unknown', reason: mark.reason } : policyExposure(ctx.get(policy, '/PolicyDocument')));
  }
  const findings = results.flatMap((r) => (r.status === 'public' ? r.findings : []));
  if (findings.length > 0) return { status: 'public', findings, path };
  const unknown = results.find((r): r is Extract<Exposure, { status: 'unknown' }> => r.status === 'unknown');
  if (!unknown) return { status: 'not_public', path };
  // S3's own verdict stands in for a policy we could not read.
  if (bucket.source === 'live' && !ctx.unknownAt(bucket, '/PolicyStatus/IsPublic')) {
    const isPublic = ctx.get(bucket, '/PolicyStatus/IsPublic');
    if (isPublic === false) return { status: 'not_public', path };
    if (isPublic === true) return { status: 'public', findings: ['S3 reports the bucket policy as public'], path: '/PolicyStatus/IsPublic' };
  }
  return { ...unknown, path };
}

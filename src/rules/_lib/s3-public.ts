/**
 * Whether an S3 bucket's ACL or bucket policy grants access to the public, following S3's own meaning of "public"
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status):
 * - an ACL is public when it grants anything to the AllUsers or AuthenticatedUsers group (any AWS account counts as
 *   "authenticated");
 * - a policy statement is public when it allows a wildcard principal (or allows with `NotPrincipal`) and no
 *   condition pins it to fixed values of a restricting key (`aws:SourceIp` other than /0, `aws:SourceVpc(e)`,
 *   `aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalOrgID`, …). Wildcards, policy variables and `…IfExists`
 *   operators do not pin anything. Unlike S3's policy status, a `Deny` that shuts everyone else out (a negated
 *   restricting condition, or `NotPrincipal` naming fixed principals) is honoured — that is how "VPC endpoint only"
 *   policies are usually written.
 */
import { actionMatches, parsePolicy, statementCoversAction, UNRESOLVED, type PolicyStatement } from './policy-document.js';
import { isRecord } from './values.js';

const PUBLIC_GROUPS: Readonly<Record<string, string>> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers',
};

/** CloudFormation `AccessControl` canned ACLs that grant to one of the public groups. */
const PUBLIC_CANNED_ACLS = new Set(['PublicRead', 'PublicReadWrite', 'AuthenticatedRead']);

/** Actions that expose a bucket's data or its access configuration when granted to the public. */
export const EXPOSING_ACTIONS = [
  's3:GetObject',
  's3:GetObjectVersion',
  's3:ListBucket',
  's3:ListBucketVersions',
  's3:PutObject',
  's3:DeleteObject',
  's3:DeleteObjectVersion',
  's3:PutObjectAcl',
  's3:PutBucketAcl',
  's3:PutBucketPolicy',
  's3:DeleteBucketPolicy',
  's3:GetBucketAcl',
  's3:GetBucketPolicy',
  's3:RestoreObject',
  's3:AbortMultipartUpload',
];

/** Condition keys whose fixed values make a statement non-public (lower-case, as the parser keeps them). */
const RESTRICTING_KEYS = new Set([
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:userid',
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
]);

const POSITIVE_OPERATORS = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike', 'IpAddress']);
const NEGATED_OPERATORS = new Set(['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'ArnNotEquals', 'ArnNotLike', 'NotIpAddress']);

export type Exposure = { status: 'public'; findings: string[] } | { status: 'not_public' } | { status: 'unknown'; reason: string };

/** The public grants of a live ACL (`{ Grants: [{ Grantee: { Type, URI }, Permission }] }`); undefined if unreadable. */
export function aclPublicGrants(acl: unknown): string[] | undefined {
  if (!isRecord(acl) || !Array.isArray(acl['Grants'])) return undefined;
  const out: string[] = [];
  for (const grant of acl['Grants']) {
    if (!isRecord(grant) || !isRecord(grant['Grantee'])) continue;
    const group = PUBLIC_GROUPS[String(grant['Grantee']['URI'] ?? '')];
    if (group) out.push(`${group} ${String(grant['Permission'] ?? 'access')}`);
  }
  return out;
}

export function isPublicCannedAcl(value: unknown): boolean {
  return typeof value === 'string' && PUBLIC_CANNED_ACLS.has(value);
}

function operatorParts(operator: string): { base: string; ifExists: boolean; set: boolean } {
  const set = /^For(All|Any)Values:/.test(operator);
  const withoutSet = operator.replace(/^For(All|Any)Values:/, '');
  const ifExists = withoutSet.endsWith('IfExists');
  return { base: ifExists ? withoutSet.slice(0, -'IfExists'.length) : withoutSet, ifExists, set };
}

function isFixed(key: string, value: string): boolean {
  if (value === UNRESOLVED || value.includes('${')) return false;
  if (key === 'aws:userid' && /^[A-Z0-9]+:\*$/.test(value)) return true;
  if (key === 'aws:sourceip') return !/\/0+$/.test(value.trim());
  return !/[*?]/.test(value);
}

/** Whether the statement's conditions pin it to fixed values of a restricting key, with `positive` or negated operators. */
function pinned(statement: PolicyStatement, positive: boolean): boolean | 'unresolved' {
  let unresolved = false;
  for (const [operator, keys] of Object.entries(statement.conditions)) {
    const { base, ifExists, set } = operatorParts(operator);
    const wanted = positive ? POSITIVE_OPERATORS : NEGATED_OPERATORS;
    // A missing key satisfies …IfExists and ForAllValues, so those never pin an Allow; for a Deny they still apply.
    if (!wanted.has(base) || (positive && (ifExists || operator.startsWith('ForAllValues:'))) || (!positive && set)) continue;
    for (const [key, values] of Object.entries(keys)) {
      if (!RESTRICTING_KEYS.has(key) || values.length === 0) continue;
      if (values.includes(UNRESOLVED)) unresolved = true;
      else if (values.every((v) => isFixed(key, v))) return true;
    }
  }
  return unresolved ? 'unresolved' : false;
}

function fixedPrincipals(values: string[]): boolean {
  return values.length > 0 && values.every((v) => v !== UNRESOLVED && !v.includes('*'));
}

/** Everyone: `"*"`, `{ AWS: "*" }`, an AWS principal with a wildcard, or an Allow with `NotPrincipal`. */
function allowsEveryone(statement: PolicyStatement): boolean {
  if (statement.notPrincipal) return true;
  const p = statement.principal;
  return p !== undefined && (p.anyone || p.aws.some((a) => a.includes('*')));
}

function exposingActions(statement: PolicyStatement): string[] {
  return EXPOSING_ACTIONS.filter((a) => statementCoversAction(statement, a));
}

function resourcesCovered(deny: PolicyStatement, allow: PolicyStatement): boolean {
  if (deny.notResources.length > 0 || allow.notResources.length > 0) return false;
  return allow.resources.every((r) => deny.resources.some((pattern) => actionMatches(pattern, r)));
}

/** A Deny that leaves only fixed principals or fixed network origins able to use what `allow` grants. */
function neutralises(deny: PolicyStatement, allow: PolicyStatement, actions: string[]): boolean {
  const everyone = deny.principal?.anyone === true || (deny.notPrincipal !== undefined && fixedPrincipals([...deny.notPrincipal.aws, ...deny.notPrincipal.service]));
  if (!everyone || !actions.every((a) => statementCoversAction(deny, a)) || !resourcesCovered(deny, allow)) return false;
  const operators = Object.keys(deny.conditions);
  if (operators.length === 0) return true;
  const onlyRestricting = Object.entries(deny.conditions).every(([operator, keys]) => {
    const { base, set } = operatorParts(operator);
    return !set && NEGATED_OPERATORS.has(base) && Object.keys(keys).every((k) => RESTRICTING_KEYS.has(k));
  });
  return onlyRestricting && pinned(deny, false) === true;
}

function label(statement: PolicyStatement, index: number): string {
  return statement.sid !== undefined && statement.sid !== '' ? `"${statement.sid}"` : `#${index + 1}`;
}

/** Whether a bucket policy (object or JSON text) grants public access, per the rules in the header. */
export function policyExposure(document: unknown): Exposure {
  const parsed = parsePolicy(document);
  if (!parsed.ok) return { status: 'unknown', reason: `unreadable_policy:${parsed.error}` };
  const denies = parsed.statements.filter((s) => s.effect === 'Deny');
  const findings: string[] = [];
  let unresolved = false;
  parsed.statements.forEach((statement, index) => {
    if (statement.effect !== 'Allow') return;
    const p = statement.principal;
    if (p && [...p.aws, ...p.service, ...p.federated].includes(UNRESOLVED)) {
      unresolved = true;
      return;
    }
    if (!allowsEveryone(statement)) return;
    const actions = exposingActions(statement);
    if (actions.length === 0) return;
    const pin = pinned(statement, true);
    if (pin === true) return;
    if (denies.some((d) => neutralises(d, statement, actions))) return;
    if (pin === 'unresolved' || statement.resources.includes(UNRESOLVED)) {
      unresolved = true;
      return;
    }
    const shown = actions.length > 3 ? `${actions.slice(0, 3).join(', ')} …` : actions.join(', ');
    findings.push(`statement ${label(statement, index)} allows ${statement.notPrincipal ? 'everyone outside NotPrincipal' : 'anyone'} ${shown}`);
  });
  if (findings.length > 0) return { status: 'public', findings };
  return unresolved ? { status: 'unknown', reason: 'unresolved:PolicyDocument' } : { status: 'not_public' };
}

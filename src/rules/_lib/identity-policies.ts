/**
 * The permission policies that apply to an IAM user, role or group: its inline `Policies`, the managed policies in
 * `ManagedPolicyArns`, and (in templates) `AWS::IAM::ManagedPolicy` / `AWS::IAM::Policy` resources that name it in
 * `Users`/`Roles`/`Groups`. Absent `Policies` or `ManagedPolicyArns` mean none, as in CloudFormation; a read the scan
 * could not make is an unknown mark, which ends the evaluation as `unknown` through `ctx.get`.
 */
import { isResourceRef, type Resource, type RuleContext } from '../../core/index.js';
import { isRecord } from './values.js';

export interface IdentityPolicy {
  kind: 'inline' | 'managed';
  name: string;
  arn?: string;
  awsManaged: boolean;
  /** The document, when known; AWS managed policies may be known by ARN only. */
  document?: unknown;
  /** Where the policy sits: a pointer on the identity, or the uid of the policy resource. */
  path: string;
}

export type IdentityPolicies = { ok: true; policies: IdentityPolicy[] } | { ok: false; reason: string; path: string };

const AWS_MANAGED = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/;

/** The name of an AWS managed policy ARN (`AdministratorAccess`), or undefined for any other value. */
export function awsManagedPolicyName(value: unknown): string | undefined {
  return typeof value === 'string' ? AWS_MANAGED.exec(value)?.[1] : undefined;
}

const ATTACHMENT_PROPERTY: Record<string, string> = { 'AWS::IAM::User': 'Users', 'AWS::IAM::Role': 'Roles', 'AWS::IAM::Group': 'Groups' };

/**
 * A managed policy named by ARN (or `Ref`) from an identity: its document when the snapshot holds it, the AWS
 * managed name otherwise; `{ ok: false }` for a customer managed policy the snapshot does not hold.
 */
export function managedPolicy(ctx: RuleContext, from: Resource, value: unknown, path: string): { ok: true; policy: IdentityPolicy } | { ok: false; reason: string; path: string } {
  const resolved = ctx.resolve(from, value, 'AWS::IAM::ManagedPolicy');
  const awsName = awsManagedPolicyName(value);
  if (resolved) {
    const name = resolved.properties['ManagedPolicyName'];
    return {
      ok: true,
      policy: {
        kind: 'managed',
        name: awsName ?? (typeof name === 'string' ? name : (resolved.name ?? resolved.uid)),
        ...(typeof value === 'string' ? { arn: value } : {}),
        awsManaged: awsName !== undefined || ctx.get(resolved, '/AwsManaged') === true,
        document: ctx.get(resolved, '/PolicyDocument'),
        path,
      },
    };
  }
  if (awsName !== undefined) return { ok: true, policy: { kind: 'managed', name: awsName, arn: value as string, awsManaged: true, path } };
  if (typeof value !== 'string' && !isResourceRef(value)) return { ok: false, reason: 'unresolved:ManagedPolicyArns', path };
  const inventory = ctx.inventory('AWS::IAM::ManagedPolicy', { account: from.account, source: from.source });
  return { ok: false, reason: inventory.complete ? 'missing_data:AWS::IAM::ManagedPolicy' : (inventory.reason ?? 'not_collected:AWS::IAM::ManagedPolicy'), path };
}

export function identityPolicies(ctx: RuleContext, identity: Resource): IdentityPolicies {
  const policies: IdentityPolicy[] = [];
  const inline = ctx.get(identity, '/Policies');
  if (inline !== undefined && !Array.isArray(inline)) return { ok: false, reason: 'unresolved:Policies', path: '/Policies' };
  (inline ?? []).forEach((entry: unknown, i: number) => {
    const name = isRecord(entry) && typeof entry['PolicyName'] === 'string' ? entry['PolicyName'] : `#${i}`;
    policies.push({ kind: 'inline', name, awsManaged: false, document: ctx.get(identity, `/Policies/${i}/PolicyDocument`), path: `/Policies/${i}` });
  });

  const arns = ctx.get(identity, '/ManagedPolicyArns');
  if (arns !== undefined && !Array.isArray(arns)) return { ok: false, reason: 'unresolved:ManagedPolicyArns', path: '/ManagedPolicyArns' };
  const seen = new Set<string>();
  for (const [i, value] of (arns ?? []).entries()) {
    const found = managedPolicy(ctx, identity, value, `/ManagedPolicyArns/${i}`);
    if (!found.ok) return found;
    policies.push(found.policy);
    const resolved = ctx.resolve(identity, value, 'AWS::IAM::ManagedPolicy');
    if (resolved) seen.add(resolved.uid);
  }

  // Templates attach policies the other way round: the policy resource names the identity.
  const property = ATTACHMENT_PROPERTY[identity.type];
  if (property) {
    for (const type of ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Policy']) {
      const attachments = attachmentsOf(ctx, type, property, identity);
      // A policy whose targets the input leaves unknown may name this identity: reading them ends as unknown.
      const uncertain = attachments.uncertain.find((policy) => !seen.has(policy.uid));
      if (uncertain) ctx.get(uncertain, `/${property}`);
      for (const policy of attachments.naming(identity)) {
        if (seen.has(policy.uid)) continue;
        const name = policy.properties[type === 'AWS::IAM::Policy' ? 'PolicyName' : 'ManagedPolicyName'];
        policies.push({
          kind: type === 'AWS::IAM::Policy' ? 'inline' : 'managed',
          name: typeof name === 'string' ? name : (policy.location.logicalId ?? policy.uid),
          awsManaged: false,
          document: ctx.get(policy, '/PolicyDocument'),
          path: policy.uid,
        });
      }
    }
  }
  return { ok: true, policies };
}

/** The template policy resources of one type that name identities in `property`, by the references they hold. */
interface Attachments {
  /** The policies naming `identity` as `refersTo` would match them, in input order. */
  naming(identity: Resource): Resource[];
  /** The policies whose targets are unknown. */
  uncertain: Resource[];
}

// Built once per assessment (rule context) and scope: every identity asks, and a repository holds thousands of each.
const attachmentCache = new WeakMap<RuleContext, Map<string, Attachments>>();

function attachmentsOf(ctx: RuleContext, type: string, property: string, identity: Resource): Attachments {
  const key = `${type}\0${property}\0${identity.account}\0${identity.source}`;
  let byScope = attachmentCache.get(ctx);
  if (!byScope) attachmentCache.set(ctx, (byScope = new Map()));
  const cached = byScope.get(key);
  if (cached) return cached;

  const pool = ctx.resources(type, { account: identity.account, source: identity.source }).filter((policy) => policy.source !== 'live');
  // `{ $ref }` values match a uid only; text matches a uid, a physical id or an ARN (as `refersTo`).
  const byRef = new Map<string, number[]>();
  const byText = new Map<string, number[]>();
  const uncertain: Resource[] = [];
  pool.forEach((policy, position) => {
    if (ctx.unknownAt(policy, `/${property}`)) {
      uncertain.push(policy);
      return;
    }
    const targets = policy.properties[property];
    if (!Array.isArray(targets)) return;
    for (const target of targets) {
      if (isResourceRef(target)) push(byRef, target.$ref, position);
      else if (typeof target === 'string' && target !== '') push(byText, target, position);
    }
  });
  const attachments: Attachments = {
    uncertain,
    naming(target) {
      const positions = new Set(byRef.get(target.uid) ?? []);
      for (const name of [target.uid, target.physicalId, target.location.arn]) {
        if (name !== undefined && name !== '') for (const position of byText.get(name) ?? []) positions.add(position);
      }
      return [...positions].sort((a, b) => a - b).map((position) => pool[position]!);
    },
  };
  byScope.set(key, attachments);
  return attachments;
}

function push(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list) list.push(position);
  else map.set(key, [position]);
}

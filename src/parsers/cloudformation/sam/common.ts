import { isPlainObject, Unresolved } from '../../shared/values.js';

/** Copies the listed properties that are present (unknown ones included, so their marks follow them). */
export function pick(from: Record<string, unknown>, names: readonly string[], renames: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) if (from[name] !== undefined) out[renames[name] ?? name] = from[name];
  return out;
}

/** SAM writes tags as a map; CloudFormation resources take `[{ Key, Value }]`. */
export function tagList(tags: unknown): unknown {
  if (tags instanceof Unresolved) return tags;
  if (!isPlainObject(tags)) return undefined;
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

export function assumeRolePolicy(service: string): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: [service] }, Action: ['sts:AssumeRole'] }],
  };
}

/** AWS managed policies SAM attaches by name (`AmazonS3ReadOnlyAccess`) or ARN. */
export function managedPolicyArn(name: string): string {
  return name.startsWith('arn:') ? name : `arn:aws:iam::aws:policy/${name}`;
}

/**
 * SAM `Policies`: managed policy names or ARNs, inline policy documents, or SAM policy templates. A policy template's
 * expansion is not modelled, so it is unknown rather than silently missing from the role.
 */
export function samPolicies(policies: unknown, roleId: string): { managed: unknown[]; inline: unknown[] } {
  const managed: unknown[] = [];
  const inline: unknown[] = [];
  if (policies === undefined) return { managed, inline };
  const list = Array.isArray(policies) ? policies : [policies];
  list.forEach((policy, i) => {
    if (typeof policy === 'string') managed.push(managedPolicyArn(policy));
    else if (isPlainObject(policy) && Object.hasOwn(policy, 'Statement')) inline.push({ PolicyName: `${roleId}Policy${i}`, PolicyDocument: policy });
    else if (isPlainObject(policy) && Object.keys(policy).length === 1) inline.push(new Unresolved(`unresolved:SAMPolicyTemplate:${Object.keys(policy)[0]!}`));
    else if (policy instanceof Unresolved) inline.push(policy);
    else managed.push(policy);
  });
  return { managed, inline };
}

/**
 * IAM policy documents (identity, resource and trust policies) normalised for rules: every list a list, principals by
 * kind, condition keys lower-cased. Values a template could not resolve stay visible as `{ref}` strings or as
 * `unresolved`, so a rule can refuse to pass on them.
 */
import { isResourceRef } from '../../core/index.js';

export interface PolicyPrincipal {
  /** `Principal: "*"` or `{ AWS: "*" }`. */
  anyone: boolean;
  aws: string[];
  service: string[];
  federated: string[];
  canonicalUser: string[];
}

export interface PolicyStatement {
  sid?: string;
  effect: 'Allow' | 'Deny';
  principal?: PolicyPrincipal;
  notPrincipal?: PolicyPrincipal;
  actions: string[];
  notActions: string[];
  resources: string[];
  notResources: string[];
  /** operator → condition key (lower-case) → values. */
  conditions: Record<string, Record<string, string[]>>;
}

export type ParsedPolicy = { ok: true; statements: PolicyStatement[] } | { ok: false; error: string };

/** A value a template left unresolved (an intrinsic the parser could not evaluate) shows up as this string. */
export const UNRESOLVED = '<unresolved>';

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isResourceRef(value)) return `{ref:${value.$ref}${value.attribute ? `.${value.attribute}` : ''}}`;
  return UNRESOLVED;
}

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(text);
}

function principal(value: unknown): PolicyPrincipal | undefined {
  if (value === undefined) return undefined;
  const p: PolicyPrincipal = { anyone: false, aws: [], service: [], federated: [], canonicalUser: [] };
  if (value === '*') return { ...p, anyone: true };
  if (typeof value !== 'object' || value === null) return { ...p, aws: [text(value)] };
  const record = value as Record<string, unknown>;
  p.aws = list(record['AWS']);
  p.service = list(record['Service']);
  p.federated = list(record['Federated']);
  p.canonicalUser = list(record['CanonicalUser']);
  p.anyone = p.aws.includes('*');
  return p;
}

function conditions(value: unknown): PolicyStatement['conditions'] {
  const out: PolicyStatement['conditions'] = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [operator, block] of Object.entries(value as Record<string, unknown>)) {
    if (typeof block !== 'object' || block === null) continue;
    const keys: Record<string, string[]> = {};
    for (const [key, values] of Object.entries(block as Record<string, unknown>)) keys[key.toLowerCase()] = list(values);
    out[operator] = keys;
  }
  return out;
}

/** Parses a policy given as an object or as JSON text (URL-encoded, as IAM returns it, or not). */
export function parsePolicy(document: unknown): ParsedPolicy {
  let doc = document;
  if (typeof doc === 'string') {
    let raw = doc;
    if (/^%7B/i.test(raw.trim())) raw = decodeURIComponent(raw);
    try {
      doc = JSON.parse(raw);
    } catch {
      return { ok: false, error: 'the policy is not valid JSON' };
    }
  }
  if (typeof doc !== 'object' || doc === null) return { ok: false, error: 'the policy is not an object' };
  const raw = (doc as Record<string, unknown>)['Statement'];
  if (raw === undefined) return { ok: false, error: 'the policy has no Statement' };
  const statements = (Array.isArray(raw) ? raw : [raw]).map((s): PolicyStatement | undefined => {
    if (typeof s !== 'object' || s === null) return undefined;
    const st = s as Record<string, unknown>;
    const effect = st['Effect'] === 'Deny' ? 'Deny' : st['Effect'] === 'Allow' ? 'Allow' : undefined;
    if (!effect) return undefined;
    const p = principal(st['Principal']);
    const np = principal(st['NotPrincipal']);
    return {
      ...(typeof st['Sid'] === 'string' ? { sid: st['Sid'] } : {}),
      effect,
      ...(p ? { principal: p } : {}),
      ...(np ? { notPrincipal: np } : {}),
      actions: list(st['Action']),
      notActions: list(st['NotAction']),
      resources: list(st['Resource']),
      notResources: list(st['NotResource']),
      conditions: conditions(st['Condition']),
    };
  });
  if (statements.some((s) => s === undefined)) return { ok: false, error: 'a statement has no valid Effect' };
  return { ok: true, statements: statements as PolicyStatement[] };
}

/** IAM action matching: case-insensitive, `*` and `?` wildcards. */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(action);
}

/** Whether a statement's actions cover `action` (NotAction statements cover everything they do not list). */
export function statementCoversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.notActions.length > 0) return !statement.notActions.some((p) => actionMatches(p, action));
  return statement.actions.some((p) => actionMatches(p, action));
}

/** Whether any value of the statement could not be resolved (a rule must then not pass on it). */
export function hasUnresolved(statement: PolicyStatement): boolean {
  const values = [
    ...statement.actions,
    ...statement.notActions,
    ...statement.resources,
    ...statement.notResources,
    ...Object.values(statement.conditions).flatMap((c) => Object.values(c).flat()),
    ...(statement.principal ? [...statement.principal.aws, ...statement.principal.service, ...statement.principal.federated] : []),
  ];
  return values.includes(UNRESOLVED);
}

/** All condition keys a statement uses, lower-cased (`aws:securetransport`, `sts:externalid`). */
export function conditionKeys(statement: PolicyStatement): Set<string> {
  return new Set(Object.values(statement.conditions).flatMap((block) => Object.keys(block)));
}

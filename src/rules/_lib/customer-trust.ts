/**
 * Who may assume a role written in a template shipped to customers, seen from the customer's side: the account that
 * deploys the template is `${AWS::AccountId}` (or Terraform's `aws_caller_identity`), so every literal account, every
 * `*` and every web-identity issuer is outside it. For each trust statement that lets someone outside in, it says
 * whether the statement requires an `sts:ExternalId` (AssumeRole) or an `aud`/`sub` condition (web identity, a
 * per-tenant issuer).
 *
 * A guard whose value is a template parameter or Terraform variable without a value counts: the external id is
 * exactly what the partner passes at deployment (a quick-create link), unique per customer. Any other value the
 * template leaves unresolved is reported, never guessed.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 */
import { pointerSegments, type Resource } from '../../core/index.js';
import { principalAccount } from './iam-principals.js';
import { parsePolicy, statementCoversAction, UNRESOLVED, type PolicyStatement } from './policy-document.js';

export type Guard = 'required' | 'deploy_time' | 'none';

export interface OutsidePrincipal {
  kind: 'account' | 'anyone' | 'federated' | 'unresolved';
  principal: string;
  /** Why the principal is not known (`parameter:VendorAccount`), for `unresolved`. */
  reason?: string;
}

export interface OutsideTrust {
  statement: number;
  outside: OutsidePrincipal[];
  webIdentity: boolean;
  externalId: Guard;
  /** `aud` / `sub` (or `amr`) narrowing a web-identity trust to one tenant. */
  tenant: Guard;
  /** A part of the statement's conditions the template left unresolved (it might have held the guard). */
  conditionUnknown?: { reason: string; path: string };
}

export type CustomerTrust = { ok: true; statements: OutsideTrust[] } | { ok: false; reason: string; path: string };

const DOCUMENT = '/AssumeRolePolicyDocument';
const ASSUME = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'];
const OWN_ACCOUNT = /^(?:arn:[^:]*:iam::)?\$\{(?:AWS::AccountId|data\.aws_caller_identity\.[A-Za-z0-9_-]+\.account_id)\}(?::|$)/;
const GUARD_OPERATOR = /^(ForAnyValue:)?(StringEquals|StringLike)$/i;
const DEPLOY_TIME = /^(parameter|secret_parameter|variable|sensitive_variable):/;
const TENANT_KEY = /:(aud|sub|amr)$/;

/** Where an unknown mark sits inside the trust document: statement index and the rest of the path. */
function locate(path: string): { statement: number; rest: string[] } | undefined {
  const segments = pointerSegments(path);
  if (segments[0] !== 'AssumeRolePolicyDocument' || segments[1] !== 'Statement') return undefined;
  const index = segments[2] !== undefined && /^\d+$/.test(segments[2]) ? Number(segments[2]) : undefined;
  if (index === undefined) return segments.length > 2 && segments[2] !== undefined ? { statement: 0, rest: segments.slice(2) } : undefined;
  return { statement: index, rest: segments.slice(3) };
}

function guardOf(statement: PolicyStatement, matches: (key: string) => boolean, deployTime: boolean): Guard {
  for (const [operator, block] of Object.entries(statement.conditions)) {
    if (!GUARD_OPERATOR.test(operator)) continue;
    for (const [key, values] of Object.entries(block)) {
      if (!matches(key)) continue;
      const known = values.filter((v) => v !== UNRESOLVED);
      const wildcard = /StringLike/i.test(operator) && known.every((v) => /^\*+$/.test(v));
      if (known.some((v) => v.trim() !== '') && !wildcard) return 'required';
    }
  }
  return deployTime ? 'deploy_time' : 'none';
}

function outsidePrincipals(statement: PolicyStatement, principalMarks: Array<{ reason: string }>): OutsidePrincipal[] {
  const out: OutsidePrincipal[] = principalMarks.map((m) => ({ kind: 'unresolved', principal: '?', reason: m.reason }));
  if (statement.notPrincipal || statement.principal?.anyone) return [...out, { kind: 'anyone', principal: '*' }];
  const p = statement.principal;
  if (!p) return out;
  for (const value of p.aws) {
    if (value === UNRESOLVED) continue; // its mark is listed above
    // The deploying account, or a role or user the template itself creates (a reference): inside the account.
    if (OWN_ACCOUNT.test(value) || value.startsWith('{ref:')) continue;
    if (value.includes('${')) out.push({ kind: 'unresolved', principal: value, reason: `unresolved:${value}` });
    else if (principalAccount(value) !== undefined) out.push({ kind: 'account', principal: value });
    else if (!/^A[A-Z0-9]{15,}$/.test(value)) out.push({ kind: 'unresolved', principal: value, reason: 'unrecognized:Principal' });
  }
  for (const value of p.federated) {
    if (/saml-provider\//.test(value)) continue; // the customer's own identity provider, for its own people
    out.push({ kind: 'federated', principal: value });
  }
  return out;
}

/**
 * The trust statements of a role (from a customer template) that let a principal outside the deploying account
 * assume it, with their guards; `ok: false` when the document, or a part of a statement that decides who gets in,
 * could not be known.
 */
export function customerTrust(role: Resource): CustomerTrust {
  const whole = role.unknown.find((m) => m.path === '' || m.path === DOCUMENT || m.path === `${DOCUMENT}/Statement`);
  if (whole) return { ok: false, reason: whole.reason, path: DOCUMENT };
  const document = role.properties['AssumeRolePolicyDocument'];
  if (document === undefined) return { ok: false, reason: 'missing_data:AssumeRolePolicyDocument', path: DOCUMENT };
  const parsed = parsePolicy(document);
  if (!parsed.ok) return { ok: false, reason: 'invalid_policy:AssumeRolePolicyDocument', path: DOCUMENT };

  const marks = new Map<number, { principal: Array<{ reason: string }>; guards: Set<string>; condition?: { reason: string; path: string } }>();
  for (const mark of role.unknown) {
    if (!mark.path.startsWith(`${DOCUMENT}/`)) continue;
    const at = locate(mark.path);
    if (!at) return { ok: false, reason: mark.reason, path: mark.path };
    const entry = marks.get(at.statement) ?? { principal: [], guards: new Set<string>() };
    marks.set(at.statement, entry);
    const [part, operator, key] = at.rest;
    if (part === 'Principal' || part === 'NotPrincipal') entry.principal.push({ reason: mark.reason });
    else if (part === 'Condition' && operator !== undefined && key !== undefined && GUARD_OPERATOR.test(operator) && DEPLOY_TIME.test(mark.reason)) entry.guards.add(key.toLowerCase());
    else if (part === 'Condition') entry.condition ??= { reason: mark.reason, path: mark.path };
    else if (part !== 'Sid') return { ok: false, reason: mark.reason, path: mark.path };
  }

  const statements: OutsideTrust[] = [];
  parsed.statements.forEach((statement, index) => {
    if (statement.effect !== 'Allow' || !ASSUME.some((a) => statementCoversAction(statement, a))) return;
    const found = marks.get(index);
    const outside = outsidePrincipals(statement, found?.principal ?? []);
    if (outside.length === 0) return;
    const deployed = [...(found?.guards ?? [])];
    statements.push({
      statement: index,
      outside,
      webIdentity: statementCoversAction(statement, 'sts:AssumeRoleWithWebIdentity'),
      externalId: guardOf(statement, (k) => k === 'sts:externalid', deployed.includes('sts:externalid')),
      tenant: guardOf(statement, (k) => TENANT_KEY.test(k), deployed.some((k) => TENANT_KEY.test(k))),
      ...(found?.condition ? { conditionUnknown: found.condition } : {}),
    });
  });
  return { ok: true, statements };
}

/** The pointer of a trust statement. */
export function trustStatementPath(statement: number): string {
  return `${DOCUMENT}/Statement/${statement}`;
}

/**
 * Who a role's trust policy lets assume it, principal by principal. Account principals are recognised in every form
 * IAM accepts (`"222233334444"`, `arn:aws:iam::222233334444:root`, a role, user or assumed-role ARN, in any
 * partition); a `"*"` narrowed by `aws:PrincipalAccount` / `aws:PrincipalArn` / `aws:PrincipalOrgID` is read as the
 * accounts or organizations named. A unique id (`AROA…`, `AIDA…`) is what IAM shows once the principal it named was
 * deleted: nobody can use it. In code, the deploying account (`${AWS::AccountId}`, Terraform's
 * `data.aws_caller_identity.<name>.account_id`) is the company's own; other deploy-time values are unresolved.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
import { conditionKeys, statementCoversAction, UNRESOLVED, type PolicyStatement } from './policy-document.js';

export type TrustGrant =
  | { kind: 'anyone'; statement: number }
  /** The account the code deploys into (`${AWS::AccountId}`, Terraform's `data.aws_caller_identity`): the company's own. */
  | { kind: 'own'; principal: string; statement: number }
  | { kind: 'account'; account: string; principal: string; statement: number; externalId: boolean }
  | { kind: 'organization'; organization: string; statement: number }
  | { kind: 'service'; principal: string; statement: number }
  | { kind: 'federated'; principal: string; statement: number }
  | { kind: 'deleted'; principal: string; statement: number }
  | { kind: 'unresolved'; principal: string; statement: number }
  /** A string that is no principal form IAM documents for trust policies. */
  | { kind: 'unrecognized'; principal: string; statement: number };

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];
/** The deploying account as code writes it, alone or as the account of an ARN. */
const OWN_ACCOUNT = /^(?:arn:[^:]*:(?:iam|sts)::)?\$\{(?:AWS::AccountId|data\.aws_caller_identity\.[A-Za-z0-9_-]+\.account_id)\}(?::|$)/;
const ACCOUNT_ARN = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/;
const UNIQUE_ID = /^A[A-Z0-9]{3}[A-Z0-9]{12,}$/;

/** The account an AWS principal string belongs to; undefined for anything else. */
export function principalAccount(principal: string): string | undefined {
  if (/^\d{12}$/.test(principal)) return principal;
  return ACCOUNT_ARN.exec(principal)?.[1];
}

function isUnresolved(value: string): boolean {
  return value === UNRESOLVED || value.startsWith('{ref:') || value.includes('${');
}

/** Values of a condition key across the operators that narrow to exact or pattern matches (StringEquals, StringLike, ArnLike …). */
function narrowingValues(statement: PolicyStatement, key: string): string[] | undefined {
  let found: string[] | undefined;
  for (const [operator, block] of Object.entries(statement.conditions)) {
    if (/^(ForAnyValue:)?(StringEquals|StringLike|ArnEquals|ArnLike)(IfExists)?$/i.test(operator) && block[key]) {
      found = [...(found ?? []), ...block[key]];
    }
  }
  return found;
}

function anyoneGrants(statement: PolicyStatement, index: number, externalId: boolean): TrustGrant[] {
  const orgs = narrowingValues(statement, 'aws:principalorgid');
  if (orgs) return orgs.map((o) => (isUnresolved(o) ? { kind: 'unresolved', principal: o, statement: index } : { kind: 'organization', organization: o, statement: index }));
  const accounts = narrowingValues(statement, 'aws:principalaccount') ?? narrowingValues(statement, 'aws:principalarn');
  if (!accounts) return [{ kind: 'anyone', statement: index }];
  return accounts.map((value): TrustGrant => {
    if (OWN_ACCOUNT.test(value)) return { kind: 'own', principal: value, statement: index };
    if (isUnresolved(value)) return { kind: 'unresolved', principal: value, statement: index };
    const account = principalAccount(value);
    return account ? { kind: 'account', account, principal: value, statement: index, externalId } : { kind: 'anyone', statement: index };
  });
}

/** Every principal an Allow statement of a trust policy lets assume the role. */
export function trustGrants(statements: readonly PolicyStatement[]): TrustGrant[] {
  const grants: TrustGrant[] = [];
  statements.forEach((statement, index) => {
    if (statement.effect !== 'Allow' || !ASSUME_ACTIONS.some((a) => statementCoversAction(statement, a))) return;
    const externalId = conditionKeys(statement).has('sts:externalid');
    // Allow with NotPrincipal lets in everyone not listed.
    if (statement.notPrincipal || statement.principal?.anyone) {
      grants.push(...anyoneGrants(statement, index, externalId));
      return;
    }
    const p = statement.principal;
    if (!p) return;
    for (const value of p.aws) {
      if (OWN_ACCOUNT.test(value)) grants.push({ kind: 'own', principal: value, statement: index });
      else if (isUnresolved(value)) grants.push({ kind: 'unresolved', principal: value, statement: index });
      else if (UNIQUE_ID.test(value)) grants.push({ kind: 'deleted', principal: value, statement: index });
      else {
        const account = principalAccount(value);
        grants.push(account ? { kind: 'account', account, principal: value, statement: index, externalId } : { kind: 'unrecognized', principal: value, statement: index });
      }
    }
    for (const value of p.service) grants.push({ kind: isUnresolved(value) ? 'unresolved' : 'service', principal: value, statement: index });
    for (const value of p.federated) grants.push({ kind: isUnresolved(value) ? 'unresolved' : 'federated', principal: value, statement: index });
  });
  return grants;
}

/** The statement pointer of a grant inside a trust policy. */
export function grantPath(grant: TrustGrant): string {
  return `/AssumeRolePolicyDocument/Statement/${grant.statement}`;
}

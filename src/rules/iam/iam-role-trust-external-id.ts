/**
 * Roles that accounts outside the company can assume require an `sts:ExternalId`.
 *
 * N/A     service-linked roles, and roles no outside account can assume.
 * PASS    every statement that lets an outside account assume the role has an `sts:ExternalId` condition.
 * FAIL    (informs) an outside account — listed in `trustedAccounts` or not — can assume the role without one; one
 *         outcome per account.
 * UNKNOWN the trust policy could not be read, is not valid, or names a principal a template left unresolved or
 *         that is not in a form IAM documents.
 *
 * The external id is AWS's guard against the confused deputy: a vendor that assumes roles in many customers' accounts
 * cannot be tricked into using yours for someone else. It is AWS's guidance for third-party access rather than a
 * checklist item of IAM-005 (CAA-002 asks it of the partner's own cross-account access to customers), so it informs.
 * Who the outside accounts are is `iam-role-trust-known-accounts`' business.
 * Code: the trust policy as written; the deploying account (`${AWS::AccountId}`, Terraform's
 * `data.aws_caller_identity`) is the company's own, an external id from a parameter still counts (the key is there),
 * and a principal from a parameter without a default, an `ImportValue` or a value Terraform computes is unknown.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
 */
import { defineRule, type Outcome } from '../../core/index.js';
import { grantPath, trustGrants } from '../_lib/iam-principals.js';
import { isServiceLinkedRole } from '../_lib/iam-identities.js';
import { ownAccounts, trustedAccountName } from '../_lib/own-accounts.js';
import { parsePolicy } from '../_lib/policy-document.js';
import { trustDocument } from '../_lib/trust-document.js';

export default defineRule({
  meta: {
    id: 'iam-role-trust-external-id',
    title: 'Roles assumable from outside accounts require an external id',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-005', gates: false, basis: 'informs how third parties get their roles: AWS recommends an sts:ExternalId condition on every role a third party assumes' },
    ],
    resourceTypes: ['AWS::IAM::Role'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'A vendor that assumes roles in many accounts can be asked by another of its customers to use your role ARN. The external id, unique per customer and checked in the trust policy, stops that confused-deputy misuse.',
    remediation: {
      summary: 'Add an sts:ExternalId condition, with the value the third party gives you, to each statement that trusts an outside account.',
      console: [
        'Open IAM > Roles > the role > Trust relationships > Edit trust policy.',
        'Add "Condition": {"StringEquals": {"sts:ExternalId": "<value from the vendor>"}} to the statement naming the vendor account.',
      ],
      cli: 'aws iam update-assume-role-policy --role-name <ROLE> --policy-document file://trust-with-external-id.json',
      cloudformation: 'Condition:\n  StringEquals:\n    "sts:ExternalId": "<value from the vendor>"',
      terraform: 'condition {\n  test     = "StringEquals"\n  variable = "sts:ExternalId"\n  values   = ["<value from the vendor>"]\n}',
      links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html'],
    },
    messages: {
      externalIdRequired: 'Every outside account that can assume role {{resource}} must present an external id.',
      noExternalId: 'Role {{resource}} can be assumed from outside account {{account}} ({{party}}) without an sts:ExternalId condition.',
    },
    needs: ['iam:GetAccountAuthorizationDetails'],
  },
  evaluate(role, ctx) {
    if (isServiceLinkedRole(ctx, role)) return ctx.notApplicable();
    const document = trustDocument(ctx, role);
    if (document === undefined) return ctx.unknown('missing_data:AssumeRolePolicyDocument', { path: '/AssumeRolePolicyDocument' });
    const parsed = parsePolicy(document);
    if (!parsed.ok) return ctx.unknown('invalid_policy:AssumeRolePolicyDocument', { path: '/AssumeRolePolicyDocument' });
    const grants = trustGrants(parsed.statements);
    const unresolved = grants.find((g) => g.kind === 'unresolved');
    if (unresolved) return ctx.unknown('unresolved:AssumeRolePolicyDocument.Principal', { path: grantPath(unresolved) });
    const odd = grants.find((g) => g.kind === 'unrecognized');
    if (odd) return ctx.unknown('unrecognized:AssumeRolePolicyDocument.Principal', { path: grantPath(odd) });

    const own = ownAccounts(ctx, role);
    const outside = grants.flatMap((g) => (g.kind === 'account' && !own.accounts.has(g.account) ? [g] : []));
    if (outside.length === 0) return ctx.notApplicable();
    const outcomes: Outcome[] = outside
      .filter((g) => !g.externalId)
      .map((g) => ctx.fail('noExternalId', { account: g.account, party: trustedAccountName(ctx, g.account) ?? 'not a listed third party' }, { path: grantPath(g) }));
    return outcomes.length > 0 ? outcomes : ctx.pass('externalIdRequired');
  },
});

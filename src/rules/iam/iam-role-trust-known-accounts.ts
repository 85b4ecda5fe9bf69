/**
 * Roles can be assumed only from the company's own accounts or from third-party accounts listed in ftr.yaml.
 *
 * N/A     service-linked roles (AWS owns their trust policy).
 * PASS    every principal of the trust policy is the company's own (this account, a scanned or production account,
 *         an account or organization of a scanned account's organization), an AWS service, an identity provider of
 *         the account, or a third-party account listed under `trustedAccounts`.
 * FAIL    (informs) the trust policy lets an account outside those assume the role, or anyone (`"*"`, NotPrincipal)
 *         not narrowed to known accounts or the company's organization — one outcome per principal.
 * UNKNOWN the trust policy could not be read, is not valid, or names a principal a template left unresolved or
 *         that is not in a form IAM documents.
 *
 * Informing: IAM-005 asks that third parties get roles rather than IAM users. A role trusted by an outside account
 * *is* that mechanism; what the rule finds is a third party missing from the inventory (ftr.yaml `trustedAccounts`,
 * the IAM-005 evidence) or a trust far wider than any third party needs. Principals left from deleted identities
 * (unique ids such as `AROA…`) match nobody and are ignored.
 * Code: the deploying account (`${AWS::AccountId}`, Terraform's `data.aws_caller_identity`, or the account a plan
 * read it as) is the company's own; any other literal account must be listed in ftr.yaml — `productionAccounts` for
 * the company's, `trustedAccounts` for third parties — since a template does not say where it is deployed.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html
 */
import { defineRule, type Outcome } from '../../core/index.js';
import { grantPath, trustGrants } from '../_lib/iam-principals.js';
import { isServiceLinkedRole } from '../_lib/iam-identities.js';
import { ownAccounts, trustedAccountName } from '../_lib/own-accounts.js';
import { parsePolicy } from '../_lib/policy-document.js';
import { trustDocument } from '../_lib/trust-document.js';

export default defineRule({
  meta: {
    id: 'iam-role-trust-known-accounts',
    title: 'Roles trust only the company’s accounts and listed third parties',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-005', gates: false, basis: 'informs the third-party inventory of IAM-005: outside accounts that can assume roles, compared with the trusted accounts in ftr.yaml' },
    ],
    resourceTypes: ['AWS::IAM::Role'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'Every account a trust policy names can act in yours with the role’s permissions. An outside account nobody can name — a former vendor, a typo, a copied example — is access the company does not control; a trust open to anyone is worse.',
    remediation: {
      summary: 'Remove principals you cannot account for; list each real third party under trustedAccounts in ftr.yaml with its purpose; narrow "*" principals with aws:PrincipalOrgID or explicit accounts.',
      console: [
        'Open IAM > Roles > the role > Trust relationships > Edit trust policy.',
        'Remove unknown accounts; for a vendor, keep only its documented account and add an sts:ExternalId condition.',
        'Record each vendor in ftr.yaml (product.trustedAccounts: id, name, purpose).',
      ],
      cli: 'aws iam get-role --role-name <ROLE> --query Role.AssumeRolePolicyDocument\naws iam update-assume-role-policy --role-name <ROLE> --policy-document file://trust.json',
      cloudformation: 'VendorRole:\n  Type: AWS::IAM::Role\n  Properties:\n    AssumeRolePolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Principal: { AWS: "arn:aws:iam::222233334444:root" }\n          Action: sts:AssumeRole\n          Condition:\n            StringEquals: { "sts:ExternalId": "<unique-id-from-vendor>" }',
      terraform: 'data "aws_iam_policy_document" "vendor_trust" {\n  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::222233334444:root"]\n    }\n    condition {\n      test     = "StringEquals"\n      variable = "sts:ExternalId"\n      values   = ["<unique-id-from-vendor>"]\n    }\n  }\n}',
      links: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html',
      ],
    },
    messages: {
      knownOnly: 'Role {{resource}} trusts only the company’s own accounts, AWS services and listed third parties ({{thirdParties}}).',
      unlistedAccount: 'Role {{resource}} can be assumed from account {{account}}, which is neither the company’s nor a trusted third party in ftr.yaml.',
      foreignOrganization: 'Role {{resource}} can be assumed from any account of organization {{organization}}, which is not the company’s.',
      anyPrincipal: 'Role {{resource}} can be assumed by any AWS principal: its trust policy is not narrowed to known accounts.',
    },
    needs: ['iam:GetAccountAuthorizationDetails', 'organizations:DescribeOrganization', 'organizations:ListAccounts'],
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
    const outcomes: Outcome[] = [];
    const thirdParties = new Set<string>();
    for (const grant of grants) {
      const path = grantPath(grant);
      if (grant.kind === 'anyone') outcomes.push(ctx.fail('anyPrincipal', {}, { path }));
      else if (grant.kind === 'organization' && !own.organizations.has(grant.organization)) outcomes.push(ctx.fail('foreignOrganization', { organization: grant.organization }, { path }));
      else if (grant.kind === 'account' && !own.accounts.has(grant.account)) {
        const name = trustedAccountName(ctx, grant.account);
        if (name === undefined) outcomes.push(ctx.fail('unlistedAccount', { account: grant.account }, { path }));
        else thirdParties.add(name);
      }
    }
    if (outcomes.length > 0) return outcomes;
    return ctx.pass('knownOnly', { thirdParties: thirdParties.size > 0 ? [...thirdParties].sort().join(', ') : 'none' });
  },
});

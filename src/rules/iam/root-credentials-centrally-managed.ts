/**
 * Root credentials of member accounts are managed centrally through AWS Organizations.
 *
 * N/A     the account is not in an organization (centralized root access needs one).
 * PASS    the organization has root credentials management enabled (data says whether privileged root sessions are
 *         enabled too).
 * FAIL    (informs) the account is in an organization that has not enabled it (`CentralizedRootAccess` false or null).
 * UNKNOWN the organization or its IAM features could not be read (ListOrganizationsFeatures answers only in the
 *         management account or the IAM delegated administrator).
 *
 * The Feb 2026 checklist points to this feature under ARC-001 and ARC-004: with it, member accounts need no root
 * password or keys at all, and the few root-only tasks run as short privileged sessions from the management account.
 * It is a recommendation, not a requirement, so the rule informs. The management account's own root is outside it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user-access-management
 */
import { defineRule } from '../../core/index.js';
import { isRecord } from '../_lib/values.js';

export default defineRule({
  meta: {
    id: 'root-credentials-centrally-managed',
    title: 'Member-account root credentials are managed centrally by AWS Organizations',
    severity: 'low',
    requirements: [
      { checklist: 'partner-hosted', id: 'ARC-001', gates: false, basis: 'informs "root used only by exception": the 2026 text points to Organizations centralized root access' },
      { checklist: 'partner-hosted', id: 'ARC-004', gates: false, basis: 'informs "no root access keys": with centralized root access, member accounts can have no root credentials at all' },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'Every member account otherwise keeps a root password (and possibly keys) that must be protected, rotated and monitored. Centralized root access lets the management account delete those credentials and run root-only tasks as short, audited sessions.',
    remediation: {
      summary: 'Enable root credentials management (and privileged root sessions) for the organization, then delete member-account root credentials.',
      console: [
        'Sign in to the management account and open IAM > Root access management.',
        'Choose Enable, and select Root credentials management and Privileged root actions in member accounts.',
        'For each member account, use Take privileged action > Delete root user credentials.',
      ],
      cli: 'aws organizations enable-aws-service-access --service-principal iam.amazonaws.com\naws iam enable-organizations-root-credentials-management\naws iam enable-organizations-root-sessions\naws iam list-organizations-features',
      links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-enable-root-access.html'],
    },
    messages: {
      enabled: 'Account {{resource}} is in an organization with centralized root credentials management (root sessions: {{sessions}}).',
      notEnabled: 'Account {{resource}} is in an organization that does not manage member-account root credentials centrally.',
    },
    needs: ['organizations:DescribeOrganization', 'iam:ListOrganizationsFeatures'],
  },
  evaluate(account, ctx) {
    const org = ctx.get(account, '/Organization');
    if (org === null) return ctx.notApplicable();
    if (!isRecord(org)) return ctx.unknown('missing_data:Organization', { path: '/Organization' });
    const features = ctx.get(account, '/CentralizedRootAccess');
    if (features === undefined) return ctx.unknown('missing_data:CentralizedRootAccess', { path: '/CentralizedRootAccess' });
    if (!isRecord(features) || features['RootCredentialsManagement'] !== true) return ctx.fail('notEnabled', {}, { path: '/CentralizedRootAccess' });
    return ctx.pass('enabled', { sessions: features['RootSessions'] === true ? 'enabled' : 'not enabled' });
  },
});

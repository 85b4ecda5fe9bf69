/**
 * IAM users who sign in to the console have names of individuals, not of teams or roles.
 *
 * N/A     the user has no console password (not a person signing in).
 * PASS    the name contains something other than generic words (`alice`, `alice-admin`, `j.doe@acme.example`).
 * FAIL    (informs) every word of the name is generic — `admin`, `shared-admin`, `ops-team`, `devops1`, `TestUser` —
 *         which suggests one login shared by several people.
 * UNKNOWN the credential report could not be read.
 *
 * A heuristic, so informing only: the checklist asks for individual identities and no shared credentials, which a
 * name cannot prove either way; the policy statement is the evidence. A person may well own `admin-jane`.
 * Code: a user with a `LoginProfile` (Terraform `aws_iam_user_login_profile`) and its `UserName`; without one,
 * CloudFormation makes the name from the stack name, which the template does not show (unknown).
 */
import { defineRule } from '../../core/index.js';
import { hasConsolePassword, identityName } from '../_lib/iam-identities.js';

const GENERIC_WORDS = new Set([
  'admin', 'admins', 'administrator', 'administrators', 'sysadmin', 'superuser', 'root', 'shared', 'share', 'team',
  'teams', 'group', 'ops', 'devops', 'operations', 'operator', 'dev', 'devs', 'developer', 'developers', 'engineering',
  'engineer', 'engineers', 'eng', 'qa', 'test', 'tester', 'testing', 'temp', 'tmp', 'guest', 'generic', 'common',
  'general', 'everyone', 'all', 'office', 'staff', 'support', 'helpdesk', 'it', 'user', 'users', 'console', 'login',
  'aws', 'account', 'main', 'master', 'default', 'prod', 'production', 'staging', 'company', 'contractor', 'vendor',
]);

/** The words of a user name: camelCase and separators split, trailing digits dropped, the domain of an email ignored. */
function words(name: string): string[] {
  const local = name.split('@')[0] ?? name;
  return local
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((w) => w.replace(/\d+$/, ''))
    .filter((w) => w.length > 0);
}

export default defineRule({
  meta: {
    id: 'iam-user-name-not-shared',
    title: 'Console IAM users are named for individuals, not teams or functions',
    severity: 'low',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-004', gates: false, basis: 'informs "individual identities, no shared credentials": a console user named like a team or function is often shared' },
    ],
    resourceTypes: ['AWS::IAM::User'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'A login shared by several people hides who did what in CloudTrail, cannot be removed when one of them leaves, and usually has its password in a shared document or chat.',
    remediation: {
      summary: 'Give each person their own identity (preferably in IAM Identity Center) and delete shared console users.',
      console: [
        'Create an IAM Identity Center user (or IAM user) for each person who uses the shared login, with the same permissions through a group or permission set.',
        'Open IAM > Users > the shared user > Security credentials and delete its console password and keys; then delete the user.',
      ],
      cli: 'aws iam delete-login-profile --user-name <SHARED_USER>\naws iam list-access-keys --user-name <SHARED_USER>\naws iam delete-user --user-name <SHARED_USER>  # after removing keys, policies and group memberships',
      links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-users-federation-idp'],
    },
    messages: {
      personal: 'Console user {{resource}} has a personal name.',
      looksShared: 'Console user {{resource}} is named like a team or function ({{words}}); make sure it is not shared by several people.',
    },
    needs: ['iam:ListUsers', 'iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  },
  evaluate(user, ctx) {
    const password = hasConsolePassword(ctx, user);
    if (password === undefined) return ctx.unknown('missing_data:CredentialReport.PasswordEnabled', { path: '/CredentialReport' });
    if (!password) return ctx.notApplicable();
    let name = identityName(user);
    if (user.source !== 'live') {
      const written = ctx.get(user, '/UserName');
      if (typeof written !== 'string') return ctx.unknown('unresolved:default:UserName', { path: '/UserName' });
      name = written;
    }
    const found = words(name);
    if (found.length > 0 && found.every((w) => GENERIC_WORDS.has(w))) return ctx.fail('looksShared', { words: found.join(', ') }, { path: '/UserName' });
    return ctx.pass('personal');
  },
});

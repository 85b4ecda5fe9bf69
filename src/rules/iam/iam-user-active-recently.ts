/**
 * IAM users with credentials have signed in or used a key within the last 90 days.
 *
 * N/A     the user has no console password and no active access key: nothing of it can go stale.
 * PASS    the console password or an access key was used within the last 90 days (boundary included), or the user
 *         was created less than 90 days ago.
 * FAIL    (informs) no sign-in and no key use for more than 90 days (or ever), on a user older than 90 days.
 * UNKNOWN the credential report, the user's keys or their last use could not be read.
 *
 * Informing: IAM-007 asks for a joiner/mover/leaver process; a user idle for 90 days is the classic trace of a leaver
 * whose access was not removed, but it proves neither that a process is missing nor that one exists.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html
 */
import { defineRule } from '../../core/index.js';
import { isoDay, latest, olderThanDays, readTime } from '../_lib/dates.js';
import { accessKeysOf, hasConsolePassword, isActiveKey } from '../_lib/iam-identities.js';

const WINDOW_DAYS = 90;

export default defineRule({
  meta: {
    id: 'iam-user-active-recently',
    title: 'IAM users with credentials have been active in the last 90 days',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-007', gates: false, basis: 'informs the joiner/mover/leaver lifecycle: an IAM user idle for 90 days is often a leaver whose access was not removed' },
    ],
    resourceTypes: ['AWS::IAM::User'],
    sources: ['live'],
    rationale:
      'Credentials nobody uses still work for whoever obtains them, and nobody notices their misuse. Idle users are usually people who left or systems that were retired without their access being removed.',
    remediation: {
      summary: 'Disable idle users (delete the console password, deactivate keys), confirm with their owner, then delete them; fix the offboarding step that missed them.',
      console: [
        'Open IAM > Users and sort by "Last activity".',
        'For each idle user: Security credentials > Manage console access > Disable, and deactivate its access keys.',
        'After confirming with the owner, delete the user.',
      ],
      cli: 'aws iam generate-credential-report && aws iam get-credential-report --query Content --output text | base64 -d\naws iam delete-login-profile --user-name <USER>\naws iam update-access-key --user-name <USER> --access-key-id <KEY_ID> --status Inactive',
      links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html'],
    },
    messages: {
      active: 'IAM user {{resource}} was last active on {{lastActivity}}.',
      newUser: 'IAM user {{resource}} was created less than 90 days ago.',
      inactive: 'IAM user {{resource}} has credentials but no activity since {{lastActivity}} (created {{created}}).',
    },
    needs: ['iam:ListUsers', 'iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed'],
  },
  evaluate(user, ctx) {
    const password = hasConsolePassword(ctx, user);
    if (password === undefined) return ctx.unknown('missing_data:CredentialReport.PasswordEnabled', { path: '/CredentialReport' });
    const keys = accessKeysOf(ctx, user);
    if (!keys.complete) return ctx.unknown(keys.reason ?? 'not_collected:AWS::IAM::AccessKey', { path: '@AWS::IAM::AccessKey' });
    const states = keys.resources.map((k) => isActiveKey(ctx, k));
    if (states.includes(undefined)) return ctx.unknown('missing_data:AccessKey.Status');
    if (!password && !states.includes(true)) return ctx.notApplicable();

    const signIn = password ? readTime(ctx, user, '/CredentialReport/PasswordLastUsed') : null;
    if (signIn === undefined) return ctx.unknown('missing_data:CredentialReport.PasswordLastUsed', { path: '/CredentialReport/PasswordLastUsed' });
    const keyUses = keys.resources.map((k) => readTime(ctx, k, '/LastUsedDate'));
    if (keyUses.includes(undefined)) return ctx.unknown('missing_data:AccessKey.LastUsedDate');
    const last = latest([signIn, ...keyUses]);
    if (last && !olderThanDays(last, ctx.now, WINDOW_DAYS)) return ctx.pass('active', { lastActivity: isoDay(last) });

    const created = readTime(ctx, user, '/CreateDate') ?? readTime(ctx, user, '/CredentialReport/UserCreationTime');
    if (!created) return ctx.unknown('missing_data:CreateDate', { path: '/CreateDate' });
    if (!olderThanDays(created, ctx.now, WINDOW_DAYS)) return ctx.pass('newUser');
    return ctx.fail('inactive', { lastActivity: last ? isoDay(last) : 'never', created: isoDay(created) }, { path: '/CredentialReport/PasswordLastUsed' });
  },
});

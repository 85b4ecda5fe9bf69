/**
 * Active IAM access keys have been used within the last 90 days.
 *
 * N/A     the key is inactive.
 * PASS    the key was used within the last 90 days (boundary included), or it is younger than 90 days.
 * FAIL    (informs) the active key was last used more than 90 days ago, or never used and older than 90 days.
 * UNKNOWN the key's status, creation date or last use could not be read.
 *
 * Informing: the checklist does not ask that unused keys be removed; an active key nobody uses is a lifecycle gap
 * (IAM-007) and an entry the IAM-002 key inventory should explain or delete. CIS asks for 45 days (1.11); the 90 days
 * here match the checklist's own rotation period.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html
 */
import { defineRule } from '../../core/index.js';
import { isoDay, olderThanDays, readTime } from '../_lib/dates.js';
import { isActiveKey } from '../_lib/iam-identities.js';

const WINDOW_DAYS = 90;

export default defineRule({
  meta: {
    id: 'access-key-unused-90-days',
    title: 'Active IAM access keys have been used in the last 90 days',
    severity: 'low',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-002', gates: false, basis: 'informs the key inventory of IAM-002: an active key nobody uses should be deleted rather than kept and rotated' },
      { checklist: 'partner-hosted', id: 'IAM-007', gates: false, basis: 'informs the joiner/mover/leaver lifecycle: an unused active key points to access that was not removed' },
    ],
    resourceTypes: ['AWS::IAM::AccessKey'],
    sources: ['live'],
    rationale:
      'An active key that nobody uses still works for whoever holds a copy. Unused keys are usually left behind by people or systems that are gone, and nobody would notice their misuse.',
    remediation: {
      summary: 'Deactivate access keys that have not been used for 90 days, then delete them once nothing breaks.',
      console: ['Open IAM > Users > the user > Security credentials.', 'Check "Last used" of each access key; choose Actions > Deactivate, then Delete.'],
      cli: 'aws iam get-access-key-last-used --access-key-id <KEY_ID>\naws iam update-access-key --user-name <USER> --access-key-id <KEY_ID> --status Inactive\naws iam delete-access-key --user-name <USER> --access-key-id <KEY_ID>',
      links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html'],
    },
    messages: {
      used: 'Access key {{resource}} of {{user}} was used on {{lastUsed}}.',
      newKey: 'Access key {{resource}} of {{user}} is less than 90 days old.',
      unused: 'Access key {{resource}} of {{user}} is active but was last used on {{lastUsed}}.',
      neverUsed: 'Access key {{resource}} of {{user}} is active, was created on {{created}} and has never been used.',
    },
    needs: ['iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed'],
  },
  evaluate(key, ctx) {
    const active = isActiveKey(ctx, key);
    if (active === undefined) return ctx.unknown('missing_data:Status', { path: '/Status' });
    if (!active) return ctx.notApplicable();
    const user = String(ctx.get(key, '/UserName') ?? 'an unknown user');
    const lastUsed = readTime(ctx, key, '/LastUsedDate');
    if (lastUsed === undefined) return ctx.unknown('missing_data:LastUsedDate', { path: '/LastUsedDate' });
    if (lastUsed && !olderThanDays(lastUsed, ctx.now, WINDOW_DAYS)) return ctx.pass('used', { user, lastUsed: isoDay(lastUsed) });
    const created = readTime(ctx, key, '/CreateDate');
    if (!created) return ctx.unknown('missing_data:CreateDate', { path: '/CreateDate' });
    if (!olderThanDays(created, ctx.now, WINDOW_DAYS)) return ctx.pass('newKey', { user });
    return lastUsed
      ? ctx.fail('unused', { user, lastUsed: isoDay(lastUsed) }, { path: '/LastUsedDate' })
      : ctx.fail('neverUsed', { user, created: isoDay(created) }, { path: '/LastUsedDate' });
  },
});

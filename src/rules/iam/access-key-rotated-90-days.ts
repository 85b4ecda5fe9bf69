/**
 * Active IAM access keys are at most 90 days old (rotated at least every 90 days).
 *
 * N/A     the key is inactive (it cannot sign requests; deleting it is still tidy).
 * PASS    the active key was created at most 90 days ago (exactly 90 days is within).
 * FAIL    the active key is older than 90 days.
 * UNKNOWN the key's status or creation date could not be read.
 *
 * The 2026 checklist accepts compensating controls instead of rotation (a key inventory, CloudTrail monitoring of key
 * use and a revocation procedure): the catalog models them as the attested alternative `compensating-controls`,
 * which makes IAM-002 compliant through the roll-up even while this rule fails.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console
 */
import { defineRule } from '../../core/index.js';
import { daysSince, isoDay, olderThanDays, readTime } from '../_lib/dates.js';
import { isActiveKey } from '../_lib/iam-identities.js';

const MAX_AGE_DAYS = 90;

export default defineRule({
  meta: {
    id: 'access-key-rotated-90-days',
    title: 'Active IAM access keys are rotated at least every 90 days',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-002', gates: true, basis: 'the checklist asks that remaining long-term access keys be rotated at least every 90 days (CIS 1.13 / IAM.3), or compensating controls be in place' },
    ],
    resourceTypes: ['AWS::IAM::AccessKey'],
    sources: ['live'],
    rationale:
      'A long-lived key that is never rotated stays valid wherever it has leaked: old laptops, CI logs, a repository’s history. Rotation bounds how long a leaked key works; roles with temporary credentials remove the problem.',
    remediation: {
      summary: 'Replace the key with a role where possible; otherwise create a new key, switch the consumer to it, then deactivate and delete the old one.',
      console: [
        'Open IAM > Users > the user > Security credentials > Access keys.',
        'Create access key, update the application or CI secret to use it, and confirm the old key’s last use stops.',
        'Deactivate the old key, wait for nothing to break, then delete it.',
      ],
      cli: 'aws iam create-access-key --user-name <USER>\n# switch the consumer to the new key, then:\naws iam update-access-key --user-name <USER> --access-key-id <OLD_KEY_ID> --status Inactive\naws iam delete-access-key --user-name <USER> --access-key-id <OLD_KEY_ID>',
      links: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
        'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-3',
      ],
    },
    messages: {
      recent: 'Access key {{resource}} of {{user}} was created {{age}} days ago.',
      tooOld: 'Access key {{resource}} of {{user}} is {{age}} days old (created {{created}}); rotate it or replace it with a role.',
    },
    needs: ['iam:ListUsers', 'iam:ListAccessKeys'],
  },
  evaluate(key, ctx) {
    const active = isActiveKey(ctx, key);
    if (active === undefined) return ctx.unknown('missing_data:Status', { path: '/Status' });
    if (!active) return ctx.notApplicable();
    const created = readTime(ctx, key, '/CreateDate');
    if (!created) return ctx.unknown('missing_data:CreateDate', { path: '/CreateDate' });
    const user = String(ctx.get(key, '/UserName') ?? 'an unknown user');
    const age = daysSince(created, ctx.now);
    if (olderThanDays(created, ctx.now, MAX_AGE_DAYS)) return ctx.fail('tooOld', { user, age, created: isoDay(created) }, { path: '/CreateDate' });
    return ctx.pass('recent', { user, age });
  },
});

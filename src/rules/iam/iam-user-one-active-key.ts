/**
 * Each IAM user has at most one active access key.
 *
 * N/A     the user has no active access key.
 * PASS    the user has exactly one active key.
 * FAIL    (informs) the user has two active keys.
 * UNKNOWN the user's keys could not all be listed, or a key's status could not be read.
 *
 * Two active keys are normal for the minutes of a rotation; left in place they usually mean two holders of one
 * identity (a shared credential, IAM-004) or a rotation that never finished (IAM-002). CIS asks for one active key
 * per user (CIS 5.0 1.12), which the checklist does not tag, so the rule informs.
 * Code: the `AWS::IAM::AccessKey` resources (Terraform `aws_iam_access_key`) of the user; CloudFormation's `Status`
 * default is Active.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
 */
import { defineRule } from '../../core/index.js';
import { accessKeysOf, isActiveKey } from '../_lib/iam-identities.js';

export default defineRule({
  meta: {
    id: 'iam-user-one-active-key',
    title: 'Each IAM user has at most one active access key',
    severity: 'low',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-004', gates: false, basis: 'informs "no shared credentials": two active keys on one user often mean two holders' },
      { checklist: 'partner-hosted', id: 'IAM-002', gates: false, basis: 'informs the key inventory and rotation of IAM-002: a second active key is often a rotation left unfinished' },
    ],
    resourceTypes: ['AWS::IAM::User'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'Every active key is a separate long-term secret to protect. A second key that outlives a rotation doubles what can leak, and a key per consumer on one user hides which consumer did what.',
    remediation: {
      summary: 'Finish the rotation: move every consumer to one key, deactivate the other, then delete it. Give separate consumers separate roles.',
      console: ['Open IAM > Users > the user > Security credentials > Access keys.', 'Compare "Last used" of both keys; deactivate and then delete the one being retired.'],
      cli: 'aws iam list-access-keys --user-name <USER>\naws iam get-access-key-last-used --access-key-id <KEY_ID>\naws iam update-access-key --user-name <USER> --access-key-id <OLD_KEY_ID> --status Inactive\naws iam delete-access-key --user-name <USER> --access-key-id <OLD_KEY_ID>',
      links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console'],
    },
    messages: {
      oneKey: 'IAM user {{resource}} has one active access key.',
      twoActiveKeys: 'IAM user {{resource}} has {{count}} active access keys; one identity should have one key, held by one consumer.',
    },
    needs: ['iam:ListUsers', 'iam:ListAccessKeys'],
  },
  evaluate(user, ctx) {
    const keys = accessKeysOf(ctx, user);
    if (!keys.complete) return ctx.unknown(keys.reason ?? 'not_collected:AWS::IAM::AccessKey', { path: '@AWS::IAM::AccessKey' });
    const states = keys.resources.map((k) => isActiveKey(ctx, k));
    if (states.includes(undefined)) return ctx.unknown('missing_data:AccessKey.Status');
    const count = states.filter((s) => s === true).length;
    if (count === 0) return ctx.notApplicable();
    return count === 1 ? ctx.pass('oneKey') : ctx.fail('twoActiveKeys', { count }, { path: '@AWS::IAM::AccessKey' });
  },
});

/**
 * The root user of every account has no access keys.
 *
 * N/A     never: every account has a root user.
 * PASS    the account summary / credential report says no root access key exists.
 * FAIL    a root access key exists (active or not: an inactive key can be re-activated).
 * UNKNOWN the root facts could not be read (GetAccountSummary or the credential report denied).
 */
import { defineRule } from '../../core/index.js';

export default defineRule({
  meta: {
    id: 'root-no-access-keys',
    title: 'The root user has no access keys',
    severity: 'critical',
    requirements: [
      { checklist: 'partner-hosted', id: 'ARC-004', gates: true, basis: 'the checklist forbids access keys on the root user' },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'Root access keys carry unrestricted, unscoped power over the account and cannot be limited by IAM policy. A leaked root key is a full account compromise.',
    remediation: {
      summary: 'Delete the root user’s access keys; use IAM roles for automation.',
      console: [
        'Sign in as the root user and open Security credentials.',
        'Under Access keys, deactivate, then delete every key.',
      ],
      cli: '# Root keys can only be deleted while signed in as root, or centrally:\naws iam delete-access-key --access-key-id <ROOT_KEY_ID>  # run with root credentials\n# With Organizations centralized root access:\naws sts assume-root --target-principal <ACCOUNT_ID> --task-policy-arn arn=arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials',
      links: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user-access-management',
      ],
    },
    messages: {
      noKeys: 'The root user of account {{resource}} has no access keys.',
      hasKeys: 'The root user of account {{resource}} has an access key ({{active}} active).',
    },
    needs: ['iam:GetAccountSummary', 'iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  },
  evaluate(account, ctx) {
    const present = ctx.get(account, '/Root/AccessKeysPresent');
    if (typeof present !== 'boolean') return ctx.unknown('missing_data:Root.AccessKeysPresent', { path: '/Root/AccessKeysPresent' });
    if (!present) return ctx.pass('noKeys');
    const active = [ctx.get(account, '/Root/AccessKey1Active'), ctx.get(account, '/Root/AccessKey2Active')].filter((v) => v === true).length;
    return ctx.fail('hasKeys', { active }, { path: '/Root/AccessKeysPresent' });
  },
});

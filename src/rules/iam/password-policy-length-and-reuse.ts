/**
 * The account password policy requires at least 14 characters and prevents reuse of the last 24 passwords.
 *
 * N/A     never: every account has a password policy, or IAM's default (which fails).
 * PASS    `MinimumPasswordLength` ≥ 14 and `PasswordReusePrevention` ≥ 24.
 * FAIL    no custom policy (IAM's default allows 8 characters and reuse); a shorter minimum length; reuse prevention
 *         below 24 or not set — one outcome per shortfall.
 * UNKNOWN GetAccountPasswordPolicy was denied.
 *
 * IAM omits `PasswordReusePrevention` from the policy when it is not set, so its absence inside a policy means "not
 * set". Complexity flags are informed by `password-policy-complexity`; CIS 5.0 asks only for length and reuse.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */
import { defineRule, type Outcome } from '../../core/index.js';
import { isRecord } from '../_lib/values.js';

const MIN_LENGTH = 14;
const MIN_REUSE_PREVENTION = 24;

export default defineRule({
  meta: {
    id: 'password-policy-length-and-reuse',
    title: 'The IAM password policy requires 14+ characters and blocks reuse of the last 24',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-003', gates: true, basis: 'the checklist asks for a strong password policy and tags it with CIS 1.7 (length ≥ 14) and 1.8 (reuse prevention ≥ 24)' },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'Long passwords resist guessing and cracking far better than short complex ones, and blocking reuse stops users from cycling back to a password that has already leaked.',
    remediation: {
      summary: 'Set the account password policy to a minimum length of 14 and a reuse prevention of 24.',
      console: [
        'Open IAM > Account settings > Password policy > Edit.',
        'Choose Custom, set Minimum password length to 14 and Prevent password reuse to 24, then save.',
      ],
      cli: 'aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 \\\n  --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password',
      terraform: 'resource "aws_iam_account_password_policy" "this" {\n  minimum_password_length        = 14\n  password_reuse_prevention      = 24\n  require_symbols                = true\n  require_numbers                = true\n  require_uppercase_characters   = true\n  require_lowercase_characters   = true\n  allow_users_to_change_password = true\n}',
      links: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
        'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-15',
        'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-16',
      ],
    },
    messages: {
      strong: 'The password policy of account {{resource}} requires {{length}} characters and blocks reuse of the last {{reuse}} passwords.',
      noPolicy: 'Account {{resource}} has no password policy: IAM’s default allows 8-character passwords and reuse.',
      tooShort: 'The password policy of account {{resource}} allows {{length}}-character passwords; at least 14 are needed.',
      reuseAllowed: 'The password policy of account {{resource}} blocks reuse of only the last {{reuse}} passwords; 24 are needed.',
      reuseUnset: 'The password policy of account {{resource}} does not prevent password reuse; it must block reuse of the last 24 passwords.',
    },
    needs: ['iam:GetAccountPasswordPolicy'],
  },
  evaluate(account, ctx) {
    const policy = ctx.get(account, '/PasswordPolicy');
    if (policy === null) return ctx.fail('noPolicy', {}, { path: '/PasswordPolicy' });
    if (!isRecord(policy)) return ctx.unknown('missing_data:PasswordPolicy', { path: '/PasswordPolicy' });
    const length = policy['MinimumPasswordLength'];
    if (typeof length !== 'number') return ctx.unknown('missing_data:PasswordPolicy.MinimumPasswordLength', { path: '/PasswordPolicy/MinimumPasswordLength' });
    const reuseValue = policy['PasswordReusePrevention'];
    const reuse = typeof reuseValue === 'number' ? reuseValue : 0;
    const outcomes: Outcome[] = [];
    if (length < MIN_LENGTH) outcomes.push(ctx.fail('tooShort', { length }, { path: '/PasswordPolicy/MinimumPasswordLength' }));
    if (reuse < MIN_REUSE_PREVENTION) {
      const path = '/PasswordPolicy/PasswordReusePrevention';
      outcomes.push(reuse === 0 ? ctx.fail('reuseUnset', {}, { path }) : ctx.fail('reuseAllowed', { reuse }, { path }));
    }
    return outcomes.length > 0 ? outcomes : ctx.pass('strong', { length, reuse });
  },
});

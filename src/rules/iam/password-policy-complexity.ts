/**
 * The account password policy requires upper- and lower-case letters, numbers and symbols.
 *
 * N/A     the account has no password policy (`password-policy-length-and-reuse` reports that).
 * PASS    all four character classes are required.
 * FAIL    (informs) one or more classes are not required; the data lists which.
 * UNKNOWN GetAccountPasswordPolicy was denied.
 *
 * Informing only: CIS 5.0, which the 2026 checklist tags IAM-003 with, asks for length and reuse prevention, and NIST
 * SP 800-63B advises against composition rules. Reviewers working from the older CIS 1.x set (and Security Hub
 * IAM.7) still look at them, so the rule shows them beside the gating one.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-7
 */
import { defineRule } from '../../core/index.js';
import { isRecord } from '../_lib/values.js';

const CLASSES = [
  ['RequireUppercaseCharacters', 'upper-case letters'],
  ['RequireLowercaseCharacters', 'lower-case letters'],
  ['RequireNumbers', 'numbers'],
  ['RequireSymbols', 'symbols'],
] as const;

export default defineRule({
  meta: {
    id: 'password-policy-complexity',
    title: 'The IAM password policy requires letters of both cases, numbers and symbols',
    severity: 'low',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-003', gates: false, basis: 'informs "strong password policy": the character-class flags older CIS versions and Security Hub IAM.7 look at' },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'Length does most of the work against guessing; character-class rules add little but are still expected by some reviewers and older benchmarks. Requiring them costs nothing once users have a password manager.',
    remediation: {
      summary: 'Turn on the four character-class requirements in the account password policy, keeping length 14+ and reuse prevention 24.',
      console: ['Open IAM > Account settings > Password policy > Edit.', 'Tick the upper-case, lower-case, number and non-alphanumeric requirements and save.'],
      cli: 'aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 \\\n  --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password',
      terraform: 'resource "aws_iam_account_password_policy" "this" {\n  minimum_password_length      = 14\n  password_reuse_prevention    = 24\n  require_symbols              = true\n  require_numbers              = true\n  require_uppercase_characters = true\n  require_lowercase_characters = true\n}',
      links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html'],
    },
    messages: {
      allClasses: 'The password policy of account {{resource}} requires all four character classes.',
      missingClasses: 'The password policy of account {{resource}} does not require {{missing}}.',
    },
    needs: ['iam:GetAccountPasswordPolicy'],
  },
  evaluate(account, ctx) {
    const policy = ctx.get(account, '/PasswordPolicy');
    if (policy === null) return ctx.notApplicable();
    if (!isRecord(policy)) return ctx.unknown('missing_data:PasswordPolicy', { path: '/PasswordPolicy' });
    const missing = CLASSES.filter(([flag]) => policy[flag] !== true).map(([, label]) => label);
    return missing.length === 0 ? ctx.pass('allClasses') : ctx.fail('missingClasses', { missing: missing.join(', ') }, { path: '/PasswordPolicy' });
  },
});

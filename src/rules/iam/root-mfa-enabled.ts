/**
 * The root user of every account has MFA.
 *
 * N/A     never: the credential report always has a root row.
 * PASS    the credential report / account summary says root MFA is active (data says whether it is a hardware device).
 * FAIL    root MFA is not active.
 * UNKNOWN the root facts could not be read (credential report or GetAccountSummary denied).
 *
 * ARC-003 exists in the checklist versions 2021_q4_v1 to 2025_08 only; the Feb 2026 text dropped it (AWS now enforces
 * root MFA itself). A member account whose root credentials were deleted through centralized root access has no
 * root password to protect: waive the finding there, citing the organization's root credentials management.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html
 */
import { defineRule } from '../../core/index.js';

export default defineRule({
  meta: {
    id: 'root-mfa-enabled',
    title: 'The root user has MFA enabled',
    severity: 'critical',
    requirements: [
      { checklist: 'partner-hosted', id: 'ARC-003', gates: true, basis: 'the checklist asks for MFA on the root user of every account whose root password exists (CIS 1.5 / IAM.9)' },
      { checklist: 'partner-hosted', id: 'IAM-001', gates: false, basis: 'informs "MFA for every human identity": root is signed in to by a person' },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'The root user can do anything in the account, including closing it, and no IAM policy restricts it. Without MFA, a phished or reused root password is a full account takeover.',
    remediation: {
      summary: 'Register an MFA device (preferably a FIDO2 security key or hardware token) for the root user, or delete root credentials through centralized root access.',
      console: [
        'Sign in as the root user and open Security credentials (account menu > Security credentials).',
        'Under Multi-factor authentication (MFA), choose Assign MFA device and follow the steps; register a second device as a backup.',
        'For member accounts of an organization, consider IAM > Root access management to remove root credentials instead.',
      ],
      cli: '# Check root MFA (1 = enabled):\naws iam get-account-summary --query SummaryMap.AccountMFAEnabled\n# Root MFA can only be assigned while signed in as root (console).',
      links: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
        'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-9',
      ],
    },
    messages: {
      mfaActive: 'The root user of account {{resource}} has MFA enabled (hardware device: {{hardware}}).',
      noMfa: 'The root user of account {{resource}} has no MFA device.',
    },
    needs: ['iam:GetAccountSummary', 'iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:ListVirtualMFADevices'],
  },
  evaluate(account, ctx) {
    const active = ctx.get(account, '/Root/MfaActive');
    if (typeof active !== 'boolean') return ctx.unknown('missing_data:Root.MfaActive', { path: '/Root/MfaActive' });
    if (!active) return ctx.fail('noMfa', {}, { path: '/Root/MfaActive' });
    const hardware = ctx.unknownAt(account, '/Root/HardwareMfa') ? undefined : ctx.get(account, '/Root/HardwareMfa');
    return ctx.pass('mfaActive', { hardware: typeof hardware === 'boolean' ? (hardware ? 'yes' : 'no') : 'not known' });
  },
});

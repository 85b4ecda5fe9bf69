/**
 * Every IAM user that can sign in to the console has MFA.
 *
 * N/A     the user has no console password: it is not a human console identity (its keys are judged by the
 *         access-key rules).
 * PASS    the user has a console password and an active MFA device.
 * FAIL    the user has a console password and no MFA device — signed in or not, the password works.
 * UNKNOWN the credential report (or the user's login profile / MFA devices) could not be read.
 *
 * The credential report can be up to four hours old. MFA for people who sign in through IAM Identity Center or an
 * external identity provider is enforced there and no public API shows it: that is the evidence piece of IAM-001
 * (a screenshot of the MFA settings), not this rule's job.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html
 */
import { defineRule } from '../../core/index.js';
import { hasConsolePassword, hasMfa } from '../_lib/iam-identities.js';

export default defineRule({
  meta: {
    id: 'iam-user-console-mfa',
    title: 'IAM users with a console password have MFA',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-001', gates: true, basis: 'the checklist asks for MFA on every human identity; an IAM user with a console password is one (CIS 1.9 / IAM.5)' },
    ],
    resourceTypes: ['AWS::IAM::User'],
    sources: ['live'],
    rationale:
      'A console password alone falls to phishing, reuse and guessing. MFA stops a stolen password from becoming a session in the account.',
    remediation: {
      summary: 'Assign an MFA device to every IAM user with a console password, or move people to IAM Identity Center and remove their IAM passwords.',
      console: [
        'Open IAM > Users > the user > Security credentials.',
        'Under Multi-factor authentication (MFA), choose Assign MFA device (a FIDO2 security key or an authenticator app).',
        'Add a policy that denies everything but MFA self-management without aws:MultiFactorAuthPresent, so users must enrol.',
      ],
      cli: '# Users with a password and no MFA:\naws iam generate-credential-report && aws iam get-credential-report --query Content --output text | base64 -d | awk -F, \'$4=="true" && $8=="false" {print $1}\'\n# A user who no longer needs the console:\naws iam delete-login-profile --user-name <USER>',
      links: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html',
        'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-5',
      ],
    },
    messages: {
      hasMfa: 'IAM user {{resource}} signs in to the console with MFA.',
      noMfa: 'IAM user {{resource}} has a console password and no MFA device.',
    },
    needs: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:GetLoginProfile', 'iam:ListMFADevices'],
    notes:
      'MFA enforced in IAM Identity Center or an external identity provider is not visible through AWS APIs; attach a screenshot of those settings as the IAM-001 evidence.',
  },
  evaluate(user, ctx) {
    const password = hasConsolePassword(ctx, user);
    if (password === undefined) return ctx.unknown('missing_data:CredentialReport.PasswordEnabled', { path: '/CredentialReport' });
    if (!password) return ctx.notApplicable();
    const mfa = hasMfa(ctx, user);
    if (mfa === undefined) return ctx.unknown('missing_data:CredentialReport.MfaActive', { path: '/CredentialReport' });
    return mfa ? ctx.pass('hasMfa') : ctx.fail('noMfa', {}, { path: '/CredentialReport/MfaActive' });
  },
});

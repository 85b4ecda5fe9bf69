/**
 * Every account names billing, operations and security alternate contacts.
 *
 * N/A     never: every account receives AWS notices.
 * PASS    all three alternate contacts are set.
 * FAIL    a contact is not set — one outcome per missing contact, its type in the data.
 * UNKNOWN the contacts could not be read (GetAlternateContact denied; from the management account it needs trusted
 *         access for the Account Management service) — per contact when only one read failed.
 *
 * Whether each address reaches a group rather than a person is for the partner to confirm (the evidence piece).
 * https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html
 */
import { defineRule } from '../../core/index.js';
import { isRecord } from '../_lib/values.js';

const CONTACT_TYPES = [
  ['Billing', 'billing'],
  ['Operations', 'operations'],
  ['Security', 'security'],
] as const;

export default defineRule({
  meta: {
    id: 'alternate-contacts-set',
    title: 'Billing, operations and security alternate contacts are set',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'ACOM-001', gates: true, basis: 'the checklist asks for billing, operations and security alternate contacts on every account (CIS 1.2 / Account.1 for security)' },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'AWS sends billing, operational (health, abuse) and security notices to the alternate contacts. Without them, notices go only to the root email address, which is often unread, and a compromise or abuse report can go unnoticed.',
    remediation: {
      summary: 'Set the billing, operations and security alternate contacts of every account to team distribution lists.',
      console: [
        'Open the Account page (account menu > Account) of each account, or AWS Organizations > the account > Contact info.',
        'Under Alternate contacts, choose Edit and fill in Billing, Operations and Security with a distribution list address and a shared phone number.',
      ],
      cli: 'for TYPE in BILLING OPERATIONS SECURITY; do\n  aws account put-alternate-contact --alternate-contact-type "$TYPE" \\\n    --name "Cloud team" --title "Distribution list" \\\n    --email-address "aws-$(echo $TYPE | tr A-Z a-z)@example.com" --phone-number "+1-555-0100"\n  # add --account-id <ID> to set a member account from the management account\ndone',
      terraform: 'resource "aws_account_alternate_contact" "security" {\n  alternate_contact_type = "SECURITY"\n  name                   = "Security team"\n  title                  = "Distribution list"\n  email_address          = "aws-security@example.com"\n  phone_number           = "+1-555-0100"\n}\n# repeat with BILLING and OPERATIONS',
      links: [
        'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html',
        'https://docs.aws.amazon.com/securityhub/latest/userguide/account-controls.html#account-1',
      ],
    },
    messages: {
      allSet: 'Account {{resource}} has billing, operations and security alternate contacts.',
      missingContact: 'Account {{resource}} has no {{contactType}} alternate contact.',
    },
    needs: ['account:GetAlternateContact'],
  },
  evaluate(account, ctx) {
    // Each contact is read on its own: one denied read leaves the other two judged.
    const outcomes = CONTACT_TYPES.flatMap(([key, contactType]) => {
      const path = `/AlternateContacts/${key}`;
      const mark = ctx.unknownAt(account, path);
      if (mark) return [ctx.unknown(mark.reason, { path })];
      const contact = ctx.get(account, path);
      if (contact === null) return [ctx.fail('missingContact', { contactType }, { path })];
      if (!isRecord(contact)) return [ctx.unknown(`missing_data:AlternateContacts.${key}`, { path })];
      return [];
    });
    return outcomes.length > 0 ? outcomes : ctx.pass('allSet');
  },
});

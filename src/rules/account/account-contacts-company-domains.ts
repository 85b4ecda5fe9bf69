/**
 * The root (primary) email address and the alternate contact addresses of every account are on the company's own
 * email domains.
 *
 * N/A     never: every account has a root email address.
 * PASS    every address read is on a domain of `emailDomains` in ftr.yaml, or a subdomain of one.
 * FAIL    an address is on a public free-mail domain (gmail.com, outlook.com …) — even when ftr.yaml names no domains,
 *         since no company owns those; or it is on a domain that is not the company's; or it is not an address.
 *         One outcome per address, the contact and the domain in the data (never the full address).
 * UNKNOWN ftr.yaml names no `emailDomains` (reason `missing_fact:emailDomains`) for an address that is not free mail;
 *         or an address could not be read (GetPrimaryEmail answers only from the management account or the Account
 *         Management delegated administrator; a standalone account's root email cannot be read — waive that unknown
 *         with the address in the reason once you have checked it).
 *
 * Alternate contacts that are not set are the business of `alternate-contacts-set`. Phone numbers cannot be matched
 * to an owner; the partner confirms them (the evidence piece).
 * https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-root-user-email.html
 */
import { defineRule, type Outcome } from '../../core/index.js';
import { emailDomain, isFreeMail, onOwnDomain } from '../_lib/email-domains.js';

/** Where each address sits, and the object that must exist for it (null = the contact is not set). */
const ADDRESSES = [
  ['/PrimaryEmail', '', 'root (primary)'],
  ['/AlternateContacts/Billing/EmailAddress', '/AlternateContacts/Billing', 'billing'],
  ['/AlternateContacts/Operations/EmailAddress', '/AlternateContacts/Operations', 'operations'],
  ['/AlternateContacts/Security/EmailAddress', '/AlternateContacts/Security', 'security'],
] as const;

export default defineRule({
  meta: {
    id: 'account-contacts-company-domains',
    title: 'Root and alternate contact email addresses are on the company’s own domains',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'ACOM-002', gates: true, basis: 'the checklist asks that account contact details, including the root email, be owned by the company: an address on another domain is not' },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'Whoever controls the root email address can reset the root password and take the account. An address on a personal or free-mail mailbox leaves the account with whoever owns that mailbox when they leave, and AWS notices stop reaching the company.',
    remediation: {
      summary: 'Move the root email and every alternate contact to company-owned distribution lists on your own domain.',
      console: [
        'Root email: sign in as root (or, for a member account, use AWS Organizations > the account > Account details in the management account) and change the email address.',
        'Alternate contacts: Account page > Alternate contacts > Edit; use distribution lists on your domain.',
        'List your domains under product.emailDomains in ftr.yaml so the check can judge them.',
      ],
      cli: '# Member accounts, from the management account:\naws account start-primary-email-update --account-id <ID> --primary-email aws-root+<ID>@example.com\naws account accept-primary-email-update --account-id <ID> --primary-email aws-root+<ID>@example.com --otp <CODE>\naws account put-alternate-contact --account-id <ID> --alternate-contact-type SECURITY --name "Security team" --title "Distribution list" --email-address aws-security@example.com --phone-number "+1-555-0100"',
      terraform: 'resource "aws_account_primary_contact" "this" { /* postal contact */ }\nresource "aws_account_alternate_contact" "security" {\n  alternate_contact_type = "SECURITY"\n  name                   = "Security team"\n  title                  = "Distribution list"\n  email_address          = "aws-security@example.com"\n  phone_number           = "+1-555-0100"\n}',
      links: [
        'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-root-user-email.html',
        'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html',
      ],
    },
    messages: {
      companyDomains: 'The contact addresses of account {{resource}} ({{count}}) are on the company’s domains.',
      freeMail: 'The {{contact}} email of account {{resource}} is on the free-mail domain {{domain}}, which the company does not own.',
      otherDomain: 'The {{contact}} email of account {{resource}} is on {{domain}}, which is not one of the company’s email domains.',
      notAnAddress: 'The {{contact}} email of account {{resource}} is not a valid email address.',
    },
    needs: ['account:GetPrimaryEmail', 'organizations:DescribeAccount', 'account:GetAlternateContact'],
  },
  evaluate(account, ctx) {
    const own = ctx.facts.emailDomains;
    const outcomes: Outcome[] = [];
    let judged = 0;
    for (const [path, holder, contact] of ADDRESSES) {
      const mark = ctx.unknownAt(account, path);
      if (mark) {
        outcomes.push(ctx.unknown(mark.reason, { path }));
        continue;
      }
      // An alternate contact that is not set (null) has no address to judge; one not collected is not known.
      if (holder !== '' && ctx.get(account, holder) === null) continue;
      const address = ctx.get(account, path);
      if (address === undefined || address === null) {
        outcomes.push(ctx.unknown(`missing_data:${path.slice(1).replace(/\//g, '.')}`, { path }));
        continue;
      }
      const domain = typeof address === 'string' ? emailDomain(address) : undefined;
      if (domain === undefined) outcomes.push(ctx.fail('notAnAddress', { contact }, { path }));
      else if (isFreeMail(domain)) outcomes.push(ctx.fail('freeMail', { contact, domain }, { path }));
      else if (own.length === 0) outcomes.push(ctx.unknown('missing_fact:emailDomains', { path }));
      else if (!onOwnDomain(domain, own)) outcomes.push(ctx.fail('otherDomain', { contact, domain }, { path }));
      else judged++;
    }
    return outcomes.length > 0 ? outcomes : ctx.pass('companyDomains', { count: judged });
  },
});

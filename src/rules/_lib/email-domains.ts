/**
 * Email domains for the contact-ownership check (ACOM-002): which domain an address is on, whether that domain is
 * one of the company's (a subdomain counts: `aws@ops.acme.example` is on `acme.example`), and whether it is a
 * public free-mail service that no company owns.
 */

/** Widely used consumer mail services. An address on one of them belongs to a person, never to the company. */
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com', 'yahoo.com',
  'yahoo.co.uk', 'yahoo.co.jp', 'ymail.com', 'rocketmail.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com',
  'proton.me', 'protonmail.com', 'pm.me', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'zoho.com',
  'yandex.com', 'yandex.ru', 'mail.ru', 'qq.com', '163.com', '126.com', 'naver.com', 'fastmail.com', 'tutanota.com',
  'hey.com',
]);

/** The lower-cased domain of an address, or undefined when the value is not an address. */
export function emailDomain(address: string): string | undefined {
  const at = address.trim().lastIndexOf('@');
  if (at <= 0) return undefined;
  const domain = address.trim().slice(at + 1).toLowerCase().replace(/\.$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : undefined;
}

/** Whether `domain` is one of `own` or a subdomain of one. */
export function onOwnDomain(domain: string, own: readonly string[]): boolean {
  return own.some((d) => {
    const mine = d.toLowerCase();
    return domain === mine || domain.endsWith(`.${mine}`);
  });
}

export function isFreeMail(domain: string): boolean {
  return FREE_MAIL.has(domain);
}

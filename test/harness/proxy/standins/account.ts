// Test-only: account-level facts moto cannot model: the root user (credential report row, account summary flags),
// contact information and primary email, the support plan, and IAM's organization features.
import { errorReply, jsonReply, queryReply, type Reply } from '../protocol.js';
import type { AccountScenario, RootUser } from '../scenario.js';
import { escapeXml, findElement, splice } from '../xml.js';
import type { StandIn, StandInContext } from './types.js';

const IAM_XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';

function targetAccount(ctx: StandInContext): AccountScenario {
  const id = ctx.input().AccountId;
  return typeof id === 'string' && id ? ctx.accountOf(id) : ctx.account;
}

/** AWS writes credential report times as `2020-01-01T00:00:00+00:00`. */
function reportTime(date: Date | undefined, missing: string): string {
  return date ? date.toISOString().replace(/\.\d{3}Z$/, '+00:00') : missing;
}

function rootRow(columns: string[], accountId: string, root: RootUser): string {
  const values: Record<string, string> = {
    user: '<root_account>',
    arn: `arn:aws:iam::${accountId}:root`,
    user_creation_time: reportTime(root.createdAt, 'N/A'),
    password_enabled: 'not_supported',
    password_last_used: reportTime(root.passwordLastUsed, 'no_information'),
    password_last_changed: 'not_supported',
    password_next_rotation: 'not_supported',
    mfa_active: String(root.mfaEnabled),
    access_key_1_active: String(root.accessKeysPresent),
    access_key_1_last_used_date: root.accessKeysPresent ? reportTime(root.accessKey1LastUsed, 'N/A') : 'N/A',
    access_key_2_active: String(root.accessKey2Active ?? false),
    cert_1_active: 'false',
    cert_2_active: 'false',
  };
  return columns.map((column) => values[column] ?? 'N/A').join(',');
}

const credentialReport: StandIn = {
  service: 'iam',
  operation: 'GetCredentialReport',
  patch(ctx, upstream) {
    if (upstream.status !== 200) return upstream;
    const xml = upstream.body.toString('utf8');
    const content = findElement(xml, 'Content');
    if (!content) return upstream;
    const csv = Buffer.from(xml.slice(content.innerStart, content.innerEnd).trim(), 'base64').toString('utf8');
    const lines = csv.split('\n');
    if (lines.some((line) => line.startsWith('<root_account>,'))) return upstream;
    const columns = (lines[0] ?? '').split(',');
    lines.splice(1, 0, rootRow(columns, ctx.accountId, ctx.account.root));
    const patched = splice(xml, content.innerStart, content.innerEnd, Buffer.from(lines.join('\n'), 'utf8').toString('base64'));
    return { ...upstream, body: Buffer.from(patched) };
  },
};

const accountSummary: StandIn = {
  service: 'iam',
  operation: 'GetAccountSummary',
  patch(ctx, upstream) {
    if (upstream.status !== 200) return upstream;
    const { mfaEnabled, accessKeysPresent } = ctx.account.root;
    const set = (xml: string, key: string, value: boolean): string =>
      xml.replace(new RegExp(`(<key>${key}</key>\\s*<value>)\\d+(</value>)`), `$1${value ? 1 : 0}$2`);
    const xml = set(set(upstream.body.toString('utf8'), 'AccountMFAEnabled', mfaEnabled), 'AccountAccessKeysPresent', accessKeysPresent);
    return { ...upstream, body: Buffer.from(xml) };
  },
};

const organizationsFeatures: StandIn = {
  service: 'iam',
  operation: 'ListOrganizationsFeatures',
  answer(ctx) {
    const features = ctx.account.organizationsFeatures;
    if (!features) {
      return errorReply('query', 'OrganizationNotFoundException', 400, 'The request failed because your account is not a member of an organization.');
    }
    const members = features.enabledFeatures.map((f) => `<member>${escapeXml(f)}</member>`).join('');
    return queryReply(
      'ListOrganizationsFeatures',
      `<OrganizationId>${escapeXml(features.organizationId)}</OrganizationId><EnabledFeatures>${members}</EnabledFeatures>`,
      IAM_XMLNS,
    );
  },
};

const getContactInformation: StandIn = {
  service: 'account',
  operation: 'GetContactInformation',
  answer(ctx) {
    const info = targetAccount(ctx).contactInformation;
    if (!info) return errorReply('restJson', 'ResourceNotFoundException', 404, 'No contact information found for this account.');
    return jsonReply('restJson', { ContactInformation: info });
  },
};

const putContactInformation: StandIn = {
  service: 'account',
  operation: 'PutContactInformation',
  answer(ctx) {
    const info = ctx.input().ContactInformation;
    if (!info || typeof info !== 'object') return errorReply('restJson', 'ValidationException', 400, 'ContactInformation is required.');
    targetAccount(ctx).contactInformation = info as AccountScenario['contactInformation'];
    return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('') };
  },
};

const getPrimaryEmail: StandIn = {
  service: 'account',
  operation: 'GetPrimaryEmail',
  answer: (ctx) => jsonReply('restJson', { PrimaryEmail: targetAccount(ctx).primaryEmail }),
};

const SEVERITY_NAMES: Record<string, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent', critical: 'Critical' };

const severityLevels: StandIn = {
  service: 'support',
  operation: 'DescribeSeverityLevels',
  answer(ctx): Reply {
    const tier = ctx.account.supportTier;
    if (tier === 'basic' || tier === 'developer') {
      return errorReply('json', 'SubscriptionRequiredException', 400, 'AWS Premium Support Subscription is required to use this service.');
    }
    const codes = ['low', 'normal', 'high', 'urgent', ...(tier === 'business' ? [] : ['critical'])];
    return jsonReply('json', { severityLevels: codes.map((code) => ({ code, name: SEVERITY_NAMES[code] })) });
  },
};

export const accountStandIns: StandIn[] = [
  credentialReport,
  accountSummary,
  organizationsFeatures,
  getContactInformation,
  putContactInformation,
  getPrimaryEmail,
  severityLevels,
];

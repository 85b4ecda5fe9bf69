/**
 * Facts about IAM users, roles and access keys that several rules share: who is a console (human) user, which
 * identities are exempt from least-privilege findings, and which keys are active. Reads go through the context, so
 * a value the scan could not read ends the evaluation as `unknown`.
 */
import type { RelatedResult, Resource, RuleContext } from '../../core/index.js';
import { markAbove } from './code-values.js';

/** Service-linked roles belong to an AWS service: their trust and permissions are set by AWS and cannot be edited. */
export function isServiceLinkedRole(ctx: RuleContext, role: Resource): boolean {
  if (ctx.get(role, '/ServiceLinked') === true) return true;
  const path = ctx.get(role, '/Path');
  return typeof path === 'string' && path.startsWith('/aws-service-role/');
}

const BREAK_GLASS_NAME = /break[-_.]?glass/i;
const BREAK_GLASS_TAG = /^(ftr[-:])?break[-_]?glass$/i;

/**
 * A break-glass identity: emergency access kept on purpose with full rights, named so (`break-glass-admin`) or
 * tagged `break-glass=true` (also `BreakGlass`, `ftr:break-glass`). The tag is the user's own word; it stays visible
 * in the finding's message.
 */
export function isBreakGlass(identity: Resource, name: string): boolean {
  if (BREAK_GLASS_NAME.test(name)) return true;
  return Object.entries(identity.tags).some(([key, value]) => BREAK_GLASS_TAG.test(key) && /^(true|yes|1)$/i.test(value.trim()));
}

/** The name of an identity: its CloudFormation name property, else its resource name or physical id. */
export function identityName(identity: Resource): string {
  const property = identity.type === 'AWS::IAM::User' ? 'UserName' : identity.type === 'AWS::IAM::Role' ? 'RoleName' : 'GroupName';
  const value = identity.properties[property];
  return typeof value === 'string' ? value : (identity.name ?? identity.physicalId ?? identity.uid);
}

/**
 * Reads a credential-report column, falling back to the per-user IAM data when the report could not be read or lacks
 * the column. When neither is known: undefined if nothing marks it unknown (not collected), else the report's unknown
 * mark ends the evaluation through `ctx.get`.
 */
function reportOr(ctx: RuleContext, user: Resource, column: string, fallback: () => boolean | undefined): boolean | undefined {
  const pointer = `/CredentialReport/${column}`;
  const mark = ctx.unknownAt(user, pointer);
  if (!mark) {
    const value = ctx.get(user, pointer);
    if (typeof value === 'boolean') return value;
  }
  const other = fallback();
  if (other === undefined && mark) ctx.get(user, pointer);
  return other;
}

/**
 * Whether the user can sign in to the console. Live: the credential report's `password_enabled`, else the login
 * profile (present = a password, null = none); code: a `LoginProfile` (CloudFormation's console password).
 * Undefined when the live data was not collected.
 */
export function hasConsolePassword(ctx: RuleContext, user: Resource): boolean | undefined {
  if (user.source !== 'live') {
    // Only whether the profile exists matters: its password is usually (and rightly) unknown to a template.
    if (markAbove(ctx, user, '/LoginProfile')) ctx.get(user, '/LoginProfile');
    const profile = user.properties['LoginProfile'];
    return profile !== undefined && profile !== null;
  }
  return reportOr(ctx, user, 'PasswordEnabled', () => {
    const profile = ctx.get(user, '/LoginProfile');
    return profile === undefined ? undefined : profile !== null;
  });
}

/** Whether the user has an MFA device: the credential report's `mfa_active`, else the listed MFA devices. */
export function hasMfa(ctx: RuleContext, user: Resource): boolean | undefined {
  return reportOr(ctx, user, 'MfaActive', () => {
    const devices = ctx.get(user, '/MfaDevices');
    return Array.isArray(devices) ? devices.length > 0 : undefined;
  });
}

/** Whether an access key is active. CloudFormation defaults `Status` to Active; live keys always carry it. */
export function isActiveKey(ctx: RuleContext, key: Resource): boolean | undefined {
  const status = ctx.get(key, '/Status');
  if (status === undefined && key.source !== 'live') return true;
  return status === 'Active' ? true : status === 'Inactive' ? false : undefined;
}

/** The access keys of a user; `complete` is false when the keys could not all be listed. */
export function accessKeysOf(ctx: RuleContext, user: Resource): RelatedResult {
  return ctx.related(user, 'AWS::IAM::AccessKey', 'UserName');
}

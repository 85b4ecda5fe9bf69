/**
 * The root user as `AWS::Account.Root` (docs/resource-model.md), from three IAM answers: the credential report's
 * `<root_account>` row (keys, last use), GetAccountSummary (the live word on root MFA and root keys; the report may be
 * up to four hours old, so it only fills in) and the assigned virtual MFA devices (hardware or virtual MFA).
 */
import type { UnknownMark } from '../../core/index.js';
import { reportBool, reportTime, type ReportRow } from './credential-report.js';

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface RootInputs {
  /** The report's root row (undefined: the report has none). */
  report: Outcome<ReportRow | undefined>;
  summary: Outcome<Record<string, number>>;
  virtualMfa: Outcome<Array<{ serial: string; user: string }>>;
}

export function rootFacts(account: string, { report, summary, virtualMfa }: RootInputs): { value: Record<string, unknown>; unknown: UnknownMark[] } {
  const unknown: UnknownMark[] = [];
  const value: Record<string, unknown> = {};
  const row = report.ok ? report.value : undefined;
  const reportReason = report.ok ? 'missing_data:CredentialReport.root_account' : report.reason;

  if (row) {
    value['AccessKey1Active'] = reportBool(row, 'access_key_1_active') ?? false;
    value['AccessKey2Active'] = reportBool(row, 'access_key_2_active') ?? false;
    value['PasswordLastUsed'] = reportTime(row, 'password_last_used');
    value['AccessKey1LastUsed'] = reportTime(row, 'access_key_1_last_used_date');
    value['AccessKey2LastUsed'] = reportTime(row, 'access_key_2_last_used_date');
  } else {
    for (const key of ['AccessKey1Active', 'AccessKey2Active', 'PasswordLastUsed', 'AccessKey1LastUsed', 'AccessKey2LastUsed']) unknown.push({ path: `/${key}`, reason: reportReason });
  }

  const fromSummary = (key: string) => {
    const count = summary.ok ? summary.value[key] : undefined;
    return typeof count === 'number' ? count > 0 : undefined;
  };
  const mfa = fromSummary('AccountMFAEnabled') ?? (row ? reportBool(row, 'mfa_active') : undefined);
  const keys = fromSummary('AccountAccessKeysPresent') ?? (row ? keysInReport(row) : undefined);
  const reason = row ? (summary.ok ? 'missing_data:AccountSummary' : summary.reason) : reportReason;
  if (mfa === undefined) unknown.push({ path: '/MfaActive', reason });
  else value['MfaActive'] = mfa;
  if (keys === undefined) unknown.push({ path: '/AccessKeysPresent', reason });
  else value['AccessKeysPresent'] = keys;

  // Root's virtual MFA device is listed with the root ARN as its user; an MFA without one is a hardware device or a
  // FIDO security key.
  if (mfa === false) value['HardwareMfa'] = null;
  else if (mfa === undefined) unknown.push({ path: '/HardwareMfa', reason });
  else if (!virtualMfa.ok) unknown.push({ path: '/HardwareMfa', reason: virtualMfa.reason });
  else value['HardwareMfa'] = !virtualMfa.value.some((d) => d.user.endsWith(`:${account}:root`) || d.serial.endsWith(':mfa/root-account-mfa-device'));
  return { value, unknown: unknown.map((m) => ({ path: `/Root${m.path}`, reason: m.reason })) };
}

/** A root key exists, active or not: an inactive key still has a rotation date. */
function keysInReport(row: ReportRow): boolean {
  return [1, 2].some((n) => reportBool(row, `access_key_${n}_active`) === true || reportTime(row, `access_key_${n}_last_rotated`) !== null);
}

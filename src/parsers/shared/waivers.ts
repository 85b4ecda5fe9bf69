import type { Suppression } from '../../core/index.js';

export const MIN_REASON_LENGTH = 10;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RULE_ID = /^[a-z0-9*?]+(-[a-z0-9*?]+)*$/;

export interface WaiverFields {
  rule?: unknown;
  reason?: unknown;
  owner?: unknown;
  expires?: unknown;
}

/**
 * Checks one waiver written in code. A waiver that is not valid is a problem the user must see (reported with file
 * and line), never a silent ignore and never a silent suppression.
 */
export function validateWaiver(fields: WaiverFields, file: string, line: number | undefined): { suppression?: Suppression; problem?: string } {
  const { rule, reason, owner, expires } = fields;
  if (typeof rule !== 'string' || !RULE_ID.test(rule)) return { problem: `a waiver needs \`rule\`: a rule id such as s3-bucket-encrypted (found ${describe(rule)})` };
  if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
    return { problem: `the waiver of ${rule} needs a reason of at least ${MIN_REASON_LENGTH} characters (found ${describe(reason)})` };
  }
  if (owner !== undefined && typeof owner !== 'string') return { problem: `the waiver of ${rule}: \`owner\` must be text (found ${describe(owner)})` };
  const expiry = expires instanceof Date ? expires.toISOString().slice(0, 10) : expires;
  if (expiry !== undefined && (typeof expiry !== 'string' || !DATE.test(expiry) || Number.isNaN(Date.parse(expiry)))) {
    return { problem: `the waiver of ${rule}: \`expires\` must be a date YYYY-MM-DD (found ${describe(expires)})` };
  }
  return {
    suppression: {
      rule,
      reason: reason.trim(),
      ...(typeof owner === 'string' ? { owner } : {}),
      ...(typeof expiry === 'string' ? { expires: expiry } : {}),
      file,
      ...(line !== undefined ? { line } : {}),
    },
  };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? (Array.isArray(value) ? 'a list' : 'a map') : String(value);
}

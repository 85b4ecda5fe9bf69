/**
 * Secrets are never stored (ARCHITECTURE §3, §9): user data and environment values are read in memory, judged with
 * the shared credential heuristic (src/core/secrets/credentials.ts), and dropped. Only flags and names leave here;
 * nothing in this file logs or returns a value.
 */
import { gunzipSync } from 'node:zlib';
import { entryLooksLikeCredential, textLooksLikeCredential } from '../../core/secrets/credentials.js';

export const REDACTED = '<redacted>';

/** EC2 user data allows 16 KB; a gzip bomb is cut off here rather than filling memory. */
const MAX_DECOMPRESSED = 1_000_000;

export interface UserDataFlags {
  Present: boolean;
  LooksLikeCredential: boolean;
}

/** The flags of base64 user data (an instance attribute or a launch template's `UserData`); gzip is undone first. */
export function userDataFlags(encoded: string | null | undefined): UserDataFlags {
  if (encoded === undefined || encoded === null || encoded.trim() === '') return { Present: false, LooksLikeCredential: false };
  let bytes = Buffer.from(encoded, 'base64');
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_DECOMPRESSED });
    } catch {
      // Truncated or oversized archive: judge the bytes as they are rather than claim the data is clean or unknown.
    }
  }
  return { Present: true, LooksLikeCredential: textLooksLikeCredential(bytes.toString('utf8')) };
}

export interface RedactedEnvironment {
  /** Every name, each value replaced by `<redacted>`. */
  variables: Record<string, string>;
  /** The names whose name or value looks like a credential. */
  flagged: string[];
}

/** Environment variables (Lambda): names kept, values judged and replaced. */
export function redactEnvironment(variables: Record<string, string | undefined>): RedactedEnvironment {
  const out: RedactedEnvironment = { variables: {}, flagged: [] };
  for (const [name, value] of Object.entries(variables)) {
    out.variables[name] = REDACTED;
    if (entryLooksLikeCredential(name, value ?? '')) out.flagged.push(name);
  }
  return out;
}

/** A `[{ name, value }]` environment (ECS containers): the names, and those that look like credentials. */
export function environmentNames(entries: ReadonlyArray<{ name?: string | undefined; value?: string | undefined }> | undefined): { names: string[]; flagged: string[] } {
  const names: string[] = [];
  const flagged: string[] = [];
  for (const entry of entries ?? []) {
    if (entry.name === undefined) continue;
    names.push(entry.name);
    if (entryLooksLikeCredential(entry.name, entry.value ?? '')) flagged.push(entry.name);
  }
  return { names, flagged };
}

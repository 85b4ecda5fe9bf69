import { entryLooksLikeCredential, nameLooksLikeCredential, textLooksLikeCredential } from '../../../core/secrets/credentials.js';
import { isPlainObject, REDACTED, Symbolic, Unresolved } from '../../shared/values.js';

/**
 * Whether an environment entry will hold a credential once applied, judged as a live scan would judge it: a known
 * value by its name and form; a sensitive value (a sensitive variable, or a plan's redacted value) always — the
 * secret ends up in plain configuration; a value not known before apply, under a name that looks like a credential,
 * is unknown (an `Unresolved`). Under any other name such a value is taken for what it almost always is, a resource
 * name or ARN passed in.
 */
export function environmentEntryFlag(name: string, value: unknown): boolean | Unresolved {
  if (value === REDACTED) return true;
  if (typeof value === 'string') return entryLooksLikeCredential(name, value);
  if (typeof value === 'number') return entryLooksLikeCredential(name, String(value));
  if (value instanceof Unresolved) {
    if (value.reason.startsWith('sensitive_variable:')) return true;
    return nameLooksLikeCredential(name) ? value : false;
  }
  return false;
}

/** The names flagged, or (when none is) the first reason an entry could not be judged. */
export function environmentFlags(entries: ReadonlyArray<[string, unknown]>): string[] | Unresolved {
  const flagged: string[] = [];
  let unknown: Unresolved | undefined;
  for (const [name, value] of entries) {
    const verdict = environmentEntryFlag(name, value);
    if (verdict === true) flagged.push(name);
    else if (verdict instanceof Unresolved) unknown ??= verdict;
  }
  return flagged.length === 0 && unknown !== undefined ? unknown : flagged;
}

/** Environment variables with their values replaced: names are kept, values never; see `environmentEntryFlag`. */
export function redactEnvironment(variables: unknown): { variables: unknown; flagged: string[] | Unresolved } {
  if (!isPlainObject(variables)) return { variables, flagged: [] };
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(variables)) Object.defineProperty(out, name, { value: REDACTED, enumerable: true, writable: true, configurable: true });
  return { variables: out, flagged: environmentFlags(Object.entries(variables)) };
}

const SHA1 = /^[0-9a-f]{40}$/;

/**
 * User data as `{ Present, LooksLikeCredential }`. Terraform stores `aws_instance.user_data` as a SHA-1 hash in
 * plans, so its content cannot be judged there (unknown); base64 user data is decoded first. As for environment
 * values, a sensitive value (a sensitive variable, or a plan's redacted value) put into it always counts: the secret
 * lands in the user data in plain text.
 */
export function userDataFlags(text: unknown, base64: unknown): unknown {
  const value = text ?? base64;
  if (value === undefined || value === null || value === '') return undefined;
  if (value === REDACTED || (value instanceof Unresolved && value.reason.startsWith('sensitive_variable:'))) return { Present: true, LooksLikeCredential: true };
  if (value instanceof Unresolved) return { Present: true, LooksLikeCredential: value };
  // Text with references to other resources (`${aws_secretsmanager_secret.db.id}`) is known but for them: judge it.
  if (value instanceof Symbolic && value.reason === undefined) return { Present: true, LooksLikeCredential: textLooksLikeCredential(value.text) };
  if (typeof value !== 'string') return { Present: true, LooksLikeCredential: new Unresolved('expression') };
  if (text !== undefined && text !== null && SHA1.test(value)) return { Present: true, LooksLikeCredential: new Unresolved('unresolved:user_data_hashed') };
  const content = text === undefined || text === null ? decodeBase64(value) : value;
  return { Present: true, LooksLikeCredential: textLooksLikeCredential(content) };
}

export function decodeBase64(value: string): string {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(value)) return value;
  try {
    return Buffer.from(value, 'base64').toString('utf8');
  } catch {
    return value;
  }
}

import { entryLooksLikeCredential, textLooksLikeCredential } from '../../../core/secrets/credentials.js';
import { isPlainObject, REDACTED, Unresolved } from '../../shared/values.js';

/**
 * Environment variables with their values replaced: names are kept, values never. A name is listed as looking like
 * a credential when its value is a literal in the input and looks like one (by its name or its form).
 */
export function redactEnvironment(variables: unknown): { variables: unknown; flagged: string[] } {
  if (!isPlainObject(variables)) return { variables, flagged: [] };
  const flagged: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value === 'string' && entryLooksLikeCredential(name, value)) flagged.push(name);
    Object.defineProperty(out, name, { value: REDACTED, enumerable: true, writable: true, configurable: true });
  }
  return { variables: out, flagged };
}

const SHA1 = /^[0-9a-f]{40}$/;

/**
 * User data as `{ Present, LooksLikeCredential }`. Terraform stores `aws_instance.user_data` as a SHA-1 hash in
 * plans, so its content cannot be judged there (unknown); base64 user data is decoded first.
 */
export function userDataFlags(text: unknown, base64: unknown): unknown {
  const value = text ?? base64;
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Unresolved) return { Present: true, LooksLikeCredential: value };
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

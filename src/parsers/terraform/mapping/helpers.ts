import { isResourceRef } from '../../../core/index.js';
import { isPlainObject, Symbolic, Unresolved } from '../../shared/values.js';

/** Terraform attribute values of one resource (plan `after`, or literal HCL), with unknown parts marked. */
export type Values = Record<string, unknown>;

/** The value at a path of attributes and list indexes; an unknown on the way is returned as is. */
export function at(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (current instanceof Unresolved || current instanceof Symbolic) return current;
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isPlainObject(current) && typeof key === 'string' && Object.hasOwn(current, key)) current = current[key];
    else return undefined;
  }
  return current;
}

/** A nested block Terraform writes as a list of one object (`versioning { … }`). */
export function block(values: unknown, name: string): unknown {
  return at(values, name, 0);
}

/** All nested blocks of a name (`ingress { … }` repeated); unknown stays unknown, absent is []. */
export function blocks(values: unknown, name: string): unknown[] | Unresolved {
  const list = at(values, name);
  if (list instanceof Unresolved) return list;
  if (list instanceof Symbolic) return new Unresolved(list.reason ?? 'expression');
  return Array.isArray(list) ? list : isPlainObject(list) ? [list] : [];
}

export function bool(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

export function num(value: unknown): unknown {
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value;
}

/** An object without its undefined fields; undefined when nothing is left (so absent stays absent). */
export function compact(fields: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let any = false;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out[key] = value;
    any = true;
  }
  return any ? out : undefined;
}

/** Maps each element of a list (or passes an unknown list through). */
export function each(list: unknown[] | Unresolved, map: (item: unknown, index: number) => unknown): unknown[] | Unresolved | undefined {
  if (list instanceof Unresolved) return list;
  if (list.length === 0) return undefined;
  return list.map(map);
}

/** A JSON document held in a string attribute (`policy`, `assume_role_policy`), as an object. */
export function json(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return new Unresolved('unresolved:invalid_json');
  }
}

/** A list of strings, or a single value wrapped (`roles = [aws_iam_role.x.name]`). */
export function list(value: unknown): unknown {
  if (value === undefined || value === null || value instanceof Unresolved || Array.isArray(value)) return value ?? undefined;
  return [value];
}

/** `{ key = value }` tags to CloudFormation's `[{ Key, Value }]`. */
export function keyValueList(value: unknown, keyName = 'Key', valueName = 'Value'): unknown {
  if (value instanceof Unresolved || !isPlainObject(value)) return value instanceof Unresolved ? value : undefined;
  const entries = Object.entries(value);
  return entries.length === 0 ? undefined : entries.map(([k, v]) => ({ [keyName]: k, [valueName]: v }));
}

/** A value is a reference to another resource, or a literal, or unknown — for matching attachments to targets. */
export function isReference(value: unknown): boolean {
  return isResourceRef(value);
}

/** A value that is empty in Terraform's sense (null, "", [], {}): the attribute is not set. */
export function unset(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0);
}

/** `value` unless Terraform leaves it unset; then `undefined`. */
export function opt(value: unknown): unknown {
  return unset(value) ? undefined : value;
}

import type { ResourceRef, UnknownMark } from '../../core/index.js';
import { childPointer } from './pointer.js';

/**
 * Values that parsers carry while resolving a template or plan, before they become plain properties. Keeping them
 * inside the value tree (rather than as side tables) lets an intrinsic function or a Terraform mapping move a value
 * around without losing the fact that it is unknown.
 */

/** A value that cannot be known from the input; `reason` is machine-readable (`parameter:Env`, `computed:arn`). */
export class Unresolved {
  constructor(readonly reason: string) {}
}

/**
 * A value only the deployment knows, written the Fn::Sub way (`${AWS::AccountId}`, `${Bucket.Arn}`). Inside a
 * string it stays as that text: it can never be a wildcard or a security setting, and keeping it lets a policy's
 * `arn:aws:iam::${AWS::AccountId}:root` still be read. On its own as a property value it is unknown when `reason`
 * is set.
 */
export class Symbolic {
  constructor(
    readonly text: string,
    readonly reason?: string,
    /** For `Fn::GetAZs`: the Region whose zones the list holds (`''` = the stack's Region). */
    readonly azRegion?: string,
  ) {}
}

/** `AWS::NoValue`: the property, or the list element, is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** What a secret is replaced by; the value itself is never stored (ARCHITECTURE §3). */
export const REDACTED = '<redacted>';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Unresolved) && !(value instanceof Symbolic);
}

export function makeRef(uid: string, attribute?: string): ResourceRef {
  return attribute === undefined ? { $ref: uid } : { $ref: uid, attribute };
}

export interface MaterializeOptions {
  /** Keys whose string values are secrets (a literal password); such values become `<redacted>`. */
  isSecretKey?: (key: string) => boolean;
  /** For strings that stand for a value resolved at deploy time (`{{resolve:ssm:…}}`): the unknown reason. */
  deferredString?: (value: string) => string | undefined;
}

const REMOVE = Symbol('remove');

/**
 * Turns a resolved value tree into plain properties: unknown parts are dropped and listed as marks at their JSON
 * pointer (array elements keep their index with `null` so later indexes stay right), `AWS::NoValue` disappears,
 * symbolic strings become their text.
 */
export function materialize(value: unknown, pointer: string, marks: UnknownMark[], options: MaterializeOptions = {}): unknown {
  const out = materializeAt(value, pointer, marks, options, 0);
  return out === REMOVE ? undefined : out;
}

function materializeAt(value: unknown, pointer: string, marks: UnknownMark[], options: MaterializeOptions, depth: number): unknown {
  if (value === null || typeof value !== 'object') {
    if (value === NO_VALUE) return REMOVE;
    if (typeof value === 'string' && options.deferredString !== undefined) {
      const reason = options.deferredString(value);
      if (reason !== undefined) {
        marks.push({ path: pointer, reason });
        return REMOVE;
      }
    }
    return value;
  }
  if (value instanceof Unresolved) {
    marks.push({ path: pointer, reason: value.reason });
    return REMOVE;
  }
  if (value instanceof Symbolic) {
    if (value.reason === undefined) return value.text;
    marks.push({ path: pointer, reason: value.reason });
    return REMOVE;
  }
  if (depth > 1000) {
    marks.push({ path: pointer, reason: 'unresolved:too_deep' });
    return REMOVE;
  }
  // Copy on write: a part with nothing to change is returned as it is.
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as unknown;
      if (item === NO_VALUE) {
        out ??= value.slice(0, i);
        continue;
      }
      const converted = materializeAt(item, childPointer(pointer, out === undefined ? i : out.length), marks, options, depth + 1);
      const result = converted === REMOVE ? null : converted;
      if (out === undefined && result !== item) out = value.slice(0, i);
      out?.push(result);
    }
    return out ?? value;
  }
  if ('$ref' in value && typeof (value as { $ref: unknown }).$ref === 'string') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const child = record[key];
    let converted: unknown;
    if (typeof child === 'string' && options.isSecretKey?.(key) === true && options.deferredString?.(child) === undefined) converted = REDACTED;
    else converted = materializeAt(child, childPointer(pointer, key), marks, options, depth + 1);
    const keep = converted !== REMOVE && converted !== undefined;
    if (out === undefined && (!keep || converted !== child)) {
      out = {};
      for (let j = 0; j < i; j++) setOwnValue(out, keys[j]!, record[keys[j]!]);
    }
    if (out !== undefined && keep) setOwnValue(out, key, converted);
  }
  return out ?? record;
}

function setOwnValue(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** The first unknown among values an intrinsic needs all of, if any. */
export function firstUnresolved(values: readonly unknown[]): Unresolved | undefined {
  for (const value of values) if (value instanceof Unresolved) return value;
  return undefined;
}

/** Whether a value holds no unknown, symbolic, removed or referencing part (so it can be compared or encoded). */
export function isFullyKnown(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'symbol';
  if (depth > 200 || value instanceof Unresolved || value instanceof Symbolic || '$ref' in value) return false;
  return Object.values(value).every((item) => isFullyKnown(item, depth + 1));
}

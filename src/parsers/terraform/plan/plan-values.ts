import { setOwn } from '../../shared/positions.js';
import { isPlainObject, REDACTED, Unresolved } from '../../shared/values.js';

const MAX_DEPTH = 200;

/**
 * A planned `after` value with `after_unknown` applied (values known only after apply become
 * `Unresolved('computed:<attribute>')`) and `after_sensitive` applied (sensitive values, which the plan holds in
 * clear text, become `<redacted>` so they can never reach the output).
 */
export function plannedValues(after: unknown, afterUnknown: unknown, sensitive: unknown): Record<string, unknown> {
  const out = merge(after, afterUnknown, sensitive, undefined, 0);
  return isPlainObject(out) ? out : {};
}

function merge(after: unknown, unknown: unknown, sensitive: unknown, attribute: string | undefined, depth: number): unknown {
  if (sensitive === true) return after === null || after === undefined ? after : REDACTED;
  if (unknown === true) return new Unresolved(`computed:${attribute ?? 'value'}`);
  if (depth > MAX_DEPTH) return new Unresolved('unresolved:too_deep');
  if (Array.isArray(after) || (Array.isArray(unknown) && (after === null || after === undefined))) {
    const items = Array.isArray(after) ? after : [];
    const unknowns = Array.isArray(unknown) ? unknown : [];
    const sens = Array.isArray(sensitive) ? sensitive : [];
    const length = Math.max(items.length, unknowns.length);
    const out: unknown[] = [];
    for (let i = 0; i < length; i++) out.push(merge(items[i], unknowns[i], sens[i], attribute, depth + 1));
    return out;
  }
  if (isPlainObject(after) || (isPlainObject(unknown) && (after === null || after === undefined))) {
    const values = isPlainObject(after) ? after : {};
    const unknowns = isPlainObject(unknown) ? unknown : {};
    const sens = isPlainObject(sensitive) ? sensitive : {};
    const out: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(values), ...Object.keys(unknowns)])) {
      setOwn(out, key, merge(Object.hasOwn(values, key) ? values[key] : undefined, Object.hasOwn(unknowns, key) ? unknowns[key] : undefined, Object.hasOwn(sens, key) ? sens[key] : undefined, attribute ?? key, depth + 1));
    }
    return out;
  }
  return after;
}

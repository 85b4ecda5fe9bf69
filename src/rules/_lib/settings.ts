/**
 * Reading one setting of a resource without throwing, so a rule can weigh several settings (one unknown, another a
 * clear failure) before it decides. The difference between the sources is the point:
 * - live: a property the collector should have written but did not is `missing_data:<Property>` (absent is not false);
 * - code: an absent property takes the CloudFormation default when the rule names one, else it is
 *   `unresolved:default:<Property>` (the default depends on something the template does not show).
 */
import type { Outcome, Resource, RuleContext } from '../../core/index.js';

export type Setting<T> = { known: true; value: T; defaulted: boolean } | { known: false; reason: string; path: string };

/** `true`/`false`, also as the strings CloudFormation templates often carry. */
export function asBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

/** An integer, also given as a numeric string. */
export function asInt(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function lastSegment(pointer: string): string {
  return pointer.split('/').filter(Boolean).join('.') || pointer;
}

/**
 * One setting: its value, the default it took (code only), or why it cannot be known. `parse` turns the stored value
 * into the rule's type and returns undefined for a value it cannot read (an unresolved template value, say).
 */
export function readSetting<T>(
  ctx: RuleContext,
  resource: Resource,
  pointer: string,
  parse: (value: unknown) => T | undefined,
  codeDefault?: T,
): Setting<T> {
  const mark = ctx.unknownAt(resource, pointer);
  if (mark) return { known: false, reason: mark.reason, path: pointer };
  const raw = ctx.get(resource, pointer);
  if (raw === undefined) {
    if (resource.source === 'live') return { known: false, reason: `missing_data:${lastSegment(pointer)}`, path: pointer };
    if (codeDefault !== undefined) return { known: true, value: codeDefault, defaulted: true };
    return { known: false, reason: `unresolved:default:${lastSegment(pointer)}`, path: pointer };
  }
  const value = parse(raw);
  if (value === undefined) {
    // A live value of the wrong shape is a collector gap; a template value of the wrong shape is an unresolved intrinsic.
    const kind = resource.source === 'live' ? 'missing_data' : 'unresolved';
    return { known: false, reason: `${kind}:${lastSegment(pointer)}`, path: pointer };
  }
  return { known: true, value, defaulted: false };
}

/** The `unknown` outcome for a setting that could not be known. */
export function unknownSetting(ctx: RuleContext, setting: { reason: string; path: string }): Outcome {
  return ctx.unknown(setting.reason, { path: setting.path });
}

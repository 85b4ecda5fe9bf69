/**
 * Whether a setting that names something (a KMS key, a certificate, a parameter group) is set, when a template may
 * write it as a reference or leave its value to deploy time:
 * - a non-empty string, or a `{ $ref }` to another resource of the same input, is set;
 * - a value the parser could not resolve is still set when the template surely gives one — a parameter without a
 *   default, an SSM parameter or dynamic reference, an `ImportValue` — only its value is unknown;
 * - a value behind an undecidable condition (it may be `AWS::NoValue`), one Terraform computes at apply, or any
 *   other unresolved value is unknown: it may be absent;
 * - live: `null` (and absence) means "not set" here; a collector writes the property when the API returns it.
 */
import { isResourceRef, readPointer, type Resource, type RuleContext, type UnknownMark } from '../../core/index.js';

export type Presence =
  /** `value` is undefined when the template surely sets it but the parser could not resolve it (`reason` says why). */
  | { state: 'set'; value: unknown; label: string; reason?: string }
  | { state: 'absent' }
  | { state: 'unknown'; reason: string; path: string };

/** Reasons for values a template surely sets (docs/resource-model.md, "Unknown reasons"). */
const SURELY_SET = /^(parameter|secret_parameter|ssm_parameter|dynamic_reference):|^unresolved:ImportValue$/;

/** Whether an unknown mark's reason stands for a value the template surely gives (only the value is unknown). */
export function surelySet(reason: string): boolean {
  return SURELY_SET.test(reason);
}

/** A string that is not empty, or a reference to another resource of the input. */
export function namesSomething(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || isResourceRef(value);
}

/** How a named value reads in a message: the string, or the referenced resource's logical id / address. */
export function labelOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isResourceRef(value)) return value.$ref.slice(value.$ref.indexOf('#') + 1) || value.$ref;
  return 'a value set at deploy time';
}

/** The mark on `pointer` or above it, which makes the whole value unknown (marks deeper inside do not). */
function wholeMark(ctx: RuleContext, resource: Resource, pointer: string): UnknownMark | undefined {
  if (!ctx.unknownAt(resource, pointer)) return undefined;
  return resource.unknown.find((m) => !m.path.startsWith('@') && (m.path === '' || m.path === pointer || pointer.startsWith(`${m.path}/`)));
}

/** Why the value at `pointer` is unknown as a whole (a mark on it or above it); marks deeper inside are ignored. */
export function markAbove(ctx: RuleContext, resource: Resource, pointer: string): { reason: string; path: string } | undefined {
  const mark = wholeMark(ctx, resource, pointer);
  return mark ? { reason: mark.reason, path: pointer } : undefined;
}

export function presence(ctx: RuleContext, resource: Resource, pointer: string): Presence {
  const whole = wholeMark(ctx, resource, pointer);
  if (whole?.path === pointer && SURELY_SET.test(whole.reason)) return { state: 'set', value: undefined, label: `a value from ${whole.reason}`, reason: whole.reason };
  const mark = whole ?? ctx.unknownAt(resource, pointer);
  if (mark) return { state: 'unknown', reason: mark.reason, path: pointer };
  const value = readPointer(resource.properties, pointer);
  if (value === undefined || value === null || value === '') return { state: 'absent' };
  if (namesSomething(value)) return { state: 'set', value, label: labelOf(value) };
  return { state: 'unknown', reason: `${resource.source === 'live' ? 'missing_data' : 'unresolved'}:${pointer.split('/').pop() ?? pointer}`, path: pointer };
}

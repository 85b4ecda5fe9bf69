/**
 * Times in the resource model are ISO 8601 strings in UTC, and "never" is `null` (docs/resource-model.md). Windows
 * such as "rotated within 90 days" include their boundary: a key created exactly 90 days before `now` is within.
 */
import type { Resource, RuleContext } from '../../core/index.js';

export const DAY_MS = 86_400_000;

/** The time an ISO 8601 string names; undefined when the value is not one. */
export function parseTime(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

/**
 * Reads a time-or-never property through the context (so an unknown mark becomes an `unknown` outcome):
 * a Date, `null` for "never", or `undefined` when the value is absent or not a time (not collected).
 */
export function readTime(ctx: RuleContext, resource: Resource, pointer: string): Date | null | undefined {
  const value = ctx.get(resource, pointer);
  if (value === null) return null;
  return parseTime(value);
}

/** Whole days from `then` to `now`, rounded down. */
export function daysSince(then: Date, now: Date): number {
  return Math.floor((now.getTime() - then.getTime()) / DAY_MS);
}

/** Whether `then` lies more than `days` days before `now` (exactly `days` days is still within the window). */
export function olderThanDays(then: Date, now: Date, days: number): boolean {
  return now.getTime() - then.getTime() > days * DAY_MS;
}

/** Whether `then` lies within the last `days` days (boundary included; a future time counts as within). */
export function withinDays(then: Date, now: Date, days: number): boolean {
  return !olderThanDays(then, now, days);
}

/** `2026-05-01`: the UTC calendar day, for messages and for counting distinct days. */
export function isoDay(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/** The latest of some times, ignoring "never" and absent values. */
export function latest(times: ReadonlyArray<Date | null | undefined>): Date | undefined {
  let best: Date | undefined;
  for (const t of times) if (t && (!best || t.getTime() > best.getTime())) best = t;
  return best;
}

/** The same instant `years` calendar years earlier (29 February falls back to 28 February). */
export function yearsBefore(now: Date, years: number): Date {
  const then = new Date(now.getTime());
  then.setUTCFullYear(now.getUTCFullYear() - years);
  if (then.getUTCMonth() !== now.getUTCMonth()) then.setUTCDate(0);
  return then;
}

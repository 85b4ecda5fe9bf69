/**
 * Calendar-month windows against the assessment clock `ctx.now` ("in the last 12 months"); rules never read the clock.
 * Parsing ISO 8601 times is `parseTime` in ./dates.ts.
 */

/** The instant `months` calendar months before `now` (UTC); 12 months before 2026-06-01 is 2025-06-01. */
export function monthsBefore(now: Date, months: number): Date {
  const start = new Date(now.getTime());
  start.setUTCMonth(start.getUTCMonth() - months);
  return start;
}

/**
 * Whether `when` is no older than `months` calendar months, the boundary instant included. A time after `now` (clock
 * skew, or an assessment dated before the scan) counts as recent.
 */
export function withinLastMonths(when: Date, now: Date, months: number): boolean {
  return when.getTime() >= monthsBefore(now, months).getTime();
}

/** `2025-06-01` from a date, for messages. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A deterministic zip: entries in the order given, every entry with the same modification time, fixed compression.
 * The same entries and time give the same bytes on any machine.
 */
import { zipSync, type Zippable } from 'fflate';

export interface PackEntry {
  path: string;
  bytes: Uint8Array;
}

/**
 * Zip stores local date-time fields; fflate reads them with the local-time getters, so the Date is built from local
 * components equal to the UTC time of `iso`. A time the local zone skips (a DST gap) falls back to noon of that day;
 * a time outside zip's 1980–2107 range to 1980-01-01.
 */
export function zipTime(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  if (!m) return new Date(1980, 0, 1, 12, 0, 0);
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year < 1980 || year > 2107) return new Date(1980, 0, 1, 12, 0, 0);
  const local = new Date(year, month - 1, day, hour, minute, second);
  return local.getHours() === hour && local.getMinutes() === minute ? local : new Date(year, month - 1, day, 12, 0, 0);
}

export function zipEntries(entries: readonly PackEntry[], mtime: Date): Uint8Array {
  const zippable: Zippable = {};
  for (const entry of entries) zippable[entry.path] = [entry.bytes, { mtime, level: 6 }];
  return zipSync(zippable);
}

import { readFileSync } from 'node:fs';

/** The package root (two levels above src/cli/io or dist/cli/io). */
export const PACKAGE_ROOT = new URL('../../../', import.meta.url);

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export const TOOL = { name: 'ftr-ready', version: readVersion() } as const;

/**
 * The clock. `FTR_NOW` (an ISO time) pins it, so a demo or a test gives the same answer on any day; it is also how a
 * team re-runs an assessment "as of" a date.
 */
export function now(): Date {
  const pinned = process.env['FTR_NOW'];
  if (pinned) {
    const date = new Date(pinned);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return new Date();
}

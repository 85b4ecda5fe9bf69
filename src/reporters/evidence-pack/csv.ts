import { spreadsheetCell } from '../_lib/self-assessment.js';
import { cleanText } from '../_lib/text.js';

/** CSV the way the self-assessment writes it: every field quoted, no formula starts, UTF-8 BOM and CRLF for Excel. */
export function csvTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const field = (value: string) => `"${spreadsheetCell(cleanText(value).trim()).replace(/"/g, '""')}"`;
  return `\ufeff${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

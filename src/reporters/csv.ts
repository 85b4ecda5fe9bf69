/**
 * The self-assessment spreadsheet as CSV (RFC 4180): the checklist's rows in its own order, each requirement's
 * sub-questions right after it. UTF-8 with a byte-order mark and CRLF line ends, which is what Excel needs to open it
 * without mangling accents; every field is quoted, and no cell can start a formula.
 */
import type { Assessment } from '../core/index.js';
import { SELF_ASSESSMENT_COLUMNS, selfAssessmentRows, spreadsheetCell } from './_lib/self-assessment.js';

export interface CsvOptions {
  /** Prefix a UTF-8 byte-order mark (default true: Excel reads UTF-8 only with it). */
  bom?: boolean;
}

function field(value: string): string {
  return `"${spreadsheetCell(value).replace(/"/g, '""')}"`;
}

export function renderCsv(assessment: Assessment, options: CsvOptions = {}): string {
  const lines = [SELF_ASSESSMENT_COLUMNS.map((c) => field(c)).join(',')];
  for (const row of selfAssessmentRows(assessment)) lines.push(row.cells.map(field).join(','));
  return `${options.bom === false ? '' : '\ufeff'}${lines.join('\r\n')}\r\n`;
}

/**
 * The self-assessment workbook (Office Open XML), written directly and zipped with fflate. Sheet 1 is the checklist
 * in its own row order with sub-questions under their requirement; sheet 2 lists every finding that is not a pass;
 * sheet 3 says where the assessment came from. Strings are inline (`t="inlineStr"`), so no cell is ever a formula,
 * and cells that would start one are neutralised anyway, for whoever exports the sheet to CSV later.
 *
 * Deterministic: the same assessment gives the same bytes. Zip entry times come from the assessment's generatedAt
 * (noon of that day, so the local-time encoding of zip dates cannot shift with the machine's time zone or DST).
 */
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { Assessment } from '../core/index.js';
import { FINDINGS_COLUMNS, SELF_ASSESSMENT_COLUMNS, findingRows, provenanceRows, selfAssessmentRows, spreadsheetCell } from './_lib/self-assessment.js';
import { oneLine } from './_lib/text.js';
import {
  ROOT_RELS_XML,
  STYLE,
  STYLES_XML,
  appPropsXml,
  contentTypesXml,
  corePropsXml,
  sheetXml,
  statusStyle,
  workbookRelsXml,
  workbookXml,
  type SheetSpec,
} from './_lib/xlsx-parts.js';

export type XlsxOptions = Record<string, never>;

const SELF_ASSESSMENT_WIDTHS = [12, 22, 50, 18, 60, 45, 40, 22, 12, 60];
const FINDINGS_WIDTHS = [30, 30, 10, 10, 36, 14, 14, 36, 70, 50];
const ISO_SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/;
function zipTime(generatedAt: string): Date {
  const match = ISO_SECOND.exec(generatedAt);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [1980, 1, 1];
  // Zip dates run from 1980 to 2107.
  return year >= 1980 && year <= 2107 ? new Date(year, month - 1, day, 12, 0, 0) : new Date(1980, 0, 1, 12, 0, 0);
}

function created(generatedAt: string): string | undefined {
  const match = ISO_SECOND.exec(generatedAt);
  return match ? `${match[1]}-${match[2]}-${match[3]}T${match[4]}Z` : undefined;
}

function sheets(assessment: Assessment): SheetSpec[] {
  const selfAssessment: SheetSpec = {
    name: 'Self-assessment',
    table: true,
    columns: SELF_ASSESSMENT_COLUMNS.map((header, i) => ({ header, width: SELF_ASSESSMENT_WIDTHS[i] ?? 20 })),
    rows: selfAssessmentRows(assessment).map((row) => ({
      cells: row.cells.map(spreadsheetCell),
      styles: row.cells.map((_, i) => (row.kind === 'subquestion' ? STYLE.subQuestion : i === 3 && row.status ? statusStyle(row.status) : STYLE.wrap)),
    })),
  };
  const findings: SheetSpec = {
    name: 'Findings',
    table: true,
    columns: FINDINGS_COLUMNS.map((header, i) => ({ header, width: FINDINGS_WIDTHS[i] ?? 20 })),
    rows: findingRows(assessment).map((cells) => ({ cells: cells.map(spreadsheetCell), styles: cells.map(() => STYLE.wrap) })),
  };
  const about: SheetSpec = {
    name: 'About',
    table: false,
    columns: [
      { header: '', width: 22 },
      { header: '', width: 90 },
    ],
    rows: provenanceRows(assessment).map((cells) => ({ cells: cells.map(spreadsheetCell), styles: [STYLE.key, STYLE.wrap] })),
  };
  return [selfAssessment, findings, about];
}

export function renderXlsx(assessment: Assessment, _options: XlsxOptions = {}): Uint8Array {
  const specs = sheets(assessment);
  const title = `${oneLine(assessment.checklist.title)} ${oneLine(assessment.checklist.version)}: self-assessment`;
  const files: Record<string, string> = {
    '[Content_Types].xml': contentTypesXml(specs.length),
    '_rels/.rels': ROOT_RELS_XML,
    'docProps/core.xml': corePropsXml(title, `${oneLine(assessment.tool.name)} ${oneLine(assessment.tool.version)}`, created(assessment.generatedAt)),
    'docProps/app.xml': appPropsXml(oneLine(assessment.tool.name)),
    'xl/workbook.xml': workbookXml(specs),
    'xl/_rels/workbook.xml.rels': workbookRelsXml(specs.length),
    'xl/styles.xml': STYLES_XML,
    ...Object.fromEntries(specs.map((spec, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(spec, i === 0)])),
  };
  const mtime = zipTime(assessment.generatedAt);
  const zippable: Zippable = {};
  for (const [path, content] of Object.entries(files)) zippable[path] = [strToU8(content), { mtime, level: 6 }];
  return zipSync(zippable);
}

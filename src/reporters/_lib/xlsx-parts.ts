import type { RequirementStatus } from '../../core/index.js';
import { XML_DECLARATION, xmlAttr, xmlText } from './xml.js';

/** The fixed parts of an Office Open XML workbook, and the writer of one worksheet with inline strings. */

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  name: string;
  columns: Array<{ header: string; width: number }>;
  rows: Array<{ cells: string[]; styles: number[] }>;
  /** A table: a header row (the column headers), frozen, with an autofilter. Otherwise rows only (key/value). */
  table: boolean;
}

/** Cell style indexes into `cellXfs` below. */
export const STYLE = {
  default: 0,
  header: 1,
  wrap: 2,
  subQuestion: 8,
  key: 9,
} as const;

const STATUS_STYLE: Record<RequirementStatus, number> = {
  compliant: 3,
  partially_compliant: 4,
  non_compliant: 5,
  not_applicable: 6,
  unknown: 7,
};

export function statusStyle(status: RequirementStatus): number {
  return STATUS_STYLE[status];
}

// Fills: green / amber / red / grey / lavender, the conventional traffic-light palette.
const STATUS_FILLS = ['C6EFCE', 'FFEB9C', 'FFC7CE', 'EDEDED', 'E4DFEC'];

export const STYLES_XML = [
  XML_DECLARATION,
  `<styleSheet xmlns="${NS_MAIN}">`,
  '<fonts count="3">',
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  '<font><i/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  '</fonts>',
  `<fills count="${3 + STATUS_FILLS.length}">`,
  '<fill><patternFill patternType="none"/></fill>',
  '<fill><patternFill patternType="gray125"/></fill>',
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill>',
  ...STATUS_FILLS.map((rgb) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`),
  '</fills>',
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
  '<cellXfs count="10">',
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>',
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>',
  ...STATUS_FILLS.map(
    (_, i) => `<xf numFmtId="0" fontId="1" fillId="${3 + i}" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>`,
  ),
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1" indent="1"/></xf>',
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>',
  '</cellXfs>',
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
  '</styleSheet>',
].join('');

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cell(ref: string, value: string, style: number): string {
  const s = style === STYLE.default ? '' : ` s="${style}"`;
  if (value === '') return style === STYLE.default ? '' : `<c r="${ref}"${s}/>`;
  const text = xmlText(value);
  const preserve = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${preserve}>${text}</t></is></c>`;
}

function tableRange(spec: SheetSpec): string {
  return `A1:${columnName(spec.columns.length - 1)}${spec.rows.length + 1}`;
}

export function sheetXml(spec: SheetSpec, selected: boolean): string {
  const header = { cells: spec.columns.map((c) => c.header), styles: spec.columns.map(() => STYLE.header) };
  const rows = spec.table ? [header, ...spec.rows] : spec.rows;
  const last = `${columnName(spec.columns.length - 1)}${Math.max(rows.length, 1)}`;
  const pane = spec.table
    ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    : '<selection activeCell="A1" sqref="A1"/>';
  const sheetRows = rows.map((row, r) => {
    const cells = row.cells.map((value, c) => cell(`${columnName(c)}${r + 1}`, value, row.styles[c] ?? STYLE.default)).join('');
    return `<row r="${r + 1}">${cells}</row>`;
  });
  return [
    XML_DECLARATION,
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
    `<dimension ref="A1:${last}"/>`,
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    `<cols>${spec.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>`,
    `<sheetData>${sheetRows.join('')}</sheetData>`,
    spec.table ? `<autoFilter ref="${tableRange(spec)}"/>` : '',
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    '</worksheet>',
  ].join('');
}

/** Sheet names are quoted in references; a quote inside is doubled. */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function workbookXml(sheets: readonly SheetSpec[]): string {
  const filters = sheets
    .map((s, i) => (s.table ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${sheetRef(s.name)}!$A$1:$${columnName(s.columns.length - 1)}$${s.rows.length + 1}`)}</definedName>` : ''))
    .join('');
  return [
    XML_DECLARATION,
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
    '<bookViews><workbookView activeTab="0"/></bookViews>',
    `<sheets>${sheets.map((s, i) => `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>`,
    filters ? `<definedNames>${filters}</definedNames>` : '',
    '</workbook>',
  ].join('');
}

export function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  return `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}">${sheets.join('')}<Relationship Id="rId${sheetCount + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/></Relationships>`;
}

export const ROOT_RELS_XML =
  `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL_TYPE}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

export function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  return [
    XML_DECLARATION,
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...sheets,
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
    '</Types>',
  ].join('');
}

export function corePropsXml(title: string, creator: string, created: string | undefined): string {
  return [
    XML_DECLARATION,
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${xmlText(title)}</dc:title>`,
    `<dc:creator>${xmlText(creator)}</dc:creator>`,
    created !== undefined ? `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` : '',
    '</cp:coreProperties>',
  ].join('');
}

export function appPropsXml(application: string): string {
  return `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlText(application)}</Application></Properties>`;
}

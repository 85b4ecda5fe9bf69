import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '../core/index.js';
import { FORBIDDEN, UNSAFE_CHARS, loadSample } from '../../test/fixtures/assessments/index.js';
import { descendants, elements, parseXml, textOf, type XmlElement } from '../../test/fixtures/assessments/xml-reader.js';
import { FINDINGS_COLUMNS, SELF_ASSESSMENT_COLUMNS } from './_lib/self-assessment.js';
import { statusStyle, STYLE } from './_lib/xlsx-parts.js';
import { renderXlsx } from './xlsx.js';

const sample = loadSample();
const bytes = renderXlsx(sample);
const parts = unzipSync(bytes);
const xml = (path: string): XmlElement => {
  const part = parts[path];
  if (!part) throw new Error(`missing part ${path}`);
  return parseXml(strFromU8(part));
};

interface Cell {
  ref: string;
  style: number;
  text: string;
}

function sheetRows(path: string): Cell[][] {
  return descendants(xml(path), 'row').map((row) =>
    elements(row, 'c').map((c) => ({ ref: c.attrs['r'] ?? '', style: Number(c.attrs['s'] ?? 0), text: textOf(c) })),
  );
}

/** Cell texts by column letter, so empty (omitted) cells read as ''. */
function values(row: Cell[], width: number): string[] {
  const out = Array.from({ length: width }, () => '');
  for (const cell of row) out[(cell.ref.charCodeAt(0) - 65)] = cell.text;
  return out;
}

const which = (name: string): boolean => {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const OFFICE = ['libreoffice', 'soffice'].find(which);

describe('xlsx reporter (self-assessment workbook)', () => {
  it('is a zip with every Office Open XML part, each well-formed', () => {
    expect(Object.keys(parts).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
        'xl/worksheets/sheet3.xml',
      ].sort(),
    );
    for (const path of Object.keys(parts)) expect(() => xml(path), path).not.toThrow();
    const types = xml('[Content_Types].xml');
    const overrides = elements(types, 'Override').map((o) => o.attrs['PartName']);
    for (const path of Object.keys(parts).filter((p) => !p.endsWith('.rels') && p !== '[Content_Types].xml')) expect(overrides).toContain(`/${path}`);
    const sheets = descendants(xml('xl/workbook.xml'), 'sheet').map((s) => s.attrs['name']);
    expect(sheets).toEqual(['Self-assessment', 'Findings', 'About']);
    const rels = elements(xml('xl/_rels/workbook.xml.rels'), 'Relationship').map((r) => r.attrs['Target']);
    expect(rels).toEqual(['worksheets/sheet1.xml', 'worksheets/sheet2.xml', 'worksheets/sheet3.xml', 'styles.xml']);
  });

  it('declares consistent styles: counts match, a fill per status, bold header, wrapped text', () => {
    const styles = xml('xl/styles.xml');
    for (const group of ['fonts', 'fills', 'cellXfs']) {
      const node = descendants(styles, group)[0]!;
      expect(elements(node).length, group).toBe(Number(node.attrs['count']));
    }
    const xfs = elements(descendants(styles, 'cellXfs')[0]!, 'xf');
    const fills = new Set(Object.keys(STATUS_LABELS).map((s) => xfs[statusStyle(s as keyof typeof STATUS_LABELS)]?.attrs['fillId']));
    expect(fills.size).toBe(5);
    expect(xfs[STYLE.header]?.attrs['fontId']).toBe('1');
    expect(descendants(xfs[STYLE.wrap]!, 'alignment')[0]?.attrs['wrapText']).toBe('1');
  });

  it('sheet 1: header, then the checklist rows in order, sub-questions under their requirement', () => {
    const rows = sheetRows('xl/worksheets/sheet1.xml');
    expect(values(rows[0]!, SELF_ASSESSMENT_COLUMNS.length)).toEqual([...SELF_ASSESSMENT_COLUMNS]);
    expect(rows[0]!.every((c) => c.style === STYLE.header)).toBe(true);
    const expected = sample.requirements.flatMap((r) => [r.id, ...r.subQuestions.map((q) => q.id)]);
    expect(rows.slice(1).map((r) => values(r, 10)[0])).toEqual(expected);
    const byId = new Map(rows.slice(1).map((r) => [values(r, 10)[0], r]));
    for (const requirement of sample.requirements) {
      const status = byId.get(requirement.id)!.find((c) => c.ref.startsWith('D'))!;
      expect(status.text).toBe(STATUS_LABELS[requirement.status]);
      expect(status.style).toBe(statusStyle(requirement.status));
      for (const q of requirement.subQuestions) {
        const row = byId.get(q.id)!;
        expect(values(row, 10)[3]).toBe('');
        expect(row.every((c) => c.style === STYLE.subQuestion)).toBe(true);
      }
    }
    expect(values(byId.get('HOST-001.2')!, 10)[4]).toBe("'-Cloudflare | Okta\n@okta-admins please review");
  });

  it('sheet 1: frozen header row, autofilter over the table, column widths, inline strings', () => {
    const sheet = xml('xl/worksheets/sheet1.xml');
    const pane = descendants(sheet, 'pane')[0]!;
    expect(pane.attrs).toMatchObject({ ySplit: '1', topLeftCell: 'A2', state: 'frozen' });
    const rows = descendants(sheet, 'row').length;
    expect(descendants(sheet, 'autoFilter')[0]?.attrs['ref']).toBe(`A1:J${rows}`);
    expect(descendants(sheet, 'col')).toHaveLength(SELF_ASSESSMENT_COLUMNS.length);
    for (const c of descendants(sheet, 'c')) if (c.children.length > 0) expect(c.attrs['t']).toBe('inlineStr');
    const defined = descendants(xml('xl/workbook.xml'), 'definedName').map((d) => textOf(d));
    expect(defined).toContain(`'Self-assessment'!$A$1:$J$${rows}`);
  });

  it('sheet 2: one row per finding that is not a pass, with the waiver reason', () => {
    const rows = sheetRows('xl/worksheets/sheet2.xml');
    expect(values(rows[0]!, FINDINGS_COLUMNS.length)).toEqual([...FINDINGS_COLUMNS]);
    const open = sample.findings.filter((f) => f.status !== 'pass' && f.status !== 'not_applicable');
    expect(rows).toHaveLength(open.length + 1);
    const waived = rows.slice(1).map((r) => values(r, 10)).filter((v) => v[3] === 'waived');
    expect(waived.map((v) => v[9])).toContain('Public website bucket <img src=x onerror=alert(1)> behind CloudFront');
    const code = rows.slice(1).map((r) => values(r, 10)).find((v) => v[4] === 'AppBucket');
    expect(code?.[7]).toBe('templates/app.yaml:12');
  });

  it('sheet 3: provenance, with the product name as written', () => {
    const rows = sheetRows('xl/worksheets/sheet3.xml').map((r) => values(r, 2));
    expect(rows).toContainEqual(['Product', 'Acme <b>Cloud</b> 🚀']);
    expect(rows).toContainEqual(['Catalog sha256', sample.catalogHash]);
  });

  it('neutralises formulas and strips characters XML or a reader should never see', () => {
    for (const path of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']) {
      for (const row of sheetRows(path).slice(1)) {
        for (const cell of row) {
          expect(/^[=+\-@\t\r]/.test(cell.text), `${path} ${cell.ref}: ${cell.text}`).toBe(false);
          expect(cell.text).not.toMatch(UNSAFE_CHARS);
        }
      }
    }
    const findings = sheetRows('xl/worksheets/sheet2.xml').flat().map((c) => c.text);
    expect(findings).toContain(`'=HYPERLINK("http://evil.example","click me")`);
    expect(findings).toContain("'-2+3");
    expect(findings.join('\n')).not.toContain(FORBIDDEN.escape);
  });

  it('gives the same bytes for the same assessment, whatever the time zone', () => {
    const original = process.env['TZ'];
    try {
      process.env['TZ'] = 'America/Los_Angeles';
      const west = renderXlsx(sample);
      process.env['TZ'] = 'Asia/Tokyo';
      const east = renderXlsx(sample);
      expect(Buffer.from(west).equals(Buffer.from(east))).toBe(true);
      expect(Buffer.from(west).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      if (original === undefined) delete process.env['TZ'];
      else process.env['TZ'] = original;
    }
    // The first local file header's DOS date/time: 2026-06-01 12:00:00.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const time = view.getUint16(10, true);
    const date = view.getUint16(12, true);
    expect({ year: (date >> 9) + 1980, month: (date >> 5) & 15, day: date & 31, hour: time >> 11 }).toEqual({ year: 2026, month: 6, day: 1, hour: 12 });
  });

  it.skipIf(OFFICE === undefined)('opens in LibreOffice (only where it is installed)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftr-xlsx-'));
    try {
      writeFileSync(join(dir, 'sample.xlsx'), bytes);
      execFileSync(OFFICE!, ['--headless', '--convert-to', 'csv', '--outdir', dir, join(dir, 'sample.xlsx')], { stdio: 'ignore', timeout: 120_000 });
      const csv = readFileSync(join(dir, 'sample.csv'), 'utf8');
      expect(csv.split('\n')[0]).toContain('ID,Section,Requirement,Status');
      expect(csv).toContain('HOST-001.2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '../core/index.js';
import { FORBIDDEN, UNSAFE_CHARS, loadSample } from '../../test/fixtures/assessments/index.js';
import { renderCsv } from './csv.js';
import { SELF_ASSESSMENT_COLUMNS } from './_lib/self-assessment.js';

const sample = loadSample();

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare quote or line feed at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      if (i === text.length) return rows;
      continue;
    }
    throw new Error(`expected , or CRLF at ${i}`);
  }
}

const FORMULA_START = /^[=+\-@\t\r]/;

describe('csv reporter (self-assessment)', () => {
  const text = renderCsv(sample);
  const rows = parseCsv(text.slice(1));

  it('is UTF-8 with a BOM, CRLF line ends and RFC 4180 quoting', () => {
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(renderCsv(sample, { bom: false }).startsWith('"ID"')).toBe(true);
    for (const row of rows) expect(row).toHaveLength(SELF_ASSESSMENT_COLUMNS.length);
  });

  it('has the header, then the checklist rows in order with sub-questions right after their requirement', () => {
    expect(rows[0]).toEqual([...SELF_ASSESSMENT_COLUMNS]);
    const expected = sample.requirements.flatMap((r) => [r.id, ...r.subQuestions.map((q) => q.id)]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(expected);
  });

  it('words each status as the checklist does, and leaves sub-question statuses blank', () => {
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    for (const r of sample.requirements) {
      expect(byId.get(r.id)?.[3]).toBe(STATUS_LABELS[r.status]);
      for (const q of r.subQuestions) expect(byId.get(q.id)?.[3]).toBe('');
    }
  });

  it('fills how it is met, evidence, findings, owner, due and notes', () => {
    const row = (id: string) => rows.find((r) => r[0] === id)!;
    const host = row('HOST-001');
    expect(host[4]).toMatch(/^Attested \(2026-03-01\): All components run in AWS\. CDN: Cloudflare/);
    expect(host[5]).toContain('file: evidence/architecture.md (sha256 c6ff6c050507…)');
    expect(host[5]).toContain('value: Cloudflare (CDN, DNS); Okta (IdP)');
    expect(row('HOST-001.2')[4]).toBe("'-Cloudflare | Okta\n@okta-admins please review");
    expect(row('ARC-001')[5]).toContain('[changed since attested]');
    const s3 = row('S3-001');
    expect(s3[6]).toMatch(/^\d+ \(\d+ failing, \d+ not evaluated, 2 waived\): /);
    expect(row('IAM-001')[7]).toBe('Bob | Ops');
    expect(row('IAM-001')[8]).toBe('2026-07-01');
    expect(row('IAM-001')[9]).toContain('Plan: Enforce MFA with an SCP');
    expect(row('ARC-004')[4]).toBe('');
    expect(row('SECOPS-001')[4]).toMatch(/\nChecks passed: Amazon Inspector scans EC2, ECR and Lambda in every Region$/);
  });

  it('neutralises formula injection in every cell', () => {
    for (const row of rows.slice(1)) for (const cell of row) expect(FORMULA_START.test(cell), cell).toBe(false);
    const owner = rows.find((r) => r[0] === '1.1')![4]!;
    expect(owner).toContain('=HYPERLINK(');
    expect(rows.find((r) => r[0] === 'HOST-001.3')![4]).toBe("'+evidence/architecture.md (diagram)");
  });

  it('carries no control, escape or bidi characters; HTML stays inert text', () => {
    expect(text).not.toContain(FORBIDDEN.escape);
    expect(text).not.toContain(FORBIDDEN.rtlOverride);
    expect(text.replace(/\r\n/g, '')).not.toMatch(UNSAFE_CHARS);
    expect(text).toContain("Cloudflare <script>alert('x')</script>");
  });
});

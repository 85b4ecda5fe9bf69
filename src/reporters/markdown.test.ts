import { describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '../core/index.js';
import { FORBIDDEN, HOSTILE, UNSAFE_CHARS, loadSample, withChanges } from '../../test/fixtures/assessments/index.js';
import { mdCode, mdText } from './_lib/markdown-escape.js';
import { renderMarkdown } from './markdown.js';

const sample = loadSample();

/** Cells of a GFM table row: split on pipes that are not backslash-escaped. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe('mdText / mdCode', () => {
  it('escapes every Markdown and HTML construct in untrusted text', () => {
    expect(mdText('<script>alert(1)</script>')).toBe('\\<script\\>alert\\(1\\)\\<\\/script\\>');
    expect(mdText('a|b')).toBe('a\\|b');
    expect(mdText('*x* _y_ `z` [l](http://e) ![i](u) # h ~s~ &amp;')).not.toMatch(/(?<!\\)[*_`[\]()#~&!<>]/);
    expect(mdText('line1\nline2')).toBe('line1 line2');
    expect(mdText('@octocat')).toBe('\\@\u200boctocat');
    expect(mdText('www.evil.example http://x')).toBe('www\\.evil\\.example http\\:\\/\\/x');
  });

  it('puts identifiers in code spans that survive backticks and table pipes', () => {
    expect(mdCode('plain')).toBe('`plain`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`edge`')).toBe('`` `edge` ``');
    expect(mdCode('a|b')).toBe('`a\\|b`');
    expect(mdCode('')).toBe('');
  });
});

describe('markdown reporter', () => {
  const md = renderMarkdown(sample);
  const lines = md.split('\n');

  it('opens with a summary table of every status and the total', () => {
    expect(md.startsWith('# FTR readiness: ')).toBe(true);
    for (const [status, label] of Object.entries(STATUS_LABELS)) {
      expect(md).toContain(`${label} | ${sample.summary[status as keyof typeof sample.summary]} |`);
    }
    expect(md).toContain(`| **Total** | **${sample.requirements.length}** |`);
  });

  it('has one table per section, rows in checklist order, four cells per row', () => {
    const rows = lines.filter((l) => /^\| [A-Z0-9\\.-]+ \| /.test(l) && !l.startsWith('| ID ') && /\| (✅|🟡|❌|➖|❔) /.test(l));
    expect(rows.map((r) => cells(r)[0]?.replace(/\\/g, ''))).toEqual(sample.requirements.map((r) => r.id));
    for (const row of rows) expect(cells(row), row).toHaveLength(4);
    const headings = lines.filter((l) => l.startsWith('### ')).map((l) => l.slice(4).replace(/\\/g, ''));
    expect(headings).toEqual([...new Set(sample.requirements.map((r) => r.sectionTitle))]);
  });

  it('caps the failing findings with an "and N more" line', () => {
    const failing = sample.findings.filter((f) => f.status === 'fail').length;
    const capped = renderMarkdown(sample, { maxFindings: 3 });
    expect(capped).toContain(`## Failing findings (${failing})`);
    expect(capped).toContain(`_…and ${failing - 3} more._`);
    const section = capped.slice(capped.indexOf('## Failing findings'), capped.indexOf('## Not evaluated'));
    expect(section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Severity') && !l.startsWith('| ---'))).toHaveLength(3);
  });

  it('lists missing permissions and every waiver with its reason', () => {
    expect(md).toContain('## Missing permissions (3)');
    expect(md).toContain('`support:DescribeSeverityLevels`');
    expect(md).toContain(`## Waivers (${sample.waivers.length})`);
    expect(md).toContain('(expired)');
  });

  it('neutralises every hostile string: no raw HTML, links, mentions, emphasis, pipes or escapes', () => {
    expect(md).not.toContain(FORBIDDEN.escape);
    expect(md).not.toContain(FORBIDDEN.rtlOverride);
    expect(md).not.toMatch(UNSAFE_CHARS);
    // Code spans are inert; everything outside them must be escaped.
    const prose = md.replace(/(`+)[^`][\s\S]*?\1/g, '');
    expect(prose).toContain('\\<img src\\=x');
    expect(prose).toContain('Acme \\<b\\>Cloud');
    expect(prose).not.toMatch(/(?<!\\)<(script|img|b)\b/);
    expect(prose).not.toMatch(/(?<!\\)\[link(?<!\\)\]\(/);
    expect(prose).not.toMatch(/@acme/);
    expect(prose).not.toMatch(/(?<!\\)\*bold(?<!\\)\*/);
    // A pipe in a name must not add a cell: every row has as many cells as its table's header.
    let columns = 0;
    let checked = 0;
    for (const [i, line] of lines.entries()) {
      if (!line.startsWith('| ')) continue;
      if (lines[i + 1]?.startsWith('| ---')) columns = cells(line).length;
      else if (!line.startsWith('| ---')) {
        expect(cells(line), line).toHaveLength(columns);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(sample.requirements.length);
    expect(md).toContain(HOSTILE.pipes.replace(/\|/g, '\\|'));
  });

  it('shows an alert when the checklist version has expired', () => {
    expect(md).not.toContain('[!WARNING]');
    const expired = withChanges((a) => {
      a.checklist.expired = true;
    });
    expect(renderMarkdown(expired)).toContain('> [!WARNING]');
  });

  it('leaves out empty sections', () => {
    const clean = withChanges((a) => {
      a.findings = [];
      a.collection = [];
      a.waivers = [];
      a.warnings = [];
    });
    const text = renderMarkdown(clean);
    for (const heading of ['## Failing findings', '## Not evaluated', '## Missing permissions', '## Waivers', '## Warnings']) expect(text).not.toContain(heading);
  });
});

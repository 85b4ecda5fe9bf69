import { describe, expect, it } from 'vitest';
import { FORBIDDEN, HOSTILE, UNSAFE_CHARS, loadSample, withChanges } from '../../test/fixtures/assessments/index.js';
import { renderTerminal } from './terminal.js';

const sample = loadSample();
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const OUR_SGR = /\u001b\[[0-9;]*m/g;

describe('terminal reporter', () => {
  const plain = renderTerminal(sample, { color: false });
  const coloured = renderTerminal(sample, { color: true });

  it('starts with the checklist and a summary line of counts per status', () => {
    expect(plain.split('\n')[0]).toContain(`${sample.checklist.title} ${sample.checklist.version}`);
    const lines = plain.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Summary:'));
    const end = lines.findIndex((l, i) => i > at && !l.startsWith(' '));
    const summary = lines.slice(at, end).join(' ').replace(/\s+/g, ' ');
    const { compliant, partially_compliant: partial, non_compliant: non, not_applicable: na, unknown } = sample.summary;
    expect(summary).toBe(
      `Summary: ${compliant} compliant, ${partial} partially compliant, ${non} non-compliant, ${na} not applicable, ${unknown} unknown (${sample.requirements.length} requirements)`,
    );
  });

  it('lists every requirement once, grouped by section, in checklist order', () => {
    const ids = plain
      .split('\n')
      .map((l) => /^ {2}\[(PASS|PART|FAIL|N\/A |UNKN)\] (\S+)/.exec(l)?.[2])
      .filter((id): id is string => id !== undefined);
    expect(ids).toEqual(sample.requirements.map((r) => r.id));
    const sectionTitles = [...new Set(sample.requirements.map((r) => r.sectionTitle))];
    const headings = plain.split('\n').filter((l) => sectionTitles.includes(l));
    expect(headings).toEqual(sectionTitles);
  });

  it('gives the top reason under anything not compliant or not applicable, and nothing under the rest', () => {
    const lines = plain.split('\n');
    for (const r of sample.requirements) {
      const at = lines.findIndex((l) => l.startsWith(`  [`) && l.includes(` ${r.id} `));
      const next = lines[at + 1] ?? '';
      const hasReason = next.startsWith(' '.repeat(10)) && !next.startsWith('  [');
      expect(hasReason, r.id).toBe(r.status !== 'compliant' && r.status !== 'not_applicable' && r.reasons.length > 0);
    }
  });

  it('lists at most 10 failing findings, worst first, then permissions, waivers and warnings', () => {
    expect(plain).toMatch(/Top failing findings \(10 of \d+\)/);
    const block = plain.slice(plain.indexOf('Top failing findings'));
    expect(block.split('\n')[1]).toMatch(/^ {2}CRITICAL root-no-access-keys/);
    expect(plain).toContain('Missing permissions (3 IAM actions denied)');
    expect(plain).toContain('support:DescribeSeverityLevels  denied in 2 account/regions, 3 calls');
    expect(plain).toContain('Waivers applied (2)');
    expect(plain).toContain(`Warnings (${sample.warnings.length})`);
  });

  it('neutralises hostile names: no escape, control or bidi character of theirs reaches the terminal', () => {
    for (const output of [plain, renderTerminal(sample, { color: false, verbose: true })]) {
      expect(output).not.toContain(FORBIDDEN.escape);
      expect(output).not.toContain(FORBIDDEN.rtlOverride);
      expect(output).not.toMatch(UNSAFE_CHARS);
      expect(output).toContain(HOSTILE.ansiBucket);
      expect(output).toContain(HOSTILE.rtl);
    }
    const verbose = renderTerminal(sample, { color: false, verbose: true });
    expect(verbose).toContain(HOSTILE.newline);
    expect(verbose.split('\n')[0]).toContain('Acme <b>Cloud</b> 🚀');
  });

  it('uses colour codes of its own only, and none when colour is off', () => {
    expect(coloured).toContain('\u001b[');
    expect(coloured.replace(OUR_SGR, '')).not.toMatch(UNSAFE_CHARS);
    const stripped = coloured.replace(OUR_SGR, '').split('\n');
    expect(stripped.length).toBe(plain.split('\n').length);
    const badges = (lines: string[]) => lines.filter((l) => l.startsWith('  [')).map((l) => l.slice(0, 20));
    expect(badges(stripped)).toEqual(badges(plain.split('\n')));
  });

  it('is plain ASCII apart from the untrusted names it quotes when colour is off', () => {
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    const asciiOnly = plain.replace(/[^\x00-\x7f]/gu, '');
    for (const line of plain.split('\n')) expect(line.includes('…') || line.includes('·')).toBe(false);
    expect(asciiOnly.length).toBeGreaterThan(plain.length * 0.95);
  });

  it('fits the width it is given', () => {
    const narrow = renderTerminal(sample, { color: false, width: 60 });
    for (const line of narrow.split('\n')) expect(Array.from(line).length, line).toBeLessThanOrEqual(60);
    const verbose = renderTerminal(sample, { color: false, width: 60, verbose: true });
    for (const line of verbose.split('\n')) expect(Array.from(line).length, line).toBeLessThanOrEqual(60);
  });

  it('warns when the checklist version has expired', () => {
    expect(plain).not.toContain('WARNING: checklist version');
    const expired = withChanges((a) => {
      a.checklist.expired = true;
    });
    expect(renderTerminal(expired, { color: false })).toContain(`WARNING: checklist version ${sample.checklist.version} expired`);
  });

  it('verbose mode lists every reason, every open finding and every waiver', () => {
    const verbose = renderTerminal(sample, { color: false, verbose: true });
    expect(verbose).toMatch(/Failing findings \(\d+\)/);
    expect(verbose).toMatch(/Not evaluated \(\d+\)/);
    expect(verbose).toContain('[EXPIRED]');
    const arc004 = sample.requirements.find((r) => r.id === 'ARC-004')!;
    for (const reason of arc004.reasons) expect(verbose.replace(/\s+/g, ' ')).toContain(reason.message);
  });

  it('says so when nothing fails and nothing was denied', () => {
    const clean = withChanges((a) => {
      a.findings = [];
      a.collection = [];
      a.waivers = [];
      a.warnings = [];
    });
    const text = renderTerminal(clean, { color: false });
    expect(text).toContain('No failing findings.');
    expect(text).not.toContain('Missing permissions');
    expect(text).not.toContain('Waivers');
  });
});

import { describe, expect, it } from 'vitest';
import { FORBIDDEN, HOSTILE, UNSAFE_CHARS, loadSample, withChanges } from '../../test/fixtures/assessments/index.js';
import { descendants, elements, parseXml, textOf, type XmlElement } from '../../test/fixtures/assessments/xml-reader.js';
import { renderJunit } from './junit.js';

const sample = loadSample();
const text = renderJunit(sample);
const root = parseXml(text);

function counts(node: XmlElement): Record<string, number> {
  return Object.fromEntries(['tests', 'failures', 'errors', 'skipped'].map((k) => [k, Number(node.attrs[k])]));
}

describe('junit reporter', () => {
  it('is well-formed JUnit XML: <testsuites> with totals matching the summary', () => {
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(root.name).toBe('testsuites');
    expect(counts(root)).toEqual({
      tests: sample.requirements.length,
      failures: sample.summary.non_compliant,
      errors: sample.summary.unknown,
      skipped: sample.summary.not_applicable,
    });
  });

  it('has one suite per section, counts that add up, and a test case per requirement in checklist order', () => {
    const suites = elements(root, 'testsuite');
    expect(suites.map((s) => s.attrs['name'])).toEqual([...new Set(sample.requirements.map((r) => r.sectionTitle))]);
    for (const suite of suites) {
      const cases = elements(suite, 'testcase');
      expect(counts(suite)).toEqual({
        tests: cases.length,
        failures: cases.filter((c) => elements(c, 'failure').length > 0).length,
        errors: cases.filter((c) => elements(c, 'error').length > 0).length,
        skipped: cases.filter((c) => elements(c, 'skipped').length > 0).length,
      });
      expect(suite.attrs['timestamp']).toBe('2026-06-01T12:00:00');
      for (const c of cases) expect(c.attrs['classname']).toBe(suite.attrs['name']);
      expect(elements(elements(suite, 'properties')[0]!, 'property').map((p) => p.attrs['name'])).toContain('checklist.version');
    }
    const names = descendants(root, 'testcase').map((c) => c.attrs['name']);
    expect(names).toEqual(sample.requirements.map((r) => `${r.id} ${r.title}`));
  });

  it('maps statuses: failure, error, skipped, and a passing partial with what is missing in system-out', () => {
    const byId = new Map(descendants(root, 'testcase').map((c) => [c.attrs['name']?.split(' ')[0], c]));
    for (const r of sample.requirements) {
      const c = byId.get(r.id)!;
      const children = elements(c).map((e) => e.name);
      const expected = { compliant: [], partially_compliant: ['system-out'], non_compliant: ['failure'], unknown: ['error'], not_applicable: ['skipped'] }[r.status];
      expect(children, r.id).toEqual(expected);
    }
    const s3 = elements(byId.get('S3-001')!, 'failure')[0]!;
    expect(s3.attrs['type']).toBe('non_compliant');
    expect(textOf(s3)).toMatch(/Findings \(\d+\):\n- \[high\] sample-s3-public-access-block: /);
    expect(textOf(s3)).toMatch(/…and \d+ more/);
    const partial = textOf(elements(byId.get('ARC-001')!, 'system-out')[0]!);
    expect(partial).toContain('Partially compliant.');
    expect(partial).toContain('evidence_changed');
  });

  it('escapes hostile strings and drops control characters', () => {
    expect(text).not.toContain(FORBIDDEN.escape);
    expect(text).not.toContain(FORBIDDEN.rtlOverride);
    expect(text).not.toMatch(UNSAFE_CHARS);
    const all = textOf(root);
    expect(all).toContain(HOSTILE.formulaBucket);
    expect(all).toContain(HOSTILE.pipes);
    const nasty = '</failure><script>x</script>]]>&amp;"\'\u001b[2J';
    const hostile = withChanges((a) => {
      const s3 = a.requirements.find((r) => r.id === 'S3-001')!;
      s3.reasons[0]!.message = nasty;
      s3.title = nasty;
    });
    const out = renderJunit(hostile);
    const s3 = descendants(parseXml(out), 'testcase').find((c) => c.attrs['name']?.startsWith('S3-001 '))!;
    const clean = '</failure><script>x</script>]]>&amp;"\'';
    expect(s3.attrs['name']).toBe(`S3-001 ${clean}`);
    expect(elements(s3, 'failure')[0]?.attrs['message']).toBe(clean);
    expect(textOf(s3)).toContain(clean);
    expect(out).not.toContain('<script>');
  });

  it('lists fewer findings when asked', () => {
    const short = parseXml(renderJunit(sample, { maxFindings: 1 }));
    const s3 = descendants(short, 'testcase').find((c) => c.attrs['name']?.startsWith('S3-001 '))!;
    expect(textOf(s3).split('\n').filter((l) => l.startsWith('- ['))).toHaveLength(1);
  });
});

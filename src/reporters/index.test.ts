import { describe, expect, it } from 'vitest';
import { loadSample } from '../../test/fixtures/assessments/index.js';
import { REPORT_FORMATS, reporters } from './index.js';

const sample = loadSample();

describe('reporter registry', () => {
  it('has every format, each with an extension, a content type and a description', () => {
    expect(Object.keys(reporters).sort()).toEqual([...REPORT_FORMATS].sort());
    for (const [format, r] of Object.entries(reporters)) {
      expect(r.extension, format).toMatch(/^\.[a-z.]+$/);
      expect(r.contentType, format).toMatch(/^[a-z]+\/[a-z0-9.+-]+/);
      expect(r.description.length, format).toBeGreaterThan(10);
    }
  });

  it('renders the sample in every format: bytes exactly when binary, the same output for the same input', () => {
    for (const [format, r] of Object.entries(reporters)) {
      const first = r.render(sample);
      const second = r.render(sample, {});
      expect(first instanceof Uint8Array, format).toBe(r.binary);
      if (first instanceof Uint8Array) expect(Buffer.from(first).equals(Buffer.from(second as Uint8Array)), format).toBe(true);
      else expect(first, format).toBe(second);
      expect(first.length, format).toBeGreaterThan(100);
    }
  });

  it('passes each format the options it knows', () => {
    expect(reporters.terminal.render(sample, { color: true })).toContain('\u001b[');
    expect(reporters.terminal.render(sample)).not.toContain('\u001b[');
    expect(reporters.csv.render(sample, { bom: false })).toMatch(/^"ID"/);
    const live = JSON.parse(reporters.sarif.render(sample, { liveFindings: 'pseudo-artifact' }) as string);
    expect(live.runs[0].properties.omitted.liveFindings).toBe(0);
  });

  it('does not change the assessment it is given', () => {
    const before = JSON.stringify(sample);
    for (const r of Object.values(reporters)) r.render(sample, { verbose: true, liveFindings: 'pseudo-artifact' });
    expect(JSON.stringify(sample)).toBe(before);
  });
});

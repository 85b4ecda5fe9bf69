import { describe, expect, it } from 'vitest';
import { Assessment } from '../core/index.js';
import { loadSample } from '../../test/fixtures/assessments/index.js';
import { renderJson, renderJsonChunks } from './json.js';

describe('json reporter', () => {
  const sample = loadSample();

  it('is the assessment itself, pretty-printed, with a final newline', () => {
    const text = renderJson(sample);
    expect(text).toBe(`${JSON.stringify(sample, null, 2)}\n`);
    expect(Assessment.parse(JSON.parse(text))).toEqual(sample);
  });

  it('writes the same text in pieces, one per top-level field and array item', () => {
    const chunks = [...renderJsonChunks(sample)];
    expect(chunks.join('')).toBe(`${JSON.stringify(sample, null, 2)}\n`);
    expect(chunks.length).toBeGreaterThan(sample.findings.length);
    // Multi-line strings, empty arrays and objects, and an absent field keep JSON.stringify's exact layout.
    const odd = { ...sample, findings: [], warnings: ['two\nlines', '}\n{'], product: {}, extra: undefined } as unknown as typeof sample;
    expect([...renderJsonChunks(odd)].join('')).toBe(`${JSON.stringify(odd, null, 2)}\n`);
  });

  it('keeps untrusted strings as data: JSON escaping makes them inert', () => {
    const text = renderJson(sample);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\u001b[2J');
  });
});

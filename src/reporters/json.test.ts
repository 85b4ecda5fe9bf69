import { describe, expect, it } from 'vitest';
import { Assessment } from '../core/index.js';
import { loadSample } from '../../test/fixtures/assessments/index.js';
import { renderJson } from './json.js';

describe('json reporter', () => {
  const sample = loadSample();

  it('is the assessment itself, pretty-printed, with a final newline', () => {
    const text = renderJson(sample);
    expect(text).toBe(`${JSON.stringify(sample, null, 2)}\n`);
    expect(Assessment.parse(JSON.parse(text))).toEqual(sample);
  });

  it('keeps untrusted strings as data: JSON escaping makes them inert', () => {
    const text = renderJson(sample);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\u001b[2J');
  });
});

import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-position.js';

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": oops}', 6],
    ['{"a": 1,}', 8],
    ['[1, 2', 5],
    ['{"a" 1}', 5],
    ['{"a": "x\ny"}', 8],
    ['{"a": 1} x', 9],
    ['', 0],
    ['{"a": [1, {"b": tru}]}', 16],
  ])('%j fails at %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('a deeply nested text does not overflow the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(99_999);
    expect(jsonErrorOffset(deep)).toBe(deep.length);
  });
});

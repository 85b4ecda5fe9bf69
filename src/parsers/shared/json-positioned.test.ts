import { describe, expect, it } from 'vitest';
import { InputError } from './input-error.js';
import { parseJsonPositioned } from './json-positioned.js';

describe('positioned JSON', () => {
  it('parses like JSON.parse and records key and item positions', () => {
    const text = '{\n  "a": [1, -2.5e3, "x\\u00e9\\n", true, null],\n  "b": { "c": {} }\n}';
    const doc = parseJsonPositioned(text);
    expect(doc.value).toEqual(JSON.parse(text));
    const value = doc.value as { a: unknown[]; b: object };
    expect(doc.positions.of(value, 'b')).toEqual({ line: 3, column: 3 });
    expect(doc.positions.of(value.a, 2)).toEqual({ line: 2, column: 20 });
  });

  it('keeps a "__proto__" key as data', () => {
    const value = parseJsonPositioned('{"__proto__": {"polluted": true}}').value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports what was expected, with line and column', () => {
    const cases: Array<[string, number, number, RegExp]> = [
      ['{"a": 1,}', 1, 9, /property name/],
      ['{"a" 1}', 1, 6, /expected ':'/],
      ['[1 2]', 1, 4, /',' or ']'/],
      ['{"a": 1, "a": 2}', 1, 10, /duplicate key/],
      ['{\n"a": tru }', 2, 6, /expected a value/],
      ['"\\q"', 1, 2, /unknown escape/],
      ['{}{}', 1, 3, /after the end/],
    ];
    for (const [text, line, column, message] of cases) {
      try {
        parseJsonPositioned(text);
        expect.unreachable(text);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect([(error as InputError).line, (error as InputError).column], text).toEqual([line, column]);
        expect((error as InputError).message).toMatch(message);
      }
    }
  });

  it('refuses nesting deeper than the limit instead of overflowing the stack', () => {
    expect(() => parseJsonPositioned('['.repeat(100_000))).toThrow(/nested deeper/);
  });
});

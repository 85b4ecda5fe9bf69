import { describe, expect, it } from 'vitest';
import { InputError } from './input-error.js';
import type { PositionedDocument, PositionTable } from './positions.js';
import { parseYamlFast, YamlFallback } from './yaml-fast.js';
import { parseYamlPositioned, parseYamlWithLibrary } from './yaml-positioned.js';

/** Every difference between two parsed documents: values, key order and key positions. */
function differences(a: PositionedDocument, b: PositionedDocument): string[] {
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, px: PositionTable, py: PositionTable, path: string): void => {
    if (Array.isArray(x) !== Array.isArray(y) || typeof x !== typeof y || (x === null) !== (y === null)) {
      out.push(`${path}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
      return;
    }
    if (x !== null && typeof x === 'object') {
      const kx = Object.keys(x);
      const ky = Object.keys(y as object);
      if (kx.join('\u0000') !== ky.join('\u0000')) out.push(`${path}: keys ${kx.join(',')} vs ${ky.join(',')}`);
      for (const key of kx) {
        const k = Array.isArray(x) ? Number(key) : key;
        if (!Array.isArray(x) && JSON.stringify(px.of(x, k)) !== JSON.stringify(py.of(y as object, k))) out.push(`${path}/${key}: position ${JSON.stringify(px.of(x, k))} vs ${JSON.stringify(py.of(y as object, k))}`);
        walk((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key], px, py, `${path}/${key}`);
      }
    } else if (!Object.is(x, y)) out.push(`${path}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
  };
  walk(a.value, b.value, a.positions, b.positions, '');
  return out;
}

/** The fast reader must agree with the library, or give the document to it. */
function agrees(text: string): 'same' | 'fallback' {
  let fast: PositionedDocument;
  try {
    fast = parseYamlFast(text);
  } catch (error) {
    if (error instanceof YamlFallback) return 'fallback';
    throw error;
  }
  let library: PositionedDocument;
  try {
    library = parseYamlWithLibrary(text);
  } catch (error) {
    expect.unreachable(`the fast reader accepted what the library rejects (${String(error)}):\n${text}`);
  }
  expect(differences(fast, library), text).toEqual([]);
  return 'same';
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = ['[', ']', '{', '}', ',', ': ', ':', '- ', '-', '#', ' #', '!Ref ', '!', '"', "'", '|', '>', '|-', '\n', '\n  ', '\n    ', '  ', ' ', 'a', '1', '~', '?', '*', '&', '%', '@', '\t', '\\', '${x}', 'null', '0x1', '.5'];

const HANDLED = [
  'A: 1\nB: two\nC: 3.5\nD: true\nE: ~\nF:\nG: 0x1f\nH: 0o17\nI: -.inf\nJ: 2012-10-17\nK: 012345678901\n',
  "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket # comment\n    Properties:\n      BucketName: !Sub '${AWS::StackName}-x'\n      Tags:\n        - Key: a\n          Value: !Ref Env\n        - { Key: b, Value: 'c' }\n",
  'List:\n- a\n- b\n-   c\nNested:\n  - - x\n    - y\n  -\n    k: v\n',
  'Flow: [a, "b c", \'d\'\'e\', [1, 2], {x: 1, "y": [z]}, !Ref R, !GetAtt A.B]\nMap: { a: 1, b: !Sub "x${y}", c: }\n',
  'Multi: [a,\n  b,\n  c]\nAfter: 1\n',
  'Literal: |\n  line 1\n    indented\n  line 3\nStrip: |-\n  x\nKeep: |+\n  y\n\nFolded: >\n  a\n  b\n\n  c\nNext: 1\n',
  'Cond: !If\n  - IsProd\n  - !Ref A\n  - !Ref AWS::NoValue\nEq: !Equals [!Ref Env, prod]\nSub: !Sub\n  - "${A}-${B}"\n  - { B: x }\nTagNum: !Ref 1.0\nTagEmpty: !Ref\n',
  '"quoted key": 1\n\'single\': 2\nesc: "tab\\tnew\\nunicode\\u00e9 \\x41"\nurl: http://example.com/a#b\ncolon: arn:aws:s3:::b/*\n',
  '---\nA: 1\n# trailing comment\n',
  'A:\r\n  B: 1\r\n  C: [x, y]\r\n',
  'Base64: !Base64 |\n  #!/bin/bash\n  echo "${X}"\n',
  'A:\n  - !GetAtt\n    - X\n    - Arn\n',
];

const LIBRARY_ONLY = [
  'A: &anchor 1\nB: *anchor\n',
  'A: this is a\n  multi-line plain scalar\n',
  '? complex\n: key\n',
  '%YAML 1.2\n---\nA: 1\n',
  'A: 1\n---\nB: 2\n',
  'A: "multi\n  line"\n',
  'A: |2\n   explicit\n',
  'A:\n\tB: 1\n',
];

describe('YAML reading', () => {
  it('reads template YAML exactly as the yaml library does (values, key order, positions)', () => {
    for (const text of HANDLED) expect(agrees(text), text).toBe('same');
  });

  it('agrees with the library on thousands of mutated documents (or gives them to it)', () => {
    const next = random(Number(process.env['FUZZ_SEED'] ?? 7));
    let same = 0;
    for (let i = 0; i < 3000; i++) {
      let text = HANDLED[Math.floor(next() * HANDLED.length)]!;
      for (let m = 0; m < 1 + Math.floor(next() * 3); m++) {
        const at = Math.floor(next() * text.length);
        const piece = PIECES[Math.floor(next() * PIECES.length)]!.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
        text = next() < 0.3 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3)) : text.slice(0, at) + piece + text.slice(at);
      }
      let library = true;
      try {
        parseYamlWithLibrary(text);
      } catch {
        library = false;
      }
      if (!library) {
        expect(() => parseYamlFast(text), text).toThrow(YamlFallback);
        continue;
      }
      if (agrees(text) === 'same') same++;
    }
    expect(same).toBeGreaterThan(300);
  });

  it('gives unusual YAML to the library rather than guessing', () => {
    for (const text of LIBRARY_ONLY) expect(agrees(text), text).toBe('fallback');
  });

  it('reports errors with the library’s wording and a line', () => {
    for (const [text, line] of [['A: [1, 2\nB: 3\n', 2], ['A: 1\nA: 2\n', 2], ['A:\n  - x\n  y: 1\n', 3]] as const) {
      try {
        parseYamlPositioned(text);
        expect.unreachable(text);
      } catch (error) {
        expect(error, text).toBeInstanceOf(InputError);
        expect((error as InputError).line, text).toBe(line);
      }
    }
  });

  it('refuses aliases, so alias bombs cannot expand', () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    const started = Date.now();
    expect(() => parseYamlPositioned(bomb)).toThrow(/aliases/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

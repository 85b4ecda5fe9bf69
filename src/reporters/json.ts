/** The assessment itself (ARCHITECTURE §7), as the schema in schemas/assessment.schema.json describes it. */
import type { Assessment } from '../core/index.js';

export type JsonOptions = Record<string, never>;

export function renderJson(assessment: Assessment, _options: JsonOptions = {}): string {
  return [...renderJsonChunks(assessment)].join('');
}

/**
 * The same text as `JSON.stringify(assessment, null, 2)`, in pieces: one per top-level field and one per item of a
 * top-level array, so an assessment of 100,000+ findings is written without ever being one string. Newlines occur
 * in JSON text only between tokens (a newline inside a string is escaped), so re-indenting a piece is exact.
 */
export function* renderJsonChunks(assessment: Assessment): Generator<string> {
  const entries = Object.entries(assessment).filter(([, value]) => value !== undefined && typeof value !== 'function');
  yield entries.length === 0 ? '{}\n' : '{';
  for (const [i, [key, value]] of entries.entries()) {
    const head = `${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield `${head}[`;
      for (const [j, item] of value.entries()) yield `${j === 0 ? '' : ','}\n    ${indent(item, '    ')}`;
      yield '\n  ]';
    } else {
      yield `${head}${indent(value, '  ')}`;
    }
  }
  if (entries.length > 0) yield '\n}\n';
}

function indent(value: unknown, by: string): string {
  return (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${by}`);
}

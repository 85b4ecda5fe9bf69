import { oneLine } from './text.js';

// Every ASCII punctuation character can be backslash-escaped in CommonMark; escaping all of them turns off emphasis,
// links, images, raw HTML, entities, headings, tables (`|`), GFM autolinks (`:` and `.`) and emoji shortcodes at once.
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Untrusted text for Markdown (GitHub-flavoured), on one line so it can sit in a table cell. `@` additionally gets a
 * zero-width space after it, so a resource named `@org/team` cannot mention anyone in a pull-request comment.
 */
export function mdText(value: string): string {
  return oneLine(value)
    .replace(PUNCTUATION, (c) => `\\${c}`)
    .replace(/\\@/g, '\\@\u200b');
}

/**
 * An identifier (resource name, ARN, file path) as an inline code span inside a GFM table cell: nothing in a code span
 * is interpreted, except that GFM splits table cells on `|` first, so pipes are escaped (GFM removes the backslash).
 */
export function mdCode(value: string): string {
  const text = oneLine(value).replace(/\|/g, '\\|');
  if (text === '') return '';
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

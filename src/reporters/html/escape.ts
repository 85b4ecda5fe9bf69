/**
 * Escaping for the HTML report. Untrusted text is first cleaned (`cleanText`: no control characters, bidi overrides
 * or terminal escapes), then escaped for the context it lands in: element text and quoted attributes (`esc`), the
 * embedded JSON data block (`scriptJson`), or a link target (`httpUrl`: only http and https ever become an href).
 */
import { cleanText, oneLine } from '../_lib/text.js';

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Untrusted text for element content or a quoted attribute value; keeps line breaks (CSS decides how they show). */
export function esc(value: string): string {
  return cleanText(value).replace(/[&<>"']/g, (c) => ENTITY[c] ?? c);
}

/** Untrusted text on one line, escaped. */
export function esc1(value: string): string {
  return oneLine(value).replace(/[&<>"']/g, (c) => ENTITY[c] ?? c);
}

const SCRIPT_UNSAFE: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * JSON for a `<script type="application/json">` block. With every `<` written as \u003c, no string can close the
 * element (`</script>`) or open an HTML comment (`<!--`) that changes how the parser reads it; JSON.parse reads the
 * escapes back to the same characters.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c] ?? c);
}

/** The URL when it is an absolute http(s) URL (the only kind the report makes clickable), else undefined. */
export function httpUrl(value: string): string | undefined {
  const text = oneLine(value);
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link for http(s) URLs, plain text for anything else (`javascript:`, `data:`, relative paths). */
export function linkOrText(value: string): string {
  const url = httpUrl(value);
  if (url === undefined) return `<span class="url">${esc1(value)}</span>`;
  return `<a href="${esc(url)}" rel="noopener noreferrer nofollow" target="_blank">${esc1(value)}</a>`;
}

/** 12,345: grouping fixed here, not left to the machine's locale, so the output is the same everywhere. */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 finding" / "2 findings". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

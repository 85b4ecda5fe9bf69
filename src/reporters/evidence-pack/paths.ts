/**
 * Safe paths inside the pack. Folder and file names come from requirement titles and ftr.yaml evidence paths, so each
 * segment is cleaned: no separators, no `..` or hidden names, no control or bidirectional characters, nothing
 * Windows refuses (reserved device names, trailing dots), and a bounded length.
 */
import { cleanText, truncate } from '../_lib/text.js';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** One path segment: letters, digits, space and `._-()+` kept, anything else becomes `-`. */
export function safeSegment(value: string, fallback = 'file', max = 80): string {
  let s = cleanText(value)
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()+-]/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .trim()
    .replace(/^[.\s-]+/, '');
  s = truncate(s, max, '').replace(/[.\s]+$/, '');
  if (s === '') s = fallback;
  return WINDOWS_RESERVED.test(s) ? `_${s}` : s;
}

/** Lower-case ASCII words joined by `-`, for folder names built from titles. */
export function slug(value: string, max = 60): string {
  const s = cleanText(value)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '') || 'requirement';
}

/** The last segment of a path written with either separator. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]+/).filter((p) => p !== '' && p !== '.' && p !== '..');
  return parts[parts.length - 1] ?? '';
}

/** A name not yet in `used` (adds `-2`, `-3` … before the extension), recorded as used. */
export function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${ext}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

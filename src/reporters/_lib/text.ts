/**
 * Neutralising untrusted text (names, tags, messages, statements: anything that came from a scanned account, a
 * template or ftr.yaml). Every reporter runs such strings through here before its own escaping, so that no output
 * can carry terminal escapes, control characters, bidirectional overrides (the "Trojan Source" trick) or lone
 * surrogates, whatever the format does next.
 */

// ANSI / VT sequences: CSI (ESC [ … final byte, or the 8-bit CSI), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC strings,
// and two-byte escapes (ESC followed by one character).
const ANSI_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[ -~]?/g;
// C0 and C1 controls except tab and line feed (carriage returns are normalised to line feeds first).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidirectional embeddings, overrides, isolates and marks: they reorder what a reader sees.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Not characters at all; illegal in XML 1.0.
const NONCHARACTER = /[\ufffe\uffff]/g;

/** Untrusted text made safe to show, keeping its line breaks (`\n`) and tabs. */
export function cleanText(value: string): string {
  return value
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(ANSI_SEQUENCE, '')
    .replace(CONTROL, '')
    .replace(BIDI, '')
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(NONCHARACTER, '');
}

/** Untrusted text on one line: line breaks and tabs become single spaces. */
export function oneLine(value: string): string {
  return cleanText(value)
    .replace(/[\t ]*\n[\t ]*/g, ' ')
    .replace(/\t/g, ' ')
    .trim();
}

/** At most `max` code points (an emoji is never cut in half), ending with `ellipsis` when cut. */
export function truncate(value: string, max: number, ellipsis = '…'): string {
  const points = Array.from(value);
  if (points.length <= max) return value;
  const keep = Math.max(0, max - Array.from(ellipsis).length);
  return points.slice(0, keep).join('') + ellipsis;
}

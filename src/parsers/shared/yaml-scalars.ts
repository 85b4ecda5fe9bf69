/**
 * YAML 1.2 core-schema resolution of plain (unquoted) scalars, as the `yaml` library does by default: null, booleans,
 * integers (decimal, 0o octal, 0x hex), floats (with .inf and .nan); everything else is a string.
 */
export function resolvePlainScalar(text: string): unknown {
  if (text === '') return null;
  const c = text.charCodeAt(0);
  // Most plain scalars in templates are words: settle them without a regular expression.
  const digitLike = (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46;
  if (!digitLike) {
    switch (text) {
      case '~': case 'null': case 'Null': case 'NULL': return null;
      case 'true': case 'True': case 'TRUE': return true;
      case 'false': case 'False': case 'FALSE': return false;
      default: return text;
    }
  }
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(text)) return NaN;
  return text;
}

/**
 * Where a JSON text stops being valid, as a character offset. JSON.parse on Node 20 often says only "Unexpected
 * token"; users need the line. Runs only after JSON.parse failed, so speed matters less than a bounded stack: the
 * scan is iterative.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const literal = (word: string) => (text.startsWith(word, i) ? ((i += word.length), true) : false);
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) return (i++, true);
      if (c < 32) return false;
      if (c === 92) {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) return false;
          i += 5;
        } else if ('"\\/bfnrt'.includes(text[i] ?? '')) i++;
        else return false;
      } else i++;
    }
    return false;
  };
  const number = (): boolean => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') return false;
    i += m[0].length;
    return true;
  };
  // An explicit stack of open containers: 'o' object, 'a' array.
  const stack: string[] = [];
  let expectValue = true;
  ws();
  while (i < n) {
    if (expectValue) {
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c === '{' ? 'o' : 'a');
        i++;
        ws();
        if ((c === '{' && text[i] === '}') || (c === '[' && text[i] === ']')) {
          stack.pop();
          i++;
          expectValue = false;
        } else if (c === '{') {
          if (!string()) return i;
          ws();
          if (text[i] !== ':') return i;
          i++;
        }
        ws();
        continue;
      }
      if (!(string() || number() || literal('true') || literal('false') || literal('null'))) return i;
      expectValue = false;
      ws();
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i; // trailing content after the value
    const c = text[i];
    if (c === ',') {
      i++;
      ws();
      if (top === 'o') {
        if (!string()) return i;
        ws();
        if (text[i] !== ':') return i;
        i++;
      }
      ws();
      expectValue = true;
      continue;
    }
    if ((top === 'o' && c === '}') || (top === 'a' && c === ']')) {
      stack.pop();
      i++;
      ws();
      continue;
    }
    return i;
  }
  return expectValue || stack.length > 0 ? n : i;
}

import { InputError } from '../../shared/input-error.js';
import type { Comment, TemplatePart, Token } from './tokens.js';

const PUNCT3 = new Set(['...']);
const PUNCT2 = new Set(['==', '!=', '<=', '>=', '&&', '||', '=>', '::']);
const PUNCT1 = new Set(['{', '}', '[', ']', '(', ')', '=', ',', '.', ':', '?', '!', '+', '-', '*', '/', '%', '<', '>', '@']);

/**
 * Splits HCL text into tokens with line and column, keeping comments (for `# ftr-ready:waive` lines). Strings and
 * heredocs are templates: their literal pieces and `${…}` interpolations (lexed as nested token lists).
 */
export function lexHcl(text: string): { tokens: Token[]; comments: Comment[] } {
  const lexer = new Lexer(text);
  const tokens = lexer.run(false);
  return { tokens, comments: lexer.comments };
}

class Lexer {
  i = 0;
  line = 1;
  lineStart = 0;
  readonly comments: Comment[] = [];

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.i = this.lineStart = 1;
  }

  private fail(message: string): never {
    throw new InputError(`invalid HCL: ${message}`, this.line, this.i - this.lineStart + 1);
  }

  private token(kind: Token['kind'], text: string, line: number, column: number): Token {
    return { kind, text, line, column };
  }

  /** Lexes until the end of text, or (inside an interpolation) until the `}` that closes it. */
  run(inInterpolation: boolean): Token[] {
    const tokens: Token[] = [];
    const text = this.text;
    let depth = 0;
    for (;;) {
      if (this.i >= text.length) {
        if (inInterpolation) this.fail('an interpolation ${…} is not closed');
        tokens.push({ kind: 'eof', text: '', line: this.line, column: this.i - this.lineStart + 1 });
        return tokens;
      }
      const c = text[this.i]!;
      const col = this.i - this.lineStart + 1;
      if (c === ' ' || c === '\t' || c === '\r') {
        this.i++;
        continue;
      }
      if (c === '\n') {
        tokens.push(this.token('newline', '\n', this.line, col));
        this.newline();
        continue;
      }
      if (c === '#' || (c === '/' && text[this.i + 1] === '/')) {
        const end = text.indexOf('\n', this.i);
        const stop = end < 0 ? text.length : end;
        this.comments.push({ line: this.line, text: text.slice(this.i, stop) });
        this.i = stop;
        continue;
      }
      if (c === '/' && text[this.i + 1] === '*') {
        const end = text.indexOf('*/', this.i + 2);
        if (end < 0) this.fail('a /* comment is not closed');
        for (let k = this.i; k < end; k++) if (text.charCodeAt(k) === 10) {
          this.line++;
          this.lineStart = k + 1;
        }
        this.i = end + 2;
        continue;
      }
      if (inInterpolation) {
        if (c === '{') depth++;
        if (c === '}') {
          if (depth === 0) {
            this.i++;
            tokens.push({ kind: 'eof', text: '', line: this.line, column: col });
            return tokens;
          }
          depth--;
        }
        if (c === '~' && text[this.i + 1] === '}' && depth === 0) {
          this.i++;
          continue;
        }
      }
      if (isIdentStart(c)) {
        const start = this.i;
        while (this.i < text.length && isIdentPart(text[this.i]!)) this.i++;
        tokens.push(this.token('ident', text.slice(start, this.i), this.line, col));
        continue;
      }
      if (c >= '0' && c <= '9') {
        const match = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(this.i, this.i + 64));
        const source = match![0];
        this.i += source.length;
        tokens.push(this.token('number', source, this.line, col));
        continue;
      }
      if (c === '"') {
        const startLine = this.line;
        this.i++;
        const { parts, directive } = this.quoted();
        tokens.push({ kind: 'string', text: '"', line: startLine, column: col, parts, directive });
        continue;
      }
      if (c === '<' && text[this.i + 1] === '<' && /[-A-Za-z_]/.test(text[this.i + 2] ?? '')) {
        tokens.push(this.heredoc(col));
        continue;
      }
      const three = text.slice(this.i, this.i + 3);
      const two = text.slice(this.i, this.i + 2);
      if (PUNCT3.has(three)) {
        tokens.push(this.token('punct', three, this.line, col));
        this.i += 3;
      } else if (PUNCT2.has(two)) {
        tokens.push(this.token('punct', two, this.line, col));
        this.i += 2;
      } else if (PUNCT1.has(c)) {
        tokens.push(this.token('punct', c, this.line, col));
        this.i++;
      } else {
        this.fail(`unexpected character ${JSON.stringify(c)}`);
      }
    }
  }

  private newline(): void {
    this.i++;
    this.line++;
    this.lineStart = this.i;
  }

  /** A quoted template, after its opening quote. */
  private quoted(): { parts: TemplatePart[]; directive: boolean } {
    const text = this.text;
    const parts: TemplatePart[] = [];
    let literal = '';
    let directive = false;
    for (;;) {
      if (this.i >= text.length) this.fail('a string is not closed');
      const c = text[this.i]!;
      if (c === '"') {
        this.i++;
        break;
      }
      if (c === '\n') this.fail('a string is not closed before the end of the line');
      if (c === '\\') {
        const e = text[this.i + 1];
        this.i += 2;
        switch (e) {
          case 'n': literal += '\n'; break;
          case 't': literal += '\t'; break;
          case 'r': literal += '\r'; break;
          case '"': literal += '"'; break;
          case '\\': literal += '\\'; break;
          case 'u': case 'U': {
            const len = e === 'u' ? 4 : 8;
            const hex = text.slice(this.i, this.i + len);
            if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) this.fail(`\\${e} needs ${len} hexadecimal digits`);
            literal += String.fromCodePoint(parseInt(hex, 16));
            this.i += len;
            break;
          }
          default: this.fail(`unknown escape \\${e ?? ''} in a string`);
        }
        continue;
      }
      if ((c === '$' || c === '%') && text[this.i + 1] === c && text[this.i + 2] === '{') {
        literal += `${c}{`;
        this.i += 3;
        continue;
      }
      if ((c === '$' || c === '%') && text[this.i + 1] === '{') {
        if (literal !== '') parts.push(literal);
        literal = '';
        if (c === '%') directive = true;
        parts.push(this.interpolation());
        continue;
      }
      literal += c;
      this.i++;
    }
    if (literal !== '' || parts.length === 0) parts.push(literal);
    return { parts, directive };
  }

  private interpolation(): TemplatePart {
    const start = this.i + 2;
    this.i += 2;
    if (this.text[this.i] === '~') this.i++;
    const tokens = this.run(true);
    return { tokens, source: this.text.slice(start, this.i - 1).replace(/^~|~$/g, '').trim() };
  }

  private heredoc(col: number): Token {
    const text = this.text;
    const startLine = this.line;
    const header = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(text.slice(this.i, this.i + 300));
    if (!header) this.fail('a heredoc needs <<MARKER followed by a line break');
    const indented = header[1] === '-';
    const marker = header[2]!;
    this.i += header[0].length;
    this.line++;
    this.lineStart = this.i;
    const lines: string[] = [];
    for (;;) {
      if (this.i >= text.length) this.fail(`the heredoc <<${marker} is not closed (expected a line with ${marker})`);
      const end = text.indexOf('\n', this.i);
      const stop = end < 0 ? text.length : end;
      const line = text.slice(this.i, stop).replace(/\r$/, '');
      if (line.trim() === marker) {
        this.i = stop;
        break;
      }
      lines.push(line);
      this.i = stop;
      if (end >= 0) this.newline();
    }
    let body = lines;
    if (indented) {
      const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length));
      body = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0));
    }
    const content = body.length > 0 ? `${body.join('\n')}\n` : '';
    const sub = new Lexer(`"${content.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r')}"`);
    sub.i = 1;
    sub.line = startLine + 1;
    const { parts, directive } = sub.quoted();
    return { kind: 'heredoc', text: '<<', line: startLine, column: col, parts, directive };
  }
}

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c.charCodeAt(0) > 127;
}

function isIdentPart(c: string): boolean {
  return isIdentStart(c) || (c >= '0' && c <= '9') || c === '-';
}

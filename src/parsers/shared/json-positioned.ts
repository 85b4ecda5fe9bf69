import { InputError, MAX_NESTING } from './input-error.js';
import { detach, isIntrinsicKey, packPosition, PositionTable, setOwn, type PositionedDocument } from './positions.js';
import { childScope, opensIntrinsic, propertiesScope, recordLine, type LineScope } from './property-lines.js';

/**
 * A JSON parser that records where every value starts (line and column), for templates and plans. JSON.parse is
 * faster but forgets positions; this one stays within a small factor of it and reports errors with line and column.
 * Duplicate keys are an error: a template whose later key silently wins can hide a setting.
 */
export function parseJsonPositioned(text: string, positionDepth = Number.POSITIVE_INFINITY, propertyLines = false): PositionedDocument {
  return new JsonReader(text, positionDepth, propertyLines).read();
}

class JsonReader {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  private readonly positions: PositionTable;

  constructor(
    private readonly text: string,
    positionDepth: number,
    /** Whether the lines of a template's property paths are recorded (shared/property-lines.ts). */
    private readonly propertyLines: boolean,
  ) {
    this.positions = new PositionTable(positionDepth);
    if (text.charCodeAt(0) === 0xfeff) {
      this.i = 1;
      this.lineStart = 1;
    }
  }

  read(): PositionedDocument {
    this.skipSpace();
    if (this.i >= this.text.length) this.fail('the file is empty; expected a JSON object');
    this.positions.root = this.here();
    const value = this.value(0, undefined);
    this.skipSpace();
    if (this.i < this.text.length) this.fail(`unexpected ${this.found()} after the end of the JSON value`);
    return { value, positions: this.positions };
  }

  private here(): number {
    return packPosition(this.line, this.i - this.lineStart + 1);
  }

  private fail(message: string): never {
    throw new InputError(`invalid JSON: ${message}`, this.line, this.i - this.lineStart + 1);
  }

  private found(): string {
    if (this.i >= this.text.length) return 'end of file';
    const ch = this.text[this.i]!;
    return ch === '\n' ? 'a line break' : JSON.stringify(ch);
  }

  private skipSpace(): void {
    const text = this.text;
    let i = this.i;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13) i++;
      else if (c === 10) {
        i++;
        this.line++;
        this.lineStart = i;
      } else break;
    }
    this.i = i;
  }

  private value(depth: number, key: string | undefined, lines?: LineScope): unknown {
    const c = this.text.charCodeAt(this.i);
    if (c === 123) return this.object(depth, key, lines);
    if (c === 91) return this.array(depth, key, lines);
    if (c === 34) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    if (this.text.startsWith('true', this.i)) return this.word(4, true);
    if (this.text.startsWith('false', this.i)) return this.word(5, false);
    if (this.text.startsWith('null', this.i)) return this.word(4, null);
    return this.fail(`expected a value, found ${this.found()}`);
  }

  private word<T>(length: number, value: T): T {
    this.i += length;
    return value;
  }

  private object(depth: number, parentKey: string | undefined, scope?: LineScope): Record<string, unknown> {
    if (depth >= MAX_NESTING) this.fail(`values are nested deeper than ${MAX_NESTING} levels`);
    this.i++;
    const out: Record<string, unknown> = {};
    let lines = scope ?? (this.propertyLines ? propertiesScope(out, depth, parentKey) : undefined);
    let firstKey = true;
    const keep = this.positions.keeps(depth, parentKey);
    const where: Array<string | number> = [];
    let first: Array<string | number> | undefined;
    this.skipSpace();
    if (this.text.charCodeAt(this.i) === 125) {
      this.i++;
      return out;
    }
    for (;;) {
      if (this.text.charCodeAt(this.i) !== 34) this.fail(`expected a property name in double quotes, found ${this.found()}`);
      const keyLine = this.line;
      const keyColumn = this.i - this.lineStart + 1;
      const key = this.string();
      if (Object.hasOwn(out, key)) throw new InputError(`invalid JSON: duplicate key ${JSON.stringify(key)}`, keyLine, keyColumn);
      this.skipSpace();
      if (this.text.charCodeAt(this.i) !== 58) this.fail(`expected ':' after the property name ${JSON.stringify(key)}, found ${this.found()}`);
      this.i++;
      this.skipSpace();
      if (keep) where.push(key, packPosition(keyLine, keyColumn));
      else if (first === undefined) first = [key, packPosition(keyLine, keyColumn)];
      else first.length = 0;
      let child: LineScope | undefined;
      if (lines !== undefined) {
        if (scope !== undefined && firstKey && opensIntrinsic(key)) lines = undefined;
        else {
          const pointer = recordLine(lines, key, keyLine);
          const c = this.text.charCodeAt(this.i);
          if (c === 123 || c === 91) child = childScope(lines, pointer, keyLine);
        }
      }
      firstKey = false;
      setOwn(out, key, this.value(depth + 1, key, child));
      this.skipSpace();
      const next = this.text.charCodeAt(this.i);
      if (next === 44) {
        this.i++;
        this.skipSpace();
        continue;
      }
      if (next === 125) {
        this.i++;
        if (keep) this.positions.setEntries(out, where);
        else if (first !== undefined && first.length === 2 && isIntrinsicKey(first[0])) this.positions.setEntries(out, first);
        return out;
      }
      this.fail(`expected ',' or '}' after the value of ${JSON.stringify(key)}, found ${this.found()}`);
    }
  }

  private array(depth: number, parentKey: string | undefined, lines?: LineScope): unknown[] {
    if (depth >= MAX_NESTING) this.fail(`values are nested deeper than ${MAX_NESTING} levels`);
    this.i++;
    const out: unknown[] = [];
    const keep = this.positions.keeps(depth, parentKey);
    const where: number[] = [];
    if (keep) this.positions.setItems(out, where);
    this.skipSpace();
    if (this.text.charCodeAt(this.i) === 93) {
      this.i++;
      return out;
    }
    for (;;) {
      if (keep) where.push(this.here());
      let child: LineScope | undefined;
      if (lines !== undefined) {
        const pointer = recordLine(lines, out.length, this.line);
        const c = this.text.charCodeAt(this.i);
        if (c === 123 || c === 91) child = childScope(lines, pointer, this.line);
      }
      out.push(this.value(depth + 1, undefined, child));
      this.skipSpace();
      const next = this.text.charCodeAt(this.i);
      if (next === 44) {
        this.i++;
        this.skipSpace();
        continue;
      }
      if (next === 93) {
        this.i++;
        return out;
      }
      this.fail(`expected ',' or ']' after a list element, found ${this.found()}`);
    }
  }

  private string(): string {
    const text = this.text;
    const start = this.i + 1;
    let i = start;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        this.i = i + 1;
        return detach(text.slice(start, i));
      }
      if (c === 92) break;
      if (c < 32 || Number.isNaN(c)) {
        this.i = i;
        this.fail(Number.isNaN(c) ? 'a string is not closed before the end of the file' : 'a control character (such as a line break) inside a string');
      }
      i++;
    }
    let out = detach(text.slice(start, i));
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        this.i = i + 1;
        return out;
      }
      if (c < 32 || Number.isNaN(c)) {
        this.i = i;
        this.fail(Number.isNaN(c) ? 'a string is not closed before the end of the file' : 'a control character (such as a line break) inside a string');
      }
      if (c !== 92) {
        out += text[i];
        i++;
        continue;
      }
      const e = text[i + 1];
      i += 2;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const hex = text.slice(i, i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            this.i = i;
            this.fail('\\u must be followed by four hexadecimal digits');
          }
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
          break;
        }
        default:
          this.i = i - 2;
          this.fail(`unknown escape \\${e ?? ''} in a string`);
      }
    }
  }

  private number(): number {
    const text = this.text;
    const start = this.i;
    let i = start;
    if (text.charCodeAt(i) === 45) i++;
    const digits = (): number => {
      const from = i;
      while (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      return i - from;
    };
    if (text.charCodeAt(i) === 48) i++;
    else if (digits() === 0) this.fail('a number needs digits');
    if (text.charCodeAt(i) === 46) {
      i++;
      if (digits() === 0) {
        this.i = i;
        this.fail('a number needs digits after the decimal point');
      }
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      if (digits() === 0) {
        this.i = i;
        this.fail('a number needs digits in its exponent');
      }
    }
    this.i = i;
    return Number(text.slice(start, i));
  }
}

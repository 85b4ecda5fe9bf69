import { MAX_NESTING } from './input-error.js';
import { detach, packPosition, PositionTable, setOwn, type PositionedDocument } from './positions.js';
import { childScope, opensIntrinsic, propertiesScope, recordLine, type LineScope } from './property-lines.js';
import { resolvePlainScalar } from './yaml-scalars.js';
import { longForm } from './yaml-tags.js';

/** Thrown when the text uses YAML this reader does not handle; the caller falls back to the full `yaml` library. */
export class YamlFallback extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'YamlFallback';
  }
}

/**
 * A fast reader for the YAML that templates are written in: block maps and lists, flow lists and maps, plain,
 * quoted and block scalars, comments, and tags. It is several times faster than a general YAML library because it
 * builds values directly. Anything outside that subset — anchors and aliases, multi-line plain or quoted scalars,
 * complex keys, directives, several documents, tabs in indentation — and every syntax error makes it give up
 * (YamlFallback), so the general library decides, and reports errors with its wording.
 */
export function parseYamlFast(text: string, positionDepth = Number.POSITIVE_INFINITY, propertyLines = false): PositionedDocument {
  return new FastYaml(text, positionDepth, propertyLines).document();
}

const SPACE = 32;
const HASH = 35;
const NL = 10;
const CR = 13;
const TAB = 9;

class FastYaml {
  private readonly lineStarts: number[] = [0];
  private readonly positions: PositionTable;

  constructor(
    private readonly text: string,
    positionDepth: number,
    /** Whether the lines of a template's property paths are recorded (shared/property-lines.ts). */
    private readonly propertyLines: boolean,
  ) {
    this.positions = new PositionTable(positionDepth);
    if (text.charCodeAt(0) === 0xfeff) this.lineStarts[0] = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== NL) this.bail('a carriage return without a line feed');
  }

  private bail(reason: string): never {
    throw new YamlFallback(reason);
  }

  // ---- lines ---------------------------------------------------------------------------------------------------

  private get lineCount(): number {
    return this.lineStarts.length;
  }

  private lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === CR) end--;
    return end;
  }

  /** Column (0-based) of the first non-space character, or -1 for a blank or comment-only line. */
  private indentOf(line: number): number {
    const start = this.lineStarts[line]!;
    const end = this.lineEnd(line);
    let i = start;
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    if (i < end && this.text.charCodeAt(i) === TAB) {
      // A tab after the indentation only matters when content follows it.
      let j = i;
      while (j < end && (this.text.charCodeAt(j) === TAB || this.text.charCodeAt(j) === SPACE)) j++;
      if (j < end && this.text.charCodeAt(j) !== HASH) this.bail('tab in indentation');
      return -1;
    }
    if (i >= end || this.text.charCodeAt(i) === HASH) return -1;
    return i - start;
  }

  /** The next line at or after `line` with content, or lineCount. */
  private nextContent(line: number): number {
    while (line < this.lineCount && this.indentOf(line) < 0) line++;
    return line;
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private pos(offset: number): number {
    const line = this.lineOf(offset);
    return packPosition(line + 1, offset - this.lineStarts[line]! + 1);
  }

  /** Only spaces and an optional comment from `offset` to the end of its line. */
  private restIsEmpty(offset: number): boolean {
    const end = this.lineEnd(this.lineOf(offset));
    let i = offset;
    while (i < end && (this.text.charCodeAt(i) === SPACE || this.text.charCodeAt(i) === TAB)) i++;
    if (i >= end) return true;
    if (this.text.charCodeAt(i) !== HASH) return false;
    const before = this.text.charCodeAt(i - 1);
    if (before === SPACE || before === TAB || i === this.lineStarts[this.lineOf(i)]) return true;
    return this.bail('a # that is not preceded by a space');
  }

  // ---- document ------------------------------------------------------------------------------------------------

  document(): PositionedDocument {
    let line = this.nextContent(0);
    if (line >= this.lineCount) this.bail('empty document');
    const first = this.text.slice(this.lineStarts[line], this.lineEnd(line));
    if (first.startsWith('%')) this.bail('directive');
    if (first === '---' || first.startsWith('--- ') || first.startsWith('---\t')) {
      if (!this.restIsEmpty(this.lineStarts[line]! + 3)) this.bail('content after ---');
      line = this.nextContent(line + 1);
    }
    if (line >= this.lineCount || this.indentOf(line) !== 0) this.bail('root is not a block map at column 0');
    const start = this.lineStarts[line]!;
    this.positions.root = this.pos(start);
    const { value, next } = this.blockNode(line, 0, -1, 0);
    const rest = this.nextContent(next);
    if (rest < this.lineCount) this.bail('content after the root node');
    return { value, positions: this.positions };
  }

  /** A block node whose first line is `line`, starting at column `col` (which may be inside the line). */
  private blockNode(line: number, col: number, parentIndent: number, depth: number, key?: string, lines?: LineScope): { value: unknown; next: number } {
    if (depth > MAX_NESTING) this.bail('deep nesting');
    const at = this.lineStarts[line]! + col;
    const c = this.text.charCodeAt(at);
    if (c === 45 /* - */ && this.isSeqIndicator(at)) return this.blockSeq(line, col, depth, key, lines);
    if (this.keyEnd(at) >= 0) return this.blockMap(line, col, depth, key, lines);
    const { value, next } = this.inlineValue(at, parentIndent, depth, false, key);
    return { value, next };
  }

  private isSeqIndicator(offset: number): boolean {
    const n = this.text.charCodeAt(offset + 1);
    return n === SPACE || n === NL || n === CR || Number.isNaN(n) || n === TAB;
  }

  /**
   * If a map key starts at `offset` on this line, the offset of its `:`; otherwise -1. Keys are plain words or
   * single-line quoted strings; the `:` must be followed by a space or the end of the line.
   */
  private keyEnd(offset: number): number {
    const text = this.text;
    const end = this.lineEnd(this.lineOf(offset));
    const c = text.charCodeAt(offset);
    if (c === 34 || c === 39) {
      const close = this.quotedEnd(offset, end);
      if (close < 0) return -1;
      let i = close + 1;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      return text.charCodeAt(i) === 58 && this.colonEnds(i, end) ? i : -1;
    }
    if (c === 91 || c === 123 || c === 33 || c === 38 || c === 42 || c === 124 || c === 62 || c === HASH || c === 37 || c === 64 || c === 96 || c === 93 || c === 125 || c === 44) return -1;
    if (c === 63 /* ? */ && (text.charCodeAt(offset + 1) === SPACE || text.charCodeAt(offset + 1) === TAB || offset + 1 >= end)) this.bail('complex key');
    for (let i = offset; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 58 && this.colonEnds(i, end)) return i;
      if (ch === HASH && i > offset && (text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB)) return -1;
    }
    return -1;
  }

  private colonEnds(i: number, end: number): boolean {
    const n = this.text.charCodeAt(i + 1);
    return i + 1 >= end || n === SPACE || n === TAB;
  }

  /** Index of the closing quote of a single-line quoted scalar starting at `offset`, or -1. */
  private quotedEnd(offset: number, end: number): number {
    const text = this.text;
    const quote = text.charCodeAt(offset);
    for (let i = offset + 1; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (quote === 39) {
        if (ch === 39) {
          if (text.charCodeAt(i + 1) === 39) i++;
          else return i;
        }
      } else if (ch === 92) i++;
      else if (ch === 34) return i;
    }
    return -1;
  }

  private keyText(offset: number, colon: number): string {
    if (colon === offset) this.bail('a value without a key');
    const c = this.text.charCodeAt(offset);
    if (c === 34 || c === 39) {
      const close = this.quotedEnd(offset, colon);
      return this.quoted(offset, close);
    }
    let end = colon;
    while (end > offset && (this.text.charCodeAt(end - 1) === SPACE || this.text.charCodeAt(end - 1) === TAB)) end--;
    const raw = detach(this.text.slice(offset, end));
    const resolved = resolvePlainScalar(raw);
    return typeof resolved === 'string' ? resolved : String(resolved);
  }

  private blockMap(line: number, col: number, depth: number, parentKey?: string, scope?: LineScope): { value: Record<string, unknown>; next: number } {
    const out: Record<string, unknown> = {};
    let lines = scope ?? (this.propertyLines ? propertiesScope(out, depth, parentKey) : undefined);
    let pointer: string | undefined;
    const keep = this.positions.keeps(depth, parentKey);
    const where: Array<string | number> = [];
    if (keep) this.positions.setEntries(out, where);
    let current = line;
    for (;;) {
      const keyStart = this.lineStarts[current]! + col;
      const colon = this.keyEnd(keyStart);
      if (colon < 0) this.bail('expected a map key');
      const key = this.keyText(keyStart, colon);
      if (Object.hasOwn(out, key)) this.bail('duplicate key');
      if (keep) where.push(key, packPosition(current + 1, col + 1));
      if (lines !== undefined) {
        if (scope !== undefined && current === line && opensIntrinsic(key)) lines = undefined;
        else pointer = recordLine(lines, key, current + 1);
      }
      let after = colon + 1;
      while (this.text.charCodeAt(after) === SPACE || this.text.charCodeAt(after) === TAB) after++;
      let next: number;
      let value: unknown;
      if (this.restIsEmpty(after)) {
        const following = this.nextContent(current + 1);
        const indent = following < this.lineCount ? this.indentOf(following) : -1;
        const child = lines === undefined ? undefined : childScope(lines, pointer, current + 1);
        if (following < this.lineCount && indent > col) ({ value, next } = this.blockNode(following, indent, col, depth + 1, key, child));
        else if (following < this.lineCount && indent === col && this.text.charCodeAt(this.lineStarts[following]! + col) === 45 && this.isSeqIndicator(this.lineStarts[following]! + col)) {
          ({ value, next } = this.blockSeq(following, col, depth + 1, key, child));
        } else {
          value = null;
          next = current + 1;
        }
      } else {
        ({ value, next } = this.inlineValue(after, col, depth + 1, false, key));
      }
      setOwn(out, key, value);
      const following = this.nextContent(next);
      if (following >= this.lineCount) return { value: out, next: following };
      const indent = this.indentOf(following);
      if (indent < col) return { value: out, next: following };
      if (indent > col) this.bail('unexpected indentation (a multi-line scalar?)');
      if (this.text.charCodeAt(this.lineStarts[following]! + col) === 45 && this.isSeqIndicator(this.lineStarts[following]! + col)) return { value: out, next: following };
      current = following;
    }
  }

  private blockSeq(line: number, col: number, depth: number, parentKey?: string, lines?: LineScope): { value: unknown[]; next: number } {
    const out: unknown[] = [];
    const where: number[] = [];
    if (this.positions.keeps(depth, parentKey)) this.positions.setItems(out, where);
    let current = line;
    for (;;) {
      const dash = this.lineStarts[current]! + col;
      if (this.text.charCodeAt(dash) !== 45 || !this.isSeqIndicator(dash)) this.bail('expected a list item');
      let item = dash + 1;
      while (this.text.charCodeAt(item) === SPACE) item++;
      if (this.text.charCodeAt(item) === TAB) this.bail('tab after a list indicator');
      let value: unknown;
      let next: number;
      const child = lines === undefined ? undefined : childScope(lines, recordLine(lines, out.length, current + 1), current + 1);
      if (this.restIsEmpty(item)) {
        const following = this.nextContent(current + 1);
        const indent = following < this.lineCount ? this.indentOf(following) : -1;
        where.push(packPosition(current + 1, col + 1));
        if (following < this.lineCount && indent > col) ({ value, next } = this.blockNode(following, indent, col, depth + 1, undefined, child));
        else {
          value = null;
          next = current + 1;
        }
      } else {
        const itemCol = item - this.lineStarts[current]!;
        where.push(packPosition(current + 1, itemCol + 1));
        ({ value, next } = this.blockNode(current, itemCol, col, depth + 1, undefined, child));
      }
      out.push(value);
      const following = this.nextContent(next);
      if (following >= this.lineCount) return { value: out, next: following };
      const indent = this.indentOf(following);
      if (indent < col) return { value: out, next: following };
      if (indent > col) this.bail('unexpected indentation in a list');
      const at = this.lineStarts[following]! + col;
      if (this.text.charCodeAt(at) !== 45 || !this.isSeqIndicator(at)) return { value: out, next: following };
      current = following;
    }
  }

  /** A value that starts inside a line (after `key: ` or `- `): tagged, flow, quoted, block or plain scalar. */
  private inlineValue(offset: number, parentIndent: number, depth: number, raw = false, key?: string): { value: unknown; next: number } {
    const text = this.text;
    const line = this.lineOf(offset);
    const c = text.charCodeAt(offset);
    if (c === 33 /* ! */) return this.tagged(offset, line, parentIndent, depth);
    if (c === 38 || c === 42) this.bail('anchor or alias');
    if (c === 91 || c === 123) {
      this.flowIndent = parentIndent + 1;
      const { value, end } = this.flow(offset, depth + 1, key);
      if (!this.restIsEmpty(end)) this.bail('content after a flow collection');
      return { value, next: this.lineOf(end) + 1 };
    }
    if (c === 34 || c === 39) {
      const lineEnd = this.lineEnd(line);
      const close = this.quotedEnd(offset, lineEnd);
      if (close < 0) this.bail('multi-line quoted scalar');
      if (!this.restIsEmpty(close + 1)) this.bail('content after a quoted scalar');
      return { value: this.quoted(offset, close), next: line + 1 };
    }
    if (c === 124 || c === 62) return this.blockScalar(offset, parentIndent);
    if (c === 37 || c === 64 || c === 96 || c === 44 || c === 93 || c === 125) this.bail('a plain scalar cannot start with an indicator');
    if (c === 45 && this.isSeqIndicator(offset)) this.bail('list on the same line as its key');
    if (c === 63 && this.isSeqIndicator(offset)) this.bail('complex key');
    // plain scalar
    const lineEnd = this.lineEnd(line);
    let end = offset;
    for (let i = offset; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === HASH && (text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB)) break;
      if (ch === 58 && this.colonEnds(i, lineEnd)) this.bail('a map on the same line as its key');
      end = i + 1;
    }
    while (end > offset && (text.charCodeAt(end - 1) === SPACE || text.charCodeAt(end - 1) === TAB)) end--;
    const source = detach(text.slice(offset, end));
    return { value: raw ? source : resolvePlainScalar(source), next: line + 1 };
  }

  /**
   * `!Tag value`: the value on the same line, or the block node on the following lines. A scalar under a tag keeps
   * its text as written (`!Ref 1.0` is "1.0"), as the library's tag resolution does.
   */
  private tagged(offset: number, line: number, parentIndent: number, depth: number): { value: unknown; next: number } {
    const text = this.text;
    let end = offset + 1;
    while (end < text.length && text.charCodeAt(end) !== SPACE && text.charCodeAt(end) !== NL && text.charCodeAt(end) !== CR && text.charCodeAt(end) !== TAB) end++;
    const tag = text.slice(offset, end);
    if (!/^![A-Za-z][A-Za-z0-9]*$/.test(tag)) this.bail('unsupported tag');
    let after = end;
    while (text.charCodeAt(after) === SPACE || text.charCodeAt(after) === TAB) after++;
    let value: unknown;
    let next: number;
    // The library places a tagged node where its value starts (after the tag); so does this reader.
    let valueAt = after;
    if (this.restIsEmpty(after)) {
      const following = this.nextContent(line + 1);
      const indent = following < this.lineCount ? this.indentOf(following) : -1;
      if (following < this.lineCount && indent > parentIndent) {
        valueAt = this.lineStarts[following]! + indent;
        ({ value, next } = this.blockNode(following, indent, parentIndent, depth + 1));
      } else {
        value = '';
        next = line + 1;
      }
      if (value === null) value = '';
      else if (typeof value !== 'string' && (typeof value !== 'object' || this.isTagged(value))) this.bail('tagged scalar on the following line');
    } else {
      const first = text.charCodeAt(after);
      if (first === 33 || first === 38 || first === 42) this.bail('several node properties');
      if (first !== 34 && first !== 39 && first !== 91 && first !== 123 && first !== 124 && first !== 62 && this.keyEnd(after) >= 0) this.bail('tagged map on the same line');
      ({ value, next } = this.inlineValue(after, parentIndent, depth + 1, true));
    }
    const wrapped = longForm(tag, value);
    this.positions.setEntries(wrapped, [Object.keys(wrapped)[0]!, this.pos(valueAt)]);
    return { value: wrapped, next };
  }

  private isTagged(value: object): boolean {
    const keys = Object.keys(value);
    return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0]!.startsWith('Fn::'));
  }

  /** The value of a single-line quoted scalar from its opening quote to its closing quote. */
  private quoted(open: number, close: number): string {
    const text = this.text;
    if (text.charCodeAt(open) === 39) return detach(text.slice(open + 1, close).replaceAll("''", "'"));
    const raw = detach(text.slice(open + 1, close));
    if (!raw.includes('\\')) return raw;
    let out = '';
    for (let i = 0; i < raw.length; i++) {
      const ch = raw[i]!;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const e = raw[++i];
      switch (e) {
        case '0': out += '\0'; break;
        case 'a': out += '\x07'; break;
        case 'b': out += '\b'; break;
        case 't': case '\t': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'v': out += '\v'; break;
        case 'f': out += '\f'; break;
        case 'r': out += '\r'; break;
        case 'e': out += '\x1b'; break;
        case ' ': out += ' '; break;
        case '"': out += '"'; break;
        case '/': out += '/'; break;
        case '\\': out += '\\'; break;
        case 'N': out += '\x85'; break;
        case '_': out += '\xa0'; break;
        case 'L': out += '\u2028'; break;
        case 'P': out += '\u2029'; break;
        case 'x': case 'u': case 'U': {
          const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          const hex = raw.slice(i + 1, i + 1 + len);
          if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) this.bail('bad escape');
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) this.bail('bad escape');
          out += String.fromCodePoint(code);
          i += len;
          break;
        }
        default: this.bail('unknown escape');
      }
    }
    return out;
  }

  /** `|` and `>` scalars with clip, strip (`-`) or keep (`+`) chomping; explicit indentation is left to the library. */
  private blockScalar(offset: number, parentIndent: number): { value: string; next: number } {
    const text = this.text;
    const line = this.lineOf(offset);
    const literal = text.charCodeAt(offset) === 124;
    let i = offset + 1;
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    const ch = text.charCodeAt(i);
    if (ch === 45) {
      chomp = 'strip';
      i++;
    } else if (ch === 43) {
      chomp = 'keep';
      i++;
    }
    if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) this.bail('explicit indentation indicator');
    if (text.charCodeAt(i) !== SPACE && text.charCodeAt(i) !== TAB && i < this.lineEnd(line)) this.bail('bad block scalar header');
    if (!this.restIsEmpty(i)) this.bail('content after a block scalar header');
    const lines: string[] = [];
    let indent = -1;
    let current = line + 1;
    for (; current < this.lineCount; current++) {
      const start = this.lineStarts[current]!;
      if (start >= text.length) break;
      const end = this.lineEnd(current);
      let k = start;
      while (k < end && text.charCodeAt(k) === SPACE) k++;
      if (k < end && text.charCodeAt(k) === TAB) this.bail('tab at the start of a line in a block scalar');
      if (k >= end) {
        if (indent < 0 && end > start) this.bail('a leading line of spaces in a block scalar');
        lines.push(indent >= 0 ? text.slice(Math.min(start + indent, end), end) : '');
        continue;
      }
      const column = k - start;
      if (indent < 0) {
        if (column <= parentIndent) break;
        indent = column;
      }
      if (column < indent) break;
      if (text.charCodeAt(k) === TAB && column === indent) this.bail('tab in a block scalar');
      lines.push(text.slice(start + indent, end));
    }
    // Trailing empty lines belong to chomping; a less-indented following line ends the scalar.
    let trailing = 0;
    while (trailing < lines.length && lines[lines.length - 1 - trailing] === '') trailing++;
    const body = lines.slice(0, lines.length - trailing);
    if (body.some((l) => l.trim() === '' && l.length > 0)) this.bail('whitespace-only line inside a block scalar');
    let content: string;
    if (literal) content = body.join('\n');
    else {
      if (body.some((l) => l.startsWith(' ') || l.startsWith('\t'))) this.bail('more-indented lines in a folded scalar');
      content = '';
      for (let k = 0; k < body.length; k++) {
        const l = body[k]!;
        if (k === 0) content = l;
        else if (l === '') content += '\n';
        else if (body[k - 1] === '') content += l;
        else content += ` ${l}`;
      }
    }
    if (current >= this.lineCount && !text.endsWith('\n')) this.bail('block scalar at the end of a file without a final line break');
    if (!literal && body[0] === '') this.bail('folded scalar starting with an empty line');
    let value = content;
    if (body.length === 0) this.bail('empty block scalar');
    else if (chomp === 'clip') value += '\n';
    else if (chomp === 'keep') value += '\n'.repeat(trailing + 1);
    return { value, next: current };
  }

  // ---- flow collections ----------------------------------------------------------------------------------------

  /** The least indentation a continuation line of the current flow collection needs (more than its parent's). */
  private flowIndent = 0;

  private skipFlowSpace(i: number): number {
    const text = this.text;
    for (;;) {
      const ch = text.charCodeAt(i);
      if (ch === NL) {
        i++;
        let k = i;
        while (text.charCodeAt(k) === SPACE) k++;
        const next = text.charCodeAt(k);
        if (next === TAB) this.bail('tab in the indentation of a flow collection');
        if (k - i < this.flowIndent && next !== NL && next !== CR && !Number.isNaN(next)) this.bail('flow collection not indented enough');
      } else if (ch === SPACE || ch === TAB || ch === CR) i++;
      else if (ch === HASH) {
        const before = text.charCodeAt(i - 1);
        if (before !== SPACE && before !== TAB && before !== NL) this.bail('a # that is not preceded by a space');
        const nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length : nl;
      } else return i;
    }
  }

  private flow(offset: number, depth: number, parentKey?: string): { value: unknown; end: number } {
    if (depth > MAX_NESTING) this.bail('deep nesting');
    const text = this.text;
    const open = text.charCodeAt(offset);
    const close = open === 91 ? 93 : 125;
    const seq: unknown[] = [];
    const seqWhere: number[] = [];
    const map: Record<string, unknown> = {};
    const mapWhere: Array<string | number> = [];
    if (this.positions.keeps(depth, parentKey)) {
      if (open === 91) this.positions.setItems(seq, seqWhere);
      else this.positions.setEntries(map, mapWhere);
    }
    let i = this.skipFlowSpace(offset + 1);
    if (text.charCodeAt(i) === close) return { value: open === 91 ? seq : map, end: i + 1 };
    for (;;) {
      if (i >= text.length) this.bail('unclosed flow collection');
      if (open === 91) {
        seqWhere.push(this.pos(i));
        const item = this.flowItem(i, depth, false);
        seq.push(item.value);
        i = item.end;
      } else {
        const keyStart = i;
        const key = this.flowItem(i, depth, true);
        if (key.value !== null && typeof key.value === 'object') this.bail('complex key in a flow map');
        i = this.skipFlowSpace(key.end);
        if (text.charCodeAt(i) !== 58) this.bail('flow map entry without a value');
        i = this.skipFlowSpace(i + 1);
        const keyText = typeof key.value === 'string' ? key.value : String(key.value);
        if (Object.hasOwn(map, keyText)) this.bail('duplicate key');
        mapWhere.push(keyText, this.pos(keyStart));
        if (text.charCodeAt(i) === 44 || text.charCodeAt(i) === close) setOwn(map, keyText, null);
        else {
          const value = this.flowItem(i, depth, false);
          setOwn(map, keyText, value.value);
          i = value.end;
        }
      }
      i = this.skipFlowSpace(i);
      const ch = text.charCodeAt(i);
      if (ch === 44) {
        i = this.skipFlowSpace(i + 1);
        if (text.charCodeAt(i) === close) return { value: open === 91 ? seq : map, end: i + 1 };
        continue;
      }
      if (ch === close) return { value: open === 91 ? seq : map, end: i + 1 };
      this.bail('unexpected character in a flow collection');
    }
  }

  private flowItem(offset: number, depth: number, isKey: boolean, raw = false): { value: unknown; end: number } {
    const text = this.text;
    const c = text.charCodeAt(offset);
    if (c === 91 || c === 123) return this.flow(offset, depth + 1);
    if (c === 34 || c === 39) {
      const lineEnd = this.lineEnd(this.lineOf(offset));
      const close = this.quotedEnd(offset, lineEnd);
      if (close < 0) this.bail('multi-line quoted scalar in a flow collection');
      return { value: this.quoted(offset, close), end: close + 1 };
    }
    if (c === 33) {
      if (isKey) this.bail('tagged key');
      let end = offset + 1;
      while (end < text.length && !' \t\r\n,[]{}'.includes(text[end]!)) end++;
      const tag = text.slice(offset, end);
      if (!/^![A-Za-z][A-Za-z0-9]*$/.test(tag)) this.bail('unsupported tag');
      let gap = end;
      while (text.charCodeAt(gap) === SPACE || text.charCodeAt(gap) === TAB) gap++;
      if (text.charCodeAt(gap) === NL || text.charCodeAt(gap) === CR || text.charCodeAt(gap) === HASH) this.bail('a tag at the end of a line in a flow collection');
      const start = this.skipFlowSpace(end);
      let inner: { value: unknown; end: number };
      const ch = text.charCodeAt(start);
      if (ch === 44 || ch === 93 || ch === 125) inner = { value: '', end: start };
      else if (ch === 33 || ch === 38 || ch === 42) this.bail('several node properties');
      else inner = this.flowItem(start, depth + 1, false, true);
      const wrapped = longForm(tag, inner.value);
      this.positions.setEntries(wrapped, [Object.keys(wrapped)[0]!, this.pos(start)]);
      return { value: wrapped, end: inner.end };
    }
    if (c === 38 || c === 42) this.bail('anchor or alias');
    if (c === 63 || c === 45 || c === 58) {
      const n = text.charCodeAt(offset + 1);
      if (n === SPACE || n === TAB || n === NL || n === CR || Number.isNaN(n) || n === 44 || n === 91 || n === 93 || n === 123 || n === 125) this.bail('an indicator alone in a flow collection');
    }
    if (c === 44 || c === 93 || c === 125 || c === 58 || c === HASH || c === 124 || c === 62 || c === 37 || c === 64 || c === 96) this.bail('unsupported flow item');
    const lineEnd = this.lineEnd(this.lineOf(offset));
    let end = offset;
    for (let i = offset; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125) break;
      if (ch === 58) {
        const n = text.charCodeAt(i + 1);
        if (n === SPACE || n === TAB || n === 44 || n === 93 || n === 125 || i + 1 >= lineEnd) {
          if (!isKey) this.bail('implicit map inside a flow list');
          break;
        }
      }
      if (ch === HASH && (text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB)) break;
      end = i + 1;
    }
    let trimmed = end;
    while (trimmed > offset && (text.charCodeAt(trimmed - 1) === SPACE || text.charCodeAt(trimmed - 1) === TAB)) trimmed--;
    const after = this.skipFlowSpace(end);
    const next = text.charCodeAt(after);
    if (end >= lineEnd && after > lineEnd && next !== 44 && next !== 93 && next !== 125) this.bail('multi-line plain scalar in a flow collection');
    const source = detach(text.slice(offset, trimmed));
    return { value: raw ? source : resolvePlainScalar(source), end: trimmed };
  }
}

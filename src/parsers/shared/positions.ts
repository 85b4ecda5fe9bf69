/**
 * Where the values of a parsed document sit. Parsers produce plain JavaScript values (fast to walk) and record, per
 * container, the position of each child; a position is packed into one number (line and column) to keep the table
 * small on multi-megabyte templates.
 */
export interface Position {
  line: number;
  column: number;
}

const COLUMN_SPAN = 16_777_216; // 2^24: columns of a minified single-line JSON file still fit

export function packPosition(line: number, column: number): number {
  return line * COLUMN_SPAN + Math.min(column, COLUMN_SPAN - 1);
}

export function lineOf(packed: number): number {
  return Math.floor(packed / COLUMN_SPAN);
}

export function unpackPosition(packed: number): Position {
  const line = Math.floor(packed / COLUMN_SPAN);
  return { line, column: packed - line * COLUMN_SPAN };
}

/**
 * Positions of a container's children, kept on the container itself under a symbol (non-enumerable, so it never
 * shows in keys, copies or JSON): for an array, one packed position per item; for an object, its keys and their
 * packed positions, alternating, in the order they were written. A side table (WeakMap) per container costs far
 * more in garbage collection on large inputs.
 */
const CHILD_POSITIONS = Symbol('positions');

/** Keys under which positions are kept at any depth: a resource's waivers are reported with their own line. */
const ALWAYS_POSITIONED = new Set(['Metadata', 'ftr-ready', 'waivers']);

export class PositionTable {
  /** The position of the document's root value. */
  root = packPosition(1, 1);

  /**
   * @param depth how deep the parser records child positions for every container: the sections of a template,
   *   its resources and their attributes (3) by default; deeper only for intrinsic functions (where problems are
   *   reported) and waivers. Recording every position of a multi-megabyte template costs more than the rest of the
   *   parse, and nothing reads them.
   */
  constructor(readonly depth = 3) {}

  /** Whether a container at `depth`, held under `key`, gets a position table. */
  keeps(depth: number, key: string | undefined): boolean {
    return depth <= this.depth || (key !== undefined && ALWAYS_POSITIONED.has(key));
  }

  /** Records the positions of an array's items. */
  setItems(array: unknown[], positions: number[]): void {
    Object.defineProperty(array, CHILD_POSITIONS, { value: positions });
  }

  /** Records the positions of an object's keys: `[key, packed, key, packed, …]`. */
  setEntries(object: object, entries: Array<string | number>): void {
    Object.defineProperty(object, CHILD_POSITIONS, { value: entries });
  }

  /** Where the child `key` of `container` starts, if the parser recorded it. */
  of(container: object, key: string | number): Position | undefined {
    const table = (container as { [CHILD_POSITIONS]?: Array<string | number> })[CHILD_POSITIONS];
    if (table === undefined) return undefined;
    if (Array.isArray(container)) {
      const packed = table[key as number];
      return typeof packed === 'number' ? unpackPosition(packed) : undefined;
    }
    const name = String(key);
    for (let i = 0; i < table.length; i += 2) if (table[i] === name) return unpackPosition(table[i + 1] as number);
    return undefined;
  }
}

/** Whether an object is an intrinsic function (`{ "Ref": … }`, `{ "Fn::Sub": … }`) by its only key. */
export function isIntrinsicKey(key: string | number | undefined): boolean {
  return typeof key === 'string' && (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::'));
}

/** A parsed document: its value and where each part of it was written. */
export interface PositionedDocument {
  value: unknown;
  positions: PositionTable;
}

/** Sets `key` on a plain object even when the key is `__proto__` (which an assignment would turn into a prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * A copy of a piece of the source text that does not keep the whole text alive. V8 represents a long `slice` as a
 * view into its parent string, so every value kept from a template would pin the template's full text in memory;
 * on thousands of templates that is most of the heap.
 */
export function detach(piece: string): string {
  return piece.length < 13 ? piece : (' ' + piece).slice(1);
}

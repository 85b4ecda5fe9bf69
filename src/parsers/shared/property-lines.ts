import { childPointer } from './pointer.js';
import { isIntrinsicKey } from './positions.js';

/**
 * The line of each property path written in a resource's `Properties` (JSON pointer → line), recorded while the
 * template is read, so a finding on `/BucketEncryption/ServerSideEncryptionConfiguration/0` points at its own line.
 * Reading them in the same pass costs a fraction of walking the values again afterwards (property paths are most of
 * a template). Only block structure is followed: a path written on the same line as its parent (a flow map such
 * as `{ Enabled: true }`) and the inside of intrinsic functions share their parent's line, which is where a finding
 * falls back to.
 */

/** Paths deeper than this inside Properties, and paths past the budget of one resource, share an ancestor's line. */
const MAX_DEPTH = 24;
const MAX_ENTRIES = 4_000;

class LineRecorder {
  readonly lines: Record<string, number> = {};
  left = MAX_ENTRIES;
}

/** Where a reader is inside a resource's Properties: the pointer and line of the container being read. */
export interface LineScope {
  readonly recorder: LineRecorder;
  readonly pointer: string;
  readonly line: number;
  readonly depth: number;
}

const LINES = Symbol('property lines');

/**
 * The scope for the children of `container` when it is a resource's Properties map (`Resources/<id>/Properties`,
 * depth 3 of the document); undefined for any other container. The lines are kept on the container itself.
 */
export function propertiesScope(container: object, depth: number, key: string | undefined): LineScope | undefined {
  if (depth !== 3 || key !== 'Properties') return undefined;
  const recorder = new LineRecorder();
  Object.defineProperty(container, LINES, { value: recorder });
  // Line 0: the top-level properties are always recorded, even on the line of `Properties:` itself.
  return { recorder, pointer: '', line: 0, depth: 0 };
}

/** Records the line of the child `key` of the container `scope` describes; returns the child's pointer. */
export function recordLine(scope: LineScope, key: string | number, line: number): string | undefined {
  const { recorder } = scope;
  if (recorder.left <= 0) return undefined;
  const pointer = pointerOf(scope.pointer, key);
  if (line !== scope.line) {
    recorder.lines[pointer] = line;
    recorder.left--;
  }
  return pointer;
}

/** The scope of a child container (recorded with `recordLine`), or undefined past the depth limit. */
export function childScope(scope: LineScope, pointer: string | undefined, line: number): LineScope | undefined {
  if (pointer === undefined || scope.depth + 1 >= MAX_DEPTH) return undefined;
  return { recorder: scope.recorder, pointer, line, depth: scope.depth + 1 };
}

/** An object whose first key is an intrinsic function (`Ref`, `Fn::If` …): its keys are not property paths. */
export function opensIntrinsic(key: string): boolean {
  return isIntrinsicKey(key);
}

/** The lines recorded for a Properties map, if the reader recorded any. */
export function propertyLinesOf(properties: object): Record<string, number> | undefined {
  const recorder = (properties as { [LINES]?: LineRecorder })[LINES];
  return recorder === undefined || recorder.left === MAX_ENTRIES ? undefined : recorder.lines;
}

/**
 * Pointers repeat from resource to resource (`/BucketEncryption` on every bucket); one shared string per pointer
 * saves building and keeping a copy for each. Bounded, so an odd template cannot grow it without end.
 */
const POINTERS = new Map<string, Map<string | number, string>>();
const MAX_CACHED_PARENTS = 20_000;

function pointerOf(parent: string, key: string | number): string {
  let children = POINTERS.get(parent);
  if (children === undefined) {
    if (POINTERS.size >= MAX_CACHED_PARENTS) return childPointer(parent, key);
    POINTERS.set(parent, (children = new Map()));
  }
  let pointer = children.get(key);
  if (pointer === undefined) {
    pointer = childPointer(parent, key);
    if (children.size < 1_000) children.set(key, pointer);
  }
  return pointer;
}

import type { Resource, UnknownMark } from '../model/resource.js';

function split(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  const segments = pointer.replace(/^\//, '').split('/');
  return pointer.includes('~') ? segments.map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~')) : segments;
}

// Rules read the same few pointers on every resource, and marks repeat their paths: splitting each once matters on
// large inputs (bench/README.md). The cache is bounded so an input with many distinct mark paths cannot grow it.
const SEGMENT_CACHE_LIMIT = 10_000;
const segmentCache = new Map<string, readonly string[]>();

function segmentsOf(pointer: string): readonly string[] {
  let segments = segmentCache.get(pointer);
  if (segments === undefined) {
    if (segmentCache.size >= SEGMENT_CACHE_LIMIT) segmentCache.clear();
    segments = split(pointer);
    segmentCache.set(pointer, segments);
  }
  return segments;
}

/** Splits a JSON pointer ("/a/b~1c") into its segments. */
export function pointerSegments(pointer: string): string[] {
  return [...segmentsOf(pointer)];
}

export function readPointer(value: unknown, pointer: string): unknown {
  let current: unknown = value;
  for (const segment of segmentsOf(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(segment)] : (current as Record<string, unknown>)[segment];
  }
  return current;
}

function overlaps(markPath: string, pointer: string): boolean {
  const a = segmentsOf(markPath);
  const b = segmentsOf(pointer);
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) if (a[i] !== b[i] && a[i] !== '*' && b[i] !== '*') return false;
  return true;
}

/**
 * The mark that makes a read at `pointer` uncertain: one on the pointer, on a parent (the whole subtree is unknown)
 * or on a part of it (the value read is incomplete). Relation marks (`@Type`) never match a property read.
 */
export function unknownMarkAt(resource: Resource, pointer: string): UnknownMark | undefined {
  if (resource.unknown.length === 0) return undefined;
  return resource.unknown.find((mark) => !mark.path.startsWith('@') && overlaps(mark.path, pointer));
}

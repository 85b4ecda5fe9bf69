import type { Resource, UnknownMark } from '../model/resource.js';

/** Splits a JSON pointer ("/a/b~1c") into its segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function readPointer(value: unknown, pointer: string): unknown {
  let current: unknown = value;
  for (const segment of pointerSegments(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(segment)] : (current as Record<string, unknown>)[segment];
  }
  return current;
}

function overlaps(markPath: string, pointer: string): boolean {
  const a = pointerSegments(markPath);
  const b = pointerSegments(pointer);
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) if (a[i] !== b[i] && a[i] !== '*' && b[i] !== '*') return false;
  return true;
}

/**
 * The mark that makes a read at `pointer` uncertain: one on the pointer, on a parent (the whole subtree is unknown)
 * or on a part of it (the value read is incomplete). Relation marks (`@Type`) never match a property read.
 */
export function unknownMarkAt(resource: Resource, pointer: string): UnknownMark | undefined {
  return resource.unknown.find((mark) => !mark.path.startsWith('@') && overlaps(mark.path, pointer));
}

/** Appends one segment to a JSON pointer, escaping `~` and `/` as RFC 6901 asks. */
export function childPointer(pointer: string, key: string | number): string {
  if (typeof key === 'number') return `${pointer}/${key}`;
  if (!key.includes('~') && !key.includes('/')) return `${pointer}/${key}`;
  return `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

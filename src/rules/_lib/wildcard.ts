/**
 * AWS-style wildcard matching, as AWS Backup resource selections and StringLike conditions use it: `*` is any run of
 * characters (also none), `?` exactly one. Case-sensitive, like ARNs and tag values.
 */
export function wildcardMatches(pattern: string, value: string): boolean {
  const source = pattern
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 's').test(value);
}

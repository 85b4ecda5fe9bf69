/** `*` matches any run of characters, `?` one character; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

export function globMatches(glob: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  return glob.includes('*') || glob.includes('?') ? globToRegExp(glob).test(value) : glob === value;
}

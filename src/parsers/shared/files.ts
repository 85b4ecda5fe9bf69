import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { InputError } from './input-error.js';

/** The default largest input file: well above a 5 MB template, well below what would strain memory. */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Reads a text input, refusing what is too big (checked before reading), unreadable, or binary. Errors are
 * InputError with a message that says what was expected.
 */
export function readTextFile(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError('this is a folder, not a file');
    if (stat.size > maxBytes) throw new InputError(`the file is ${formatBytes(stat.size)}, over the limit of ${formatBytes(maxBytes)} (raise it with --max-file-bytes)`);
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const bytes = buffer.subarray(0, read);
    if (bytes.includes(0)) throw new InputError('this is not a text file (it holds NUL bytes)');
    return bytes.toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'this is a folder, not a file' : `cannot read the file (${code ?? String(error)})`;
    throw new InputError(why);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The first bytes of a file as text (to recognise a file too big to read whole); empty when unreadable. */
export function readHead(path: string, bytes: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}

/** How a file is named in uids and records: relative to the working folder when inside it, with `/` separators. */
export function displayPath(absPath: string, cwd = process.cwd()): string {
  const rel = relative(cwd, absPath);
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absPath : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}

/** A URL (`https://…`, `s3://…`) rather than a local path. */
export function isRemote(location: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
}

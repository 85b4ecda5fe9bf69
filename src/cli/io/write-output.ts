import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Writes a file whole or not at all: to a temporary name beside it, then renamed. A run that fails half way leaves no
 * half-written report behind.
 */
export function writeFileAtomic(path: string, content: Output): void {
  const target = resolve(path);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(temporary, content);
    else writeChunks(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes to `--out` when given, else to stdout. */
export function emit(content: Output, out: string | undefined): void {
  if (out !== undefined) writeFileAtomic(out, content);
  else if (typeof content === 'string' || content instanceof Uint8Array) process.stdout.write(content);
  else for (const batch of batches(content)) process.stdout.write(batch);
}

const BATCH_CHARS = 1 << 20;

/** Joins small pieces into ~1 MB writes: one system call per piece would cost more than the pieces save. */
function* batches(chunks: Iterable<string>): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= BATCH_CHARS) {
      yield pending.join('');
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}

/** A whole text or file, or text in pieces (a large report is never held as one string). */
export type Output = string | Uint8Array | Iterable<string>;

function writeChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const batch of batches(chunks)) writeSync(fd, batch);
  } finally {
    closeSync(fd);
  }
}

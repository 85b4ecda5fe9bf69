import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Writes a file whole or not at all: to a temporary name beside it, then renamed. A run that fails half way leaves no
 * half-written report behind.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const target = resolve(path);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes to `--out` when given, else to stdout. */
export function emit(content: string | Uint8Array, out: string | undefined): void {
  if (out !== undefined) writeFileAtomic(out, content);
  else process.stdout.write(content);
}

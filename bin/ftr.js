#!/usr/bin/env node
// Entry point of the `ftr` binary. The TypeScript sources are compiled to dist/ by `npm ci` (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('ftr: the compiled program is missing (dist/). Run `npm ci` or `npm run build` in the ftr-ready folder first.\n');
  process.exit(2);
}
await import(main.href);

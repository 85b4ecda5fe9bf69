// Writes every generated file (rule index, docs, JSON Schemas). `npm run gen`.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generators } from './generators/all.js';

const root = new URL('..', import.meta.url).pathname;
let changed = 0;
for (const generator of generators) {
  for (const file of await generator.run()) {
    const path = join(root, file.path);
    if (existsSync(path) && readFileSync(path, 'utf8') === file.content) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    changed++;
    console.log(`wrote ${file.path}`);
  }
}
console.log(changed === 0 ? 'generated files are current' : `${changed} file(s) written`);

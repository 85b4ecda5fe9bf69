// Generated files (rule and collector indexes, JSON Schemas, rule and requirement docs) are committed; this fails
// when one is stale. Fix: `npm run gen`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generators } from '../../scripts/generators/all.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe.each(generators.map((g) => [g.name, g] as const))('generated: %s', (_name, generator) => {
  it('is current (run `npm run gen`)', async () => {
    const stale: string[] = [];
    for (const file of await generator.run()) {
      const path = join(ROOT, file.path);
      if (!existsSync(path) || readFileSync(path, 'utf8') !== file.content) stale.push(file.path);
    }
    expect(stale).toEqual([]);
  });
});

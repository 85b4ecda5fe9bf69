import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RuleMeta } from '../core/index.js';
import { fixtureFileProblems, readFixtures, runCase } from '../testing/rule-tester.js';
import '../testing/register-parsers.js';
import { ruleFiles, rules } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('rule registry', () => {
  it('lists every rule once, sorted by id, with the id equal to its file name', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const [id, file] of Object.entries(ruleFiles)) expect(basename(file, '.ts')).toBe(id);
  });
});

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  const file = join(here, ruleFiles[id] ?? '');
  const fixturePath = file.replace(/\.ts$/, '.fixtures.yaml');

  it('has valid metadata', () => {
    const result = RuleMeta.safeParse(rule.meta);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('has a fixture file with pass, fail and unknown cases for every source', () => {
    expect(existsSync(fixturePath), `missing ${fixturePath}`).toBe(true);
    expect(fixtureFileProblems(rule, readFixtures(fixturePath))).toEqual([]);
  });

  const cases = existsSync(fixturePath) ? readFixtures(fixturePath).cases : [];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, fixture) => {
    expect(runCase(rule, fixture, `${id}.fixture`).problems).toEqual([]);
  });
});

// The bundled demo company: its live snapshot (built by scripts/demo/build-demo-snapshot.ts from a seeded moto
// account) still validates, and `ftr demo` still gives the assessment in test/fixtures/demo/assessment.golden.json.
// After a deliberate change to the rules, the catalog or the demo, refresh the golden and review its diff:
//   UPDATE_GOLDEN=1 npx vitest run --project unit test/unit/demo-snapshot.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Snapshot } from '../../src/core/index.js';
import { computeDemoGolden, DEMO_GOLDEN_PATH, readGolden, renderGolden } from '../../scripts/demo/demo-golden.js';
import { readBundledDemoSnapshot } from '../../scripts/demo/demo-snapshot.js';
import { BRIGHTWAVE, BRIGHTWAVE_TIMELINE } from '../scenarios/definitions/brightwave.js';

describe('the bundled demo snapshot', () => {
  const text = readBundledDemoSnapshot();

  it('is a valid snapshot of the Brightwave account, dated by its timeline', () => {
    const parsed = Snapshot.safeParse(JSON.parse(text));
    expect(parsed.error?.issues ?? []).toEqual([]);
    const snapshot = parsed.data!;
    expect(snapshot.collectedAt).toBe(BRIGHTWAVE_TIMELINE.collectedAt);
    expect(snapshot.accounts).toEqual([{ id: BRIGHTWAVE.accountId, name: BRIGHTWAVE.name }]);
    expect(snapshot.scope).toMatchObject({ sources: ['live'], accounts: [BRIGHTWAVE.accountId], regions: [...BRIGHTWAVE.regions] });
    // A complete scan: every collection succeeded, so every inventory is known.
    expect(snapshot.collection.filter((r) => r.outcome !== 'ok')).toEqual([]);
  });

  it('holds nothing that depends on the run that built it', () => {
    expect(text).not.toMatch(/127\.0\.0\.1|localhost/);
    // Timestamps are the timeline's, the ages it sets, or fixed facts of the story — never the day it was built.
    const times = new Set(text.match(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g) ?? []);
    for (const time of times) expect(Date.parse(time), time).toBeLessThanOrEqual(Date.parse(BRIGHTWAVE_TIMELINE.collectedAt));
  });

  it('gives the golden assessment, as `ftr demo` makes it', async () => {
    const golden = await computeDemoGolden();
    if (process.env['UPDATE_GOLDEN']) writeFileSync(DEMO_GOLDEN_PATH, renderGolden(golden));
    expect(golden).toEqual(readGolden());
  });

  it('is described in the README with its numbers', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const { summary, assessedAt } = readGolden();
    const total = Object.values(summary).reduce((a, b) => a + b, 0);
    expect(readme).toContain(`snapshot of ${JSON.parse(text).resources.length} resources`);
    expect(readme).toContain(
      `as of ${assessedAt.slice(0, 10)}: ${summary.compliant} compliant, ${summary.partially_compliant} partially compliant, ${summary.non_compliant} non-compliant, ${summary.not_applicable} not applicable, ${summary.unknown} unknown of ${total} requirements`,
    );
  });

  it('shows every kind of answer', () => {
    const { summary } = readGolden();
    for (const status of ['compliant', 'partially_compliant', 'non_compliant', 'not_applicable', 'unknown'] as const) expect(summary[status], status).toBeGreaterThan(0);
  });
});

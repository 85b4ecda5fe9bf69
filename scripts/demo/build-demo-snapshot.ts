/**
 * Rebuilds the demo company's account snapshot, demo/brightwave/snapshots/live.json, and the golden summary of its
 * assessment, test/fixtures/demo/assessment.golden.json.
 *
 *   npx tsx scripts/demo/build-demo-snapshot.ts
 *
 * It starts moto (5.2.5, installed into .cache/moto-venv on first use) behind the fault proxy on free ports, seeds
 * Brightwave — described as data in test/scenarios/definitions/brightwave.ts — into a fresh account, scans it with
 * every real collector as `ftr scan` would, normalises what depends on the run (generated ids, timestamps,
 * addresses; see normalize-snapshot.ts) and writes the file: running it twice gives the same bytes. Then it
 * assesses the demo as `ftr demo` does, as of a pinned day, and writes the golden.
 *
 * To change the demo, edit brightwave.ts (and demo/brightwave/ftr.yaml, templates/), run this, and review both
 * diffs. When only the rules or the catalog changed, refresh the golden alone:
 *
 *   UPDATE_GOLDEN=1 npx vitest run --project unit test/unit/demo-snapshot.test.ts
 *
 * test/unit/demo-snapshot.test.ts checks the bundled snapshot still validates and still gives the golden;
 * test/integration/demo-snapshot.test.ts re-runs the seeding and scan and checks it gives the bundled bytes.
 */
import { writeFileSync } from 'node:fs';
import { startAwsHarness } from '../../test/harness/index.js';
import { computeDemoGolden, DEMO_GOLDEN_PATH, renderGolden } from './demo-golden.js';
import { buildDemoSnapshot, DEMO_HARNESS_OPTIONS, DEMO_SNAPSHOT_PATH, renderDemoSnapshot } from './demo-snapshot.js';

const h = await startAwsHarness(DEMO_HARNESS_OPTIONS);
try {
  const snapshot = await buildDemoSnapshot(h);
  writeFileSync(DEMO_SNAPSHOT_PATH, renderDemoSnapshot(snapshot));
  console.log(`wrote ${DEMO_SNAPSHOT_PATH}: ${snapshot.resources.length} resources, ${snapshot.collection.length} collection records`);
} finally {
  await h.stop();
}
const golden = await computeDemoGolden();
writeFileSync(DEMO_GOLDEN_PATH, renderGolden(golden));
console.log(`wrote ${DEMO_GOLDEN_PATH}: ${Object.entries(golden.summary).map(([status, n]) => `${n} ${status}`).join(', ')}`);

// The bundled demo snapshot is what scripts/demo/build-demo-snapshot.ts produces: Brightwave seeded into a fresh moto
// account and scanned again gives the same bytes. When this fails after a change to the collectors, the seeding or
// Brightwave's description, rebuild the snapshot (`npx tsx scripts/demo/build-demo-snapshot.ts`) and review the diff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSnapshot, DEMO_HARNESS_OPTIONS, readBundledDemoSnapshot, renderDemoSnapshot } from '../../scripts/demo/demo-snapshot.js';
import { startAwsHarness, type AwsHarness } from '../harness/index.js';

describe('the demo snapshot build', () => {
  let h: AwsHarness;
  beforeAll(async () => {
    h = await startAwsHarness(DEMO_HARNESS_OPTIONS);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('seeds and scans Brightwave into the bundled live.json, byte for byte', async () => {
    const built = renderDemoSnapshot(await buildDemoSnapshot(h));
    const bundled = readBundledDemoSnapshot();
    // Compare line by line first: a failure then shows where they part.
    expect(built.split('\n')).toEqual(bundled.split('\n'));
    expect(built).toBe(bundled);
  }, 240_000);
});

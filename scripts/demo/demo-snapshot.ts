/**
 * The demo company's snapshot, built the way a customer's is: Brightwave (test/scenarios/definitions/brightwave.ts)
 * seeded into a moto account behind the fault proxy, scanned with every real collector, then normalised so the
 * bytes do not depend on the run (normalize-snapshot.ts). Used by build-demo-snapshot.ts and by the integration test
 * that checks the bundled file is what this produces.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scanAccount } from '../../src/collectors/framework/scan.js';
import { collectors } from '../../src/collectors/index.js';
import { Snapshot } from '../../src/core/index.js';
import type { AwsHarness } from '../../test/harness/index.js';
import { BRIGHTWAVE, BRIGHTWAVE_TIMELINE } from '../../test/scenarios/definitions/brightwave.js';
import { scenarioCredentials, seedScenario } from '../../test/scenarios/index.js';
import { normalizeSnapshot } from './normalize-snapshot.js';

export const DEMO_SNAPSHOT_PATH = fileURLToPath(new URL('../../demo/brightwave/snapshots/live.json', import.meta.url));

/** How the harness must be started: Brightwave attaches AWS managed policies (AdministratorAccess, ReadOnlyAccess …). */
export const DEMO_HARNESS_OPTIONS = { loadManagedPolicies: true } as const;

/**
 * Seeds Brightwave into `h` (a fresh harness started with DEMO_HARNESS_OPTIONS: the account must be empty) and scans
 * it. One call in flight per list while seeding, so moto creates the same resources on every run (it creates the
 * default EBS key lazily, once per concurrent first use).
 */
export async function buildDemoSnapshot(h: Pick<AwsHarness, 'endpoint' | 'proxy'>): Promise<Snapshot> {
  const start = new Date();
  await seedScenario(h, BRIGHTWAVE, { concurrency: 1 });
  const credentials = await scenarioCredentials(h, BRIGHTWAVE);
  const scanned = await scanAccount({
    credentials: async () => credentials,
    collectors,
    regions: BRIGHTWAVE.regions,
    endpoint: h.endpoint,
    maxAttempts: 2,
    callTimeoutMs: 15_000,
    now: new Date(BRIGHTWAVE_TIMELINE.collectedAt),
    tool: { name: 'ftr-ready', version: 'demo' },
    accountName: BRIGHTWAVE.name,
  });
  const failed = scanned.collection.filter((r) => r.outcome !== 'ok');
  if (failed.length > 0) throw new Error(`the scan of the demo account had failures: ${failed.map((r) => `${r.action} ${r.region ?? ''}: ${r.outcome} ${r.message ?? ''}`).join('; ')}`);
  const normalized = normalizeSnapshot(scanned, { run: { start, end: new Date() }, seededAt: BRIGHTWAVE_TIMELINE.seededAt, ages: BRIGHTWAVE_TIMELINE.ages ?? [] });
  return Snapshot.parse(normalized);
}

/** The file's text: one space of indentation, as committed. */
export function renderDemoSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, null, 1)}\n`;
}

export function readBundledDemoSnapshot(): string {
  return readFileSync(DEMO_SNAPSHOT_PATH, 'utf8');
}

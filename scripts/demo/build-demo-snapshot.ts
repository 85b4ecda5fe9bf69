// Writes demo/brightwave/snapshots/live.json from the company description in this folder. `npx tsx scripts/demo/build-demo-snapshot.ts`
import { writeFileSync } from 'node:fs';
import { CollectionRecord, Resource, SNAPSHOT_SCHEMA_VERSION, Snapshot } from '../../src/core/index.js';
import './account.js';
import './iam.js';
import './network.js';
import './data.js';
import './operations.js';
import { ACCOUNT, COLLECTED_AT, REGIONS, resources } from './builder.js';

const parsed = resources.map((r) => Resource.parse(r));
const types = [...new Set(parsed.map((r) => r.type))].sort();
const globalTypes = new Set(parsed.filter((r) => r.region === 'global').map((r) => r.type));
// Every type the demo company has was listed completely, in every Region for regional types.
const collection = types.flatMap((type) =>
  (globalTypes.has(type) ? ['global'] : [...REGIONS]).map((region) =>
    CollectionRecord.parse({ source: 'live', service: type.split('::')[1]!.toLowerCase(), action: `demo:List${type.split('::').slice(1).join('')}`, account: ACCOUNT, region, outcome: 'ok', calls: { ok: 1 }, lists: [type] }),
  ),
);
const snapshot = Snapshot.parse({
  schemaVersion: SNAPSHOT_SCHEMA_VERSION,
  kind: 'ftr-ready/snapshot',
  tool: { name: 'ftr-ready', version: 'demo' },
  collectedAt: COLLECTED_AT,
  scope: { sources: ['live'], accounts: [ACCOUNT], regions: [...REGIONS], files: [] },
  accounts: [{ id: ACCOUNT, name: 'brightwave-prod' }],
  resources: parsed,
  collection,
});
const out = new URL('../../demo/brightwave/snapshots/live.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(snapshot, null, 1)}\n`);
console.log(`wrote ${out.pathname}: ${parsed.length} resources of ${types.length} types`);

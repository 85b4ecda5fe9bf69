// Writes demo/brightwave/snapshots/live.json from the company description in this folder. `npx tsx scripts/demo/build-demo-snapshot.ts`
import { writeFileSync } from 'node:fs';
import { CollectionRecord, Resource, SNAPSHOT_SCHEMA_VERSION, Snapshot } from '../../src/core/index.js';
import './account.js';
import './iam.js';
import './network.js';
import './data.js';
import './operations.js';
import { rules } from '../../src/rules/index.js';
import { ACCOUNT, COLLECTED_AT, REGIONS, resources } from './builder.js';

// What CloudFormation manages: everything but the hand-made legacy corner of eu-west-1 and a few one-offs.
const handMade = /legacy|eu-reporting|bastion|partner-exports|bw-eu-reports|i-0eu000002/;
const account = resources.find((r) => r.type === 'AWS::Account')!;
(account.properties['Iac'] as Record<string, unknown>)['StackResourceIds'] = resources
  .filter((r) => r.type !== 'AWS::Account' && r.type !== 'AWS::Account::Region' && !handMade.test(`${r.name ?? ''} ${r.uid}`))
  .map((r) => r.physicalId ?? r.uid);
const parsed = resources.map((r) => Resource.parse(r));
// Types rules reach through ctx.related rather than dispatch on.
const RELATED_TYPES = ['AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::ElasticLoadBalancingV2::ListenerRule', 'AWS::EC2::PrefixList', 'AWS::Backup::BackupSelection', 'AWS::Backup::BackupVault', 'AWS::DLM::LifecyclePolicy'];
// The demo stands for a complete scan: every type a rule reads was listed, found or not.
const types = [...new Set([...parsed.map((r) => r.type), ...rules.flatMap((r) => r.meta.resourceTypes), ...RELATED_TYPES])].sort();
const globalTypes = new Set([...parsed.filter((r) => r.region === 'global').map((r) => r.type), 'AWS::Account', 'AWS::CloudFront::Distribution', 'AWS::Route53::HealthCheck', 'AWS::Budgets::Budget', 'AWS::S3::Bucket', 'AWS::S3::BucketPolicy']);
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

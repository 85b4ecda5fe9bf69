// Test-only: seeds a whole scenario: account facts, IAM and S3 first (instances need IAM's instance profiles), then
// every Region in parallel — VPCs of its own, network, compute beside KMS keys, then data stores, load balancers,
// lifecycle policies, topics, log groups, functions, queues, parameters, secrets, trails, containers and security
// services; alarms last.
import type { AwsHarness } from '../../harness/index.js';
import type { RegionSpec, ScenarioSpec } from '../spec.js';
import { seedTarget, type SeedTarget } from '../target.js';
import { seedAccountFacts } from './account.js';
import { seedDataStores } from './data-stores.js';
import { seedLifecyclePolicies } from './dlm.js';
import { seedCompute, type SeededCompute } from './ec2.js';
import { seedLoadBalancers } from './elbv2.js';
import { seedIam, type SeededIam } from './iam.js';
import { seedFunctions } from './lambda.js';
import { seedLogGroups } from './logs.js';
import { seedNetwork, type SeededNetwork } from './network.js';
import { seedS3 } from './s3.js';
import { seedTopics } from './sns.js';
import { seedQueues } from './sqs.js';
import { seedParameters } from './ssm.js';
import { seedVpcs } from './vpcs.js';
import { seedAlarms } from './alarms.js';
import { seedTrails } from './cloudtrail.js';
import { seedContainers } from './containers.js';
import { seedSecurityServices } from './security.js';
import { seedKeys, seedSecrets } from './kms.js';

export { seedAccountFacts } from './account.js';
export { seedDataStores } from './data-stores.js';
export { seedLifecyclePolicies } from './dlm.js';
export { seedCompute, type SeededCompute } from './ec2.js';
export { seedLoadBalancers } from './elbv2.js';
export { seedIam, type SeededIam } from './iam.js';
export { seedFunctions } from './lambda.js';
export { seedLogGroups } from './logs.js';
export { seedNetwork, type SeededNetwork } from './network.js';
export { seedS3 } from './s3.js';
export { seedTopics } from './sns.js';
export { seedVpcs, type SeededVpc, type SeededVpcs } from './vpcs.js';
export { seedAlarms } from './alarms.js';
export { seedTrails } from './cloudtrail.js';
export { seedContainers } from './containers.js';
export { seedSecurityServices } from './security.js';
export { seedKeys, seedSecrets, type SeededKeys } from './kms.js';
export { seedQueues } from './sqs.js';
export { seedParameters } from './ssm.js';

/** The network (with the Region's own VPCs by name, `vpcs`) and compute ids. */
export interface SeededRegion extends SeededNetwork, SeededCompute {}

export interface SeededScenario {
  scenario: ScenarioSpec;
  iam: SeededIam;
  regions: Record<string, SeededRegion>;
}

export interface SeedOptions {
  /** Calls in flight per list (buckets, instances, volumes, data stores); default 8. */
  concurrency?: number;
  /** SDK attempts per seeding call; default 1 (see SeedTargetOptions). */
  maxAttempts?: number;
}

export async function seedRegion(target: SeedTarget, region: string, spec: RegionSpec, options: SeedOptions = {}): Promise<SeededRegion> {
  const c = options.concurrency;
  // VPCs first: security groups, instances, load balancers and databases may be placed in them. The default-group
  // lockdown of the network touches the default VPC's group only; each VPC says its own.
  const vpcs = await seedVpcs(target, region, spec, c);
  const network = await seedNetwork(target, region, spec, c, vpcs);
  // Keys before what they encrypt.
  const [compute, keys] = await Promise.all([seedCompute(target, region, spec, network, c), seedKeys(target, region, spec, c)]);
  await Promise.all([
    seedDataStores(target, region, spec, network, c, keys),
    seedLoadBalancers(target, region, spec, network, compute, c),
    seedLifecyclePolicies(target, region, spec),
    seedTopics(target, region, spec, c),
    seedLogGroups(target, region, spec, c),
    seedFunctions(target, region, spec, c),
    seedQueues(target, region, spec, c),
    seedParameters(target, region, spec, c),
    seedSecrets(target, region, spec, keys, c),
    seedTrails(target, region, spec),
    seedContainers(target, region, spec, c),
    seedSecurityServices(target, region, spec),
  ]);
  // Last: alarms name the instances, load balancers and databases they watch.
  await seedAlarms(target, region, spec, compute, c);
  return { ...network, ...compute };
}

/**
 * Seeds the scenario into its own moto account through the harness's fault proxy. Every scanned Region is touched,
 * even one the estate leaves empty, so moto's per-Region defaults (default VPC and security group) are what the
 * estate says.
 */
export async function seedScenario(h: Pick<AwsHarness, 'endpoint' | 'proxy'>, scenario: ScenarioSpec, options: SeedOptions = {}): Promise<SeededScenario> {
  const target = seedTarget(h, scenario.accountId, options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts });
  const home = scenario.regions[0] ?? 'us-east-1';
  const { estate } = scenario;
  try {
    const [iam] = await Promise.all([
      seedIam(target, estate.iam ?? {}, home, options.concurrency),
      estate.account ? seedAccountFacts(target, estate.account, home) : Promise.resolve(),
      estate.s3 ? seedS3(target, estate.s3, home, options.concurrency) : Promise.resolve(),
    ]);
    const names = [...new Set([...scenario.regions, ...Object.keys(estate.regions ?? {})])];
    const seeded = await Promise.all(names.map((region) => seedRegion(target, region, estate.regions?.[region] ?? {}, options)));
    return { scenario, iam, regions: Object.fromEntries(names.map((region, i) => [region, seeded[i]!])) };
  } finally {
    target.close();
  }
}

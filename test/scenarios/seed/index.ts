// Test-only: seeds a whole scenario: account facts, IAM and S3 first (instances need IAM's instance profiles), then
// every Region in parallel — network, compute, data stores, load balancers, lifecycle policies.
import type { AwsHarness } from '../../harness/index.js';
import type { RegionSpec, ScenarioSpec } from '../spec.js';
import { seedTarget, type SeedTarget } from '../target.js';
import { seedAccountFacts } from './account.js';
import { seedDataStores } from './data-stores.js';
import { seedLifecyclePolicies } from './dlm.js';
import { seedCompute, type SeededCompute } from './ec2.js';
import { seedLoadBalancers } from './elbv2.js';
import { seedIam, type SeededIam } from './iam.js';
import { seedNetwork, type SeededNetwork } from './network.js';
import { seedS3 } from './s3.js';

export { seedAccountFacts } from './account.js';
export { seedDataStores } from './data-stores.js';
export { seedLifecyclePolicies } from './dlm.js';
export { seedCompute, type SeededCompute } from './ec2.js';
export { seedLoadBalancers } from './elbv2.js';
export { seedIam, type SeededIam } from './iam.js';
export { seedNetwork, type SeededNetwork } from './network.js';
export { seedS3 } from './s3.js';

export interface SeededRegion extends SeededNetwork, SeededCompute {}

export interface SeededScenario {
  scenario: ScenarioSpec;
  iam: SeededIam;
  regions: Record<string, SeededRegion>;
}

export interface SeedOptions {
  /** Calls in flight per list (buckets, instances, volumes, data stores); default 8. */
  concurrency?: number;
}

export async function seedRegion(target: SeedTarget, region: string, spec: RegionSpec, options: SeedOptions = {}): Promise<SeededRegion> {
  const network = await seedNetwork(target, region, spec, options.concurrency);
  const compute = await seedCompute(target, region, spec, network, options.concurrency);
  await Promise.all([
    seedDataStores(target, region, spec, network, options.concurrency),
    seedLoadBalancers(target, region, spec, network, compute, options.concurrency),
    seedLifecyclePolicies(target, region, spec),
  ]);
  return { ...network, ...compute };
}

/**
 * Seeds the scenario into its own moto account through the harness's fault proxy. Every scanned Region is touched,
 * even one the estate leaves empty, so moto's per-Region defaults (default VPC and security group) are what the
 * estate says.
 */
export async function seedScenario(h: Pick<AwsHarness, 'endpoint' | 'proxy'>, scenario: ScenarioSpec, options: SeedOptions = {}): Promise<SeededScenario> {
  const target = seedTarget(h, scenario.accountId);
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

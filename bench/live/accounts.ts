// Seeds the same estate into the two benchmark accounts (through the fault proxy, so it learns which account each
// access key belongs to) and checks that each scanner key really lands in its own account.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { AwsHarness } from '../../test/harness/index.js';
import { seedScenario } from '../../test/scenarios/index.js';
import { benchmarkScenario, resourceCounts, SCANNER_USER, type EstateSize } from './estate.js';

export interface BenchAccount {
  tool: 'prowler' | 'ftr';
  accountId: string;
  credentials: AwsCredentialIdentity;
  counts: ReturnType<typeof resourceCounts>;
  seedSeconds: number;
  seedCalls: number;
}

export const ACCOUNTS = { prowler: '111111111111', ftr: '222222222222' } as const;

async function identity(endpoint: string, credentials: AwsCredentialIdentity): Promise<string | undefined> {
  const sts = new STSClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
  try {
    return (await sts.send(new GetCallerIdentityCommand({}))).Account;
  } finally {
    sts.destroy();
  }
}

async function seedOne(h: AwsHarness, tool: BenchAccount['tool'], size: EstateSize, concurrency: number): Promise<BenchAccount> {
  const accountId = ACCOUNTS[tool];
  const scenario = benchmarkScenario(`bench-${tool}`, accountId, size);
  const started = performance.now();
  const before = h.proxy.calls.length;
  const seeded = await seedScenario(h, scenario, { concurrency, maxAttempts: 3 });
  const seedSeconds = (performance.now() - started) / 1000;
  const credentials = seeded.iam.accessKeys[SCANNER_USER]?.[0];
  if (!credentials) throw new Error(`no access key was created for ${SCANNER_USER} in ${accountId}`);
  const found = await identity(h.endpoint, credentials);
  if (found !== accountId) throw new Error(`the scanner key of ${accountId} resolves to account ${found ?? 'none'} (moto files CreateAccessKey keys under their account)`);
  return { tool, accountId, credentials, counts: resourceCounts(scenario), seedSeconds, seedCalls: h.proxy.calls.length - before };
}

/** One account after the other: each seeding already keeps moto busy with `concurrency` calls per list. */
export async function seedAccounts(h: AwsHarness, size: EstateSize, concurrency: number): Promise<Record<BenchAccount['tool'], BenchAccount>> {
  const prowler = await seedOne(h, 'prowler', size, concurrency);
  const ftr = await seedOne(h, 'ftr', size, concurrency);
  return { prowler, ftr };
}

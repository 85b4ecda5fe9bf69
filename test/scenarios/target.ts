// Test-only: where a scenario is seeded — one moto account behind the fault proxy — and the SDK clients that reach it.
import type { Pluggable } from '@smithy/types';
import { accountHeader, clientConfig, s3Config, s3ControlConfig, type AccountScenario, type AwsHarness } from '../harness/index.js';

interface SdkClient {
  middlewareStack: object;
  destroy(): void;
}

/** Every client's stack takes plugins; typed per service, so the account header is added through this view. */
type PluginStack = { use(pluggable: Pluggable<object, object>): void };

/** Any SDK v3 client class; their config types differ, so the seeding passes its config as they expect. */
export type ClientClass<C extends SdkClient> = new (config: never) => C;

export type ClientKind = 'default' | 's3' | 's3control';

export interface SeedTarget {
  readonly endpoint: string;
  readonly accountId: string;
  /** The fault proxy's scenario state of the account: facts moto cannot model. */
  readonly scenario: AccountScenario;
  /** A cached client of the account (x-moto-account-id on every call) in a Region. */
  client<C extends SdkClient>(ctor: ClientClass<C>, region: string, kind?: ClientKind): C;
  /** Destroys the cached clients. */
  close(): void;
}

export interface SeedTargetOptions {
  /**
   * SDK attempts per seeding call; default 1 (a fault stays visible). A loaded machine can reset a reused keep-alive
   * connection before the request is read; benchmarks seeding thousands of resources retry those.
   */
  maxAttempts?: number;
}

/** A target for an account of the harness: seeding calls go through the proxy, so it sees every key it hands out. */
export function seedTarget(h: Pick<AwsHarness, 'endpoint' | 'proxy'>, accountId: string, targetOptions: SeedTargetOptions = {}): SeedTarget {
  const clients = new Map<string, SdkClient>();
  return {
    endpoint: h.endpoint,
    accountId,
    scenario: h.proxy.state.account(accountId),
    client<C extends SdkClient>(ctor: ClientClass<C>, region: string, kind: ClientKind = 'default'): C {
      const key = `${ctor.name}/${region}/${kind}`;
      const cached = clients.get(key);
      if (cached) return cached as C;
      const options = { region };
      const config = kind === 's3' ? s3Config(h.endpoint, options) : kind === 's3control' ? s3ControlConfig(h.endpoint, options) : clientConfig(h.endpoint, options);
      const client = new ctor((targetOptions.maxAttempts === undefined ? config : { ...config, maxAttempts: targetOptions.maxAttempts }) as never);
      (client.middlewareStack as PluginStack).use(accountHeader(accountId));
      clients.set(key, client);
      return client;
    },
    close() {
      for (const client of clients.values()) client.destroy();
      clients.clear();
    },
  };
}

/** Runs `work` over `items` with at most `limit` in flight (large estates seed in parallel, moto is threaded). */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** CloudFormation-style tags as the EC2/ELB/RDS APIs take them. */
export function tagList(tags: Readonly<Record<string, string>> | undefined, name?: string): Array<{ Key: string; Value: string }> {
  const all = { ...(name !== undefined ? { Name: name } : {}), ...(tags ?? {}) };
  return Object.entries(all).map(([Key, Value]) => ({ Key, Value }));
}

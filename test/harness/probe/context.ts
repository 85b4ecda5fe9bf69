// Test-only: what a coverage probe gets: clients against the target endpoint, and the ids the seed step created.
import type { DeserializeMiddleware } from '@smithy/types';
import { clientConfig, s3Config, s3ControlConfig } from '../aws-clients.js';

export interface RawResponse {
  status: number;
  contentType: string;
}

export type Seeds = Record<string, string>;

export interface SdkClient {
  middlewareStack: object;
  destroy(): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- SDK constructors differ in their config tuple types
export type ClientConstructor<C> = new (...args: any) => C;

export interface ProbeContext {
  readonly endpoint: string;
  readonly region: string;
  readonly accountId: string;
  readonly seeds: Seeds;
  /** A cached client for the endpoint; every raw response it gets is recorded in `lastResponse`. */
  client<C extends SdkClient>(ctor: ClientConstructor<C>, kind?: 'default' | 's3' | 's3control'): C;
  lastResponse: RawResponse | undefined;
  destroy(): void;
}

export function createProbeContext(endpoint: string, seeds: Seeds, region = 'us-east-1'): ProbeContext {
  const clients = new Map<string, SdkClient>();
  const ctx: ProbeContext = {
    endpoint,
    region,
    accountId: '123456789012',
    seeds,
    lastResponse: undefined,
    client(ctor, kind = 'default') {
      const key = `${ctor.name}:${kind}`;
      let client = clients.get(key);
      if (!client) {
        const options = { region };
        const config =
          kind === 's3' ? s3Config(endpoint, options) : kind === 's3control' ? s3ControlConfig(endpoint, options) : clientConfig(endpoint, options);
        client = new ctor(config as never) as SdkClient;
        // Innermost deserialize-step middleware: sees the raw response even when the deserializer then throws.
        const record: DeserializeMiddleware<object, object> = (next) => async (args) => {
          const result = await next(args);
          const response = result.response as { statusCode?: number; headers?: Record<string, string> };
          ctx.lastResponse = { status: response.statusCode ?? 0, contentType: response.headers?.['content-type'] ?? '' };
          return result;
        };
        const stack = client.middlewareStack as { add(middleware: DeserializeMiddleware<object, object>, options: object): void };
        stack.add(record, { step: 'deserialize', priority: 'low', name: 'probeRecordRaw' });
        clients.set(key, client);
      }
      return client as never;
    },
    destroy() {
      for (const client of clients.values()) client.destroy();
      clients.clear();
    },
  };
  return ctx;
}

import type { ResourceInput, UnknownMark } from '../../core/index.js';
import { classifyError } from './classify-error.js';
import { clientConfig, type ClientSettings } from './client-config.js';
import type { CallOptions, CallResult, Collector, CollectorContext, SendOptions } from './collector.js';
import type { Limits } from './limiter.js';
import type { Recorder } from './recorder.js';

/** Facts several collectors add to one resource (the account, an account Region). */
export interface FactSink {
  account(account: string, properties: Record<string, unknown>, unknown: UnknownMark[]): void;
  region(account: string, region: string, properties: Record<string, unknown>, unknown: UnknownMark[]): void;
}

export interface ContextDeps {
  collector: Collector;
  account: string;
  region: string;
  apiRegion: string;
  now: Date;
  settings: ClientSettings;
  callTimeoutMs: number;
  limits: Limits;
  recorder: Recorder;
  clients: Map<string, unknown>;
  resources: ResourceInput[];
  facts: FactSink;
  onCall?: ((outcome: string) => void) | undefined;
}

export function createCollectorContext(deps: ContextDeps): CollectorContext {
  const { collector, account, region, recorder } = deps;
  const actionOf = (operation: string): string => {
    const action = (collector.operations as Record<string, string>)[operation];
    if (!action) throw new Error(`collector ${collector.service} sends ${operation}, which its operations table does not declare`);
    return action;
  };

  /** The types a listing operation completes; none for any other operation. */
  const listsOf = (operation: string): readonly string[] | undefined => (collector.listings as Record<string, readonly string[] | undefined> | undefined)?.[operation];

  async function call<T>(operation: string, send: (options: SendOptions) => Promise<T>, options: CallOptions = {}): Promise<CallResult<T>> {
    const action = actionOf(operation);
    // A listing names its types on its record whatever the outcome, so a failed listing says which inventory it left
    // incomplete (the engine's `collection_failed:<action>`), instead of leaving no trace of the type at all.
    const lists = listsOf(operation);
    return deps.limits.run(collector.service, async () => {
      try {
        const value = await send({ abortSignal: AbortSignal.timeout(deps.callTimeoutMs) });
        recorder.count(collector.service, action, operation, account, region, 'ok', { lists });
        deps.onCall?.('ok');
        return { ok: true, value, absent: false };
      } catch (error) {
        const classified = classifyError(error);
        if (options.absent?.includes(classified.code)) {
          recorder.count(collector.service, action, operation, account, region, 'ok', { lists });
          deps.onCall?.('ok');
          return { ok: true, value: undefined as T, absent: true };
        }
        recorder.count(collector.service, action, operation, account, region, classified.outcome, { resource: options.resource, message: `${classified.code}: ${classified.message}`, lists });
        deps.onCall?.(classified.outcome);
        return { ok: false, reason: `collection_failed:${action}`, code: classified.code, outcome: classified.outcome };
      }
    });
  }

  return {
    account,
    region,
    apiRegion: deps.apiRegion,
    now: deps.now,
    client<C>(ctor: new (config: never) => C, region?: string): C {
      const apiRegion = region ?? deps.apiRegion;
      const key = `${ctor.name}\0${apiRegion}`;
      let client = deps.clients.get(key) as C | undefined;
      if (!client) deps.clients.set(key, (client = new ctor(clientConfig(ctor.name, apiRegion, deps.settings) as never)));
      return client;
    },
    call,
    async pages(operation, fetch, next, items, options = {}) {
      const all: unknown[] = [];
      const seen = new Set<string>();
      let token: string | undefined;
      for (;;) {
        const page = await call(operation, (o) => fetch(token, o), options);
        if (!page.ok) return page;
        if (page.absent) return { ok: true, value: all as never, absent: true };
        all.push(...(items(page.value) ?? []));
        token = next(page.value);
        if (token === undefined || token === '') return { ok: true, value: all as never, absent: false };
        if (seen.has(token)) {
          const action = actionOf(operation);
          recorder.count(collector.service, action, operation, account, region, 'error', { resource: options.resource, message: 'pagination returned a token twice; the listing is incomplete', lists: listsOf(operation) });
          return { ok: false, reason: `collection_failed:${action}`, code: 'PaginationLoop', outcome: 'error' };
        }
        seen.add(token);
      }
    },
    listed(operation, types) {
      recorder.listed(collector.service, actionOf(operation), account, region, types);
    },
    emit(resource) {
      deps.resources.push({ account, region, observedAt: deps.now.toISOString(), ...resource, source: 'live', location: { arn: resource.uid, ...(resource.location ?? {}) } });
    },
    accountFacts(properties, unknown = []) {
      deps.facts.account(account, properties, unknown);
    },
    regionFacts(properties, unknown = []) {
      deps.facts.region(account, region, properties, unknown);
    },
    reasonFor: (operation) => `collection_failed:${actionOf(operation)}`,
  };
}

// Test-only: the shape of a stand-in (answers instead of moto) or a patch (rewrites moto's answer).
import type { RequestInfo } from '../identify.js';
import type { Reply } from '../protocol.js';
import type { AccountScenario, RegionScenario } from '../scenario.js';

export interface StandInContext {
  info: RequestInfo;
  body: Buffer;
  accountId: string;
  account: AccountScenario;
  region: RegionScenario;
  /** The request's JSON body, or {} when it has none. */
  input(): Record<string, unknown>;
  /** Scenario state of another account (e.g. the AccountId parameter of Account API calls). */
  accountOf(accountId: string): AccountScenario;
  /** Helpers the proxy provides for patches that need more facts from moto. */
  bucketRegion(bucket: string): Promise<string | undefined>;
}

export interface StandIn {
  service: string;
  operation: string;
  /** Answers instead of moto; undefined lets moto answer. */
  answer?(ctx: StandInContext): Reply | undefined | Promise<Reply | undefined>;
  /** Rewrites (or just observes) moto's answer. */
  patch?(ctx: StandInContext, upstream: Reply): Reply | Promise<Reply>;
}

/** Converts SDK-shaped values to their JSON wire form: Dates as epoch seconds or ISO 8601, undefined dropped. */
export function toWire(value: unknown, dates: 'epoch' | 'iso'): unknown {
  if (value instanceof Date) return dates === 'epoch' ? value.getTime() / 1000 : value.toISOString();
  if (Array.isArray(value)) return value.map((v) => toWire(v, dates));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = toWire(v, dates);
    return out;
  }
  return value;
}

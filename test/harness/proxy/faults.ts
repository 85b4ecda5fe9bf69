// Test-only: which requests a fault or pagination rule applies to, and how many times it fires.
import type { RequestInfo } from './identify.js';

/** Every field given must match; an empty match matches every AWS request (never moto's own /moto-api calls). */
export interface Match {
  /** As RequestInfo.service: the SigV4 signing name (`iam`, `ec2`, `s3`, `es`…), or `s3control` / `apigatewayv2`. */
  service?: string;
  operation?: string;
  region?: string;
  accountId?: string;
  method?: string;
  /** Tested against the URL path. */
  path?: RegExp | string;
}

interface Budget {
  /** How many matching requests it fires on; default: every one (Infinity). */
  times?: number;
  /** Let this many matching requests through first; default 0. */
  after?: number;
}

export type FaultSpec = Budget &
  (
    | {
        /** Protocol-correct throttling, 5xx or access denied; `code`/`status`/`message` override the defaults. */
        kind: 'throttle' | 'server_error' | 'access_denied';
        code?: string;
        status?: number;
        message?: string;
      }
    | { kind: 'error'; code: string; status: number; message?: string }
    /** Hold the request without ever answering (until the client gives up or the proxy stops). */
    | { kind: 'timeout' }
    /** Answer normally, but only after `ms` milliseconds. */
    | { kind: 'delay'; ms: number }
    /** Drop the connection without an answer. */
    | { kind: 'connection_reset' }
  );

export interface RuleHandle {
  /** How many requests the rule has fired on so far. */
  readonly hits: number;
  /** Stop applying this rule. */
  remove(): void;
}

export interface Rule<T> extends RuleHandle {
  match: Match;
  value: T;
  seen: number;
  hits: number;
  times: number;
  after: number;
  removed: boolean;
}

export function matches(match: Match, info: RequestInfo, accountId: string): boolean {
  if (info.service === 'moto-api') return false;
  if (match.service !== undefined && match.service !== info.service) return false;
  if (match.operation !== undefined && match.operation !== info.operation) return false;
  if (match.region !== undefined && match.region !== info.region) return false;
  if (match.accountId !== undefined && match.accountId !== accountId) return false;
  if (match.method !== undefined && match.method.toUpperCase() !== info.method) return false;
  if (match.path !== undefined) {
    const ok = typeof match.path === 'string' ? info.url.pathname === match.path : match.path.test(info.url.pathname);
    if (!ok) return false;
  }
  return true;
}

export class RuleList<T> {
  private rules: Array<Rule<T>> = [];

  add(match: Match, value: T, budget: Budget = {}): RuleHandle {
    const rule: Rule<T> = {
      match,
      value,
      seen: 0,
      hits: 0,
      times: budget.times ?? Infinity,
      after: budget.after ?? 0,
      removed: false,
      remove: () => {
        rule.removed = true;
        this.rules = this.rules.filter((r) => r !== rule);
      },
    };
    this.rules.push(rule);
    return rule;
  }

  /** The first live rule matching the request, counting the request against it. */
  take(info: RequestInfo, accountId: string): Rule<T> | undefined {
    for (const rule of this.rules) {
      if (!matches(rule.match, info, accountId) || rule.hits >= rule.times) continue;
      rule.seen++;
      if (rule.seen <= rule.after) continue;
      rule.hits++;
      return rule;
    }
    return undefined;
  }

  clear(): void {
    for (const rule of this.rules) rule.removed = true;
    this.rules = [];
  }
}

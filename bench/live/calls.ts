// Sums up the fault proxy's call log for one tool's run: how many AWS API calls, to which services, in which
// accounts, and which ones the emulator could not answer (moto's HTML 500 for what it does not implement).
import type { CallRecord } from '../../test/harness/index.js';

export interface CallSummary {
  total: number;
  /** By the account the proxy filed each call under (the tool's account, when attribution worked). */
  byAccount: Record<string, number>;
  /** By SigV4 service name, most called first. */
  byService: Record<string, number>;
  /** The 15 most frequent operations, as `service:Operation`. */
  topOperations: Record<string, number>;
  /** Who answered: moto, a proxy stand-in (an API moto lacks), a patched moto answer, … */
  byAnswer: Record<string, number>;
  /** Calls answered 2xx/3xx, 4xx, 5xx (0: no answer). */
  byStatusClass: Record<string, number>;
  /**
   * Operations moto answered with a 5xx, with their counts: moto's answer to an operation it does not implement
   * (an HTML 500), so calls that would return data on AWS.
   */
  unimplemented: Record<string, number>;
  /** Operations answered 4xx, with status: mostly "not configured" answers (NoSuchBucketPolicy, NoSuchEntity …). */
  clientErrors: Record<string, number>;
}

function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Record<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

export function summarizeCalls(calls: readonly CallRecord[]): CallSummary {
  const top = Object.entries(countBy(calls, (c) => `${c.service}:${c.operation}`)).slice(0, 15);
  return {
    total: calls.length,
    byAccount: countBy(calls, (c) => c.accountId),
    byService: countBy(calls, (c) => c.service),
    topOperations: Object.fromEntries(top),
    byAnswer: countBy(calls, (c) => c.answeredBy),
    byStatusClass: countBy(calls, (c) => (c.status === 0 ? '0' : `${Math.floor(c.status / 100)}xx`)),
    unimplemented: countBy(calls, (c) => (c.answeredBy === 'moto' && c.status >= 500 ? `${c.service}:${c.operation}` : undefined)),
    clientErrors: countBy(calls, (c) => (c.status >= 400 && c.status < 500 ? `${c.service}:${c.operation} ${c.status}` : undefined)),
  };
}

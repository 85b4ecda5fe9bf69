import { CollectionRecord, worstOutcome, type CollectionOutcome } from '../../core/index.js';

interface Tally {
  service: string;
  action: string;
  operations: Set<string>;
  account: string;
  region: string;
  calls: Partial<Record<CollectionOutcome, number>>;
  affected: Set<string>;
  lists: Set<string>;
  message?: string;
}

/** Collection records (ARCHITECTURE §3): one per service, IAM action, account and Region, with calls per outcome. */
export class Recorder {
  private readonly tallies = new Map<string, Tally>();

  private tally(service: string, action: string, account: string, region: string): Tally {
    const key = `${action}\0${account}\0${region}`;
    let t = this.tallies.get(key);
    if (!t) this.tallies.set(key, (t = { service, action, operations: new Set(), account, region, calls: {}, affected: new Set(), lists: new Set() }));
    return t;
  }

  /**
   * Counts one call. `lists`: the types whose inventory the call's listing gives (collector `listings`); they stay on
   * the record whatever the outcome, so a failed listing names the inventory it left incomplete.
   */
  count(
    service: string,
    action: string,
    operation: string,
    account: string,
    region: string,
    outcome: CollectionOutcome,
    detail?: { resource?: string | readonly string[] | undefined; message?: string; lists?: readonly string[] | undefined },
  ): void {
    const t = this.tally(service, action, account, region);
    t.operations.add(operation);
    t.calls[outcome] = (t.calls[outcome] ?? 0) + 1;
    for (const type of detail?.lists ?? []) t.lists.add(type);
    if (outcome !== 'ok') {
      for (const uid of typeof detail?.resource === 'string' ? [detail.resource] : (detail?.resource ?? [])) t.affected.add(uid);
      if (detail?.message && !t.message) t.message = detail.message;
    }
  }

  /**
   * Adds types to the record of an action already called (a dynamic listing, CollectorContext.listed): a record
   * without calls would read as a complete inventory no call vouched for.
   */
  listed(service: string, action: string, account: string, region: string, types: readonly string[]): void {
    const t = this.tallies.get(`${action}\0${account}\0${region}`);
    if (!t || Object.keys(t.calls).length === 0) throw new Error(`${service} names a listing for ${action}, which it has not called`);
    for (const type of types) t.lists.add(type);
  }

  /** Failed calls in this run so far: the IAM actions and how many calls. */
  failures(): Array<{ action: string; outcome: CollectionOutcome; calls: number }> {
    return [...this.tallies.values()]
      .map((t) => ({ action: t.action, outcome: worstOutcome(Object.keys(t.calls) as CollectionOutcome[]), calls: Object.entries(t.calls).filter(([o]) => o !== 'ok').reduce((n, [, c]) => n + (c ?? 0), 0) }))
      .filter((f) => f.outcome !== 'ok');
  }

  records(): CollectionRecord[] {
    return [...this.tallies.values()]
      .sort((a, b) => a.action.localeCompare(b.action) || a.account.localeCompare(b.account) || a.region.localeCompare(b.region))
      .map((t) => {
        const outcome = worstOutcome(Object.keys(t.calls) as CollectionOutcome[]);
        return CollectionRecord.parse({
          source: 'live',
          service: t.service,
          action: t.action,
          operation: [...t.operations].sort().join(','),
          account: t.account,
          region: t.region,
          outcome,
          calls: t.calls,
          affected: [...t.affected].sort(),
          // Kept whatever the outcome: the engine reads a failed record that lists a type as an incomplete inventory.
          lists: [...t.lists].sort(),
          ...(t.message !== undefined ? { message: t.message } : {}),
        });
      });
  }
}

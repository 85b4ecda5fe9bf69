/**
 * How many workloads of a type run in one account and Region, for rules on `AWS::Account::Region` that only matter
 * where there is something to protect. `unknown` when the inventory of that type was not fully listed there.
 */
import type { Resource, RuleContext } from '../../core/index.js';

export type WorkloadCount = { count: number } | { unknown: string };

export function workloadsIn(ctx: RuleContext, region: Resource, type: string, keep: (r: Resource) => boolean = () => true): WorkloadCount {
  const filter = { account: region.account, region: region.region, source: region.source };
  const found = ctx.resources(type, filter).filter(keep);
  if (found.length > 0) return { count: found.length };
  const inventory = ctx.inventory(type, filter);
  return inventory.complete ? { count: 0 } : { unknown: inventory.reason ?? `not_collected:${type}` };
}

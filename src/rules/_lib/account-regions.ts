import type { Resource, RuleContext } from '../../core/index.js';

export interface RegionValue {
  region: string;
  value: unknown;
}

export interface AcrossRegions {
  /** The property of every `AWS::Account::Region` of the account where it could be read. */
  values: RegionValue[];
  /** Why some Region could not be read (a denied call, a Region never listed); undefined when all were. */
  uncertain?: string;
}

/**
 * Reads one property of the `AWS::Account::Region` pseudo-resources of an account, so an account-level rule can
 * aggregate a regional fact (restore jobs, FIS experiments, Resilience Hub policies). A Region whose property is
 * marked unknown or was not written, or a Region inventory that is not complete, leaves a reason in `uncertain`:
 * the rule may still pass on what it saw, but must not fail on it.
 */
export function readAcrossRegions(ctx: RuleContext, account: Resource, pointer: string): AcrossRegions {
  const filter = { account: account.account, source: account.source };
  const out: AcrossRegions = { values: [] };
  const inventory = ctx.inventory('AWS::Account::Region', filter);
  if (!inventory.complete) out.uncertain = inventory.reason ?? 'not_collected:AWS::Account::Region';
  for (const region of ctx.resources('AWS::Account::Region', filter)) {
    const mark = ctx.unknownAt(region, pointer);
    if (mark) {
      out.uncertain ??= mark.reason;
      continue;
    }
    const value = ctx.get(region, pointer);
    if (value === undefined) {
      out.uncertain ??= `missing_data:${pointer.slice(1).replace(/\//g, '.')}`;
      continue;
    }
    out.values.push({ region: region.region ?? 'unknown', value });
  }
  return out;
}

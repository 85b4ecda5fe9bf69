/**
 * Where a recovery objective (RPO or RTO) is written down: the `recovery` product fact of ftr.yaml
 * (`[{ tier, rpo, rto }]`, ISO 8601 durations) or a Resilience Hub resiliency policy of the account
 * (`AWS::Account::Region` `ResilienceHub.Policies[{ Name, Tier, RpoSeconds, RtoSeconds }]`).
 */
import type { Resource, RuleContext } from '../../core/index.js';
import { readAcrossRegions } from './account-regions.js';
import { formatSeconds } from './durations.js';
import { asList, asRecord, asString, listForMessage } from './shape.js';

export type Objective = 'rpo' | 'rto';

export type ObjectiveAnswer =
  | { found: 'facts' | 'resilience-hub'; values: string }
  | { found: 'none'; uncertain?: string };

export function findObjective(ctx: RuleContext, account: Resource, which: Objective): ObjectiveAnswer {
  const tiers = ctx.facts.recovery.map((t) => `${t.tier} ${t[which]}`);
  if (tiers.length > 0) return { found: 'facts', values: listForMessage(tiers, 5) };

  const field = which === 'rpo' ? 'RpoSeconds' : 'RtoSeconds';
  const read = readAcrossRegions(ctx, account, '/ResilienceHub/Policies');
  const values: string[] = [];
  for (const { value } of read.values) {
    for (const raw of asList(value)) {
      const policy = asRecord(raw) ?? {};
      const seconds = policy[field];
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) continue;
      const tier = asString(policy['Tier']);
      values.push(`${asString(policy['Name']) ?? 'unnamed policy'}${tier ? ` (${tier})` : ''} ${formatSeconds(seconds)}`);
    }
  }
  if (values.length > 0) return { found: 'resilience-hub', values: listForMessage(values, 5) };
  return read.uncertain !== undefined ? { found: 'none', uncertain: read.uncertain } : { found: 'none' };
}

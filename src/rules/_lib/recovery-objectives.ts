/**
 * Where a recovery objective (RPO or RTO) is written down: the `recovery` product fact of ftr.yaml
 * (`[{ tier, rpo, rto }]`, ISO 8601 durations) or a Resilience Hub resiliency policy of the account
 * (`AWS::Account::Region` `ResilienceHub.Policies[{ Name, Tier, RpoSeconds, RtoSeconds }]`).
 */
import type { Outcome, Resource, RuleContext } from '../../core/index.js';
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

/** The remediation snippets both objective rules share: one resiliency policy carries the RPO and the RTO. */
export const RESILIENCY_POLICY_REMEDIATION = {
  cli: 'aws resiliencehub create-resiliency-policy --policy-name core-tier --tier MissionCritical \\\n  --policy \'{"Software":{"rpoInSecs":900,"rtoInSecs":14400},"Hardware":{"rpoInSecs":900,"rtoInSecs":14400},"AZ":{"rpoInSecs":900,"rtoInSecs":14400}}\'',
  cloudformation: [
    'CoreTierPolicy:',
    '  Type: AWS::ResilienceHub::ResiliencyPolicy',
    '  Properties:',
    '    PolicyName: core-tier',
    '    Tier: MissionCritical',
    '    Policy:',
    '      Software: { RpoInSecs: 900, RtoInSecs: 14400 }',
    '      Hardware: { RpoInSecs: 900, RtoInSecs: 14400 }',
    '      AZ: { RpoInSecs: 900, RtoInSecs: 14400 }',
  ].join('\n'),
  terraform: [
    'resource "aws_resiliencehub_resiliency_policy" "core" {',
    '  name = "core-tier"',
    '  tier = "MissionCritical"',
    '',
    '  policy {',
    '    software {',
    '      rpo = "15m"',
    '      rto = "4h"',
    '    }',
    '    hardware {',
    '      rpo = "15m"',
    '      rto = "4h"',
    '    }',
    '    az {',
    '      rpo = "15m"',
    '      rto = "4h"',
    '    }',
    '  }',
    '}',
  ].join('\n'),
  links: ['https://docs.aws.amazon.com/resilience-hub/latest/userguide/resiliency-policies.html', 'https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/business-continuity-plan-bcp.html'],
};

/** The messages of an objective rule, for `label` RPO or RTO. */
export function objectiveMessages(label: 'RPO' | 'RTO') {
  return {
    fromFacts: `${label} from ftr.yaml: {{values}}.`,
    fromResilienceHub: `Account {{resource}}: ${label} from Resilience Hub policies: {{values}}.`,
    notDefined: `Account {{resource}}: no ${label} is defined in ftr.yaml (product.recovery) or in a Resilience Hub resiliency policy.`,
  } as const;
}

type ObjectiveMessage = keyof ReturnType<typeof objectiveMessages>;

/** Pass with the values found, unknown when a Region's policies could not be read and none was found, else fail. */
export function evaluateObjective(ctx: RuleContext<ObjectiveMessage>, account: Resource, which: Objective): Outcome {
  const answer = findObjective(ctx, account, which);
  if (answer.found !== 'none') return ctx.pass(answer.found === 'facts' ? 'fromFacts' : 'fromResilienceHub', { values: answer.values });
  if (answer.uncertain !== undefined) return ctx.unknown(answer.uncertain, { path: '/ResilienceHub/Policies' });
  return ctx.fail('notDefined');
}

/**
 * A recovery point objective (RPO) is defined, so its value can go in the FTR worksheet (an assist for RES-001).
 *
 * PASS    ftr.yaml `product.recovery` names an RPO per tier, or a Resilience Hub resiliency policy of the account
 *         carries one (its value is shown).
 * FAIL    neither exists (every Region's Resilience Hub policies were read).
 * UNKNOWN no value found and some Region's Resilience Hub policies could not be read.
 * https://docs.aws.amazon.com/resilience-hub/latest/userguide/resiliency-policies.html
 */
import { defineRule } from '../../core/index.js';
import { evaluateObjective, objectiveMessages, RESILIENCY_POLICY_REMEDIATION } from '../_lib/recovery-objectives.js';

export default defineRule({
  meta: {
    id: 'recovery-point-objective-defined',
    title: 'A recovery point objective (RPO) is defined for the workload',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'RES-001', gates: false, basis: 'informs the RPO value the worksheet asks for (from ftr.yaml or Resilience Hub)' },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'The RPO says how much data the business can afford to lose; backup frequency, replication and restore tests are judged against it. From the 2026 checklist on, the worksheet asks for the value itself, per tier where tiers differ.',
    remediation: {
      summary: 'Decide the RPO per tier and record it in ftr.yaml (product.recovery), or in a Resilience Hub resiliency policy.',
      console: [
        'Agree the RPO per application tier with the business owner (for example 15 minutes for the transactional tier).',
        'Record it in ftr.yaml: product.recovery: [{ tier: core, rpo: PT15M, rto: PT4H }].',
        'Optionally, in the AWS Resilience Hub console choose Policies > Create resiliency policy, set the RPO for each disruption type (application, infrastructure, Availability Zone, Region) and attach the policy to the application.',
      ],
      ...RESILIENCY_POLICY_REMEDIATION,
    },
    messages: objectiveMessages('RPO'),
    needs: ['resiliencehub:ListResiliencyPolicies'],
    notes: 'The values are shown, not judged: whether an RPO is adequate is a business decision the reviewer discusses with you.',
  },
  evaluate(account, ctx) {
    return evaluateObjective(ctx, account, 'rpo');
  },
});

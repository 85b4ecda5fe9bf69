/**
 * Savings Plans or Reserved Instances cover a healthy share of the eligible on-demand usage (the seed guide: "the
 * review checks whether you're using Savings Plans or RIs effectively"). Informational: commitments are a business
 * choice, and a young or spiky workload may rightly have none.
 *
 * Threshold: 70% — the better of Savings Plans coverage (GetSavingsPlansCoverage) and RI coverage
 * (GetReservationCoverage) over the collector's period. 70–80% is the usual target for steady-state compute; the two
 * coverages are measured on different bases, so they are compared one at a time, not added.
 *
 * N/A     no usage is eligible for either commitment (both `CoveragePercent` null).
 * PASS    either coverage is at least 70%.
 * FAIL    both known coverages are below 70%.
 * UNKNOWN a coverage below 70% is known and the other could not be read (Cost Explorer denied or not collected).
 * https://docs.aws.amazon.com/savingsplans/latest/userguide/ce-sp-usingCR.html
 */
import { defineRule, type Resource, type RuleContext } from '../../core/index.js';

const THRESHOLD = 70;

type Coverage = { percent: number } | { none: true } | { uncertain: string };

function coverage(ctx: RuleContext, account: Resource, property: string): Coverage {
  const pointer = `/${property}/CoveragePercent`;
  const mark = ctx.unknownAt(account, pointer);
  if (mark) return { uncertain: mark.reason };
  const value = ctx.get(account, pointer);
  if (value === null) return { none: true };
  return typeof value === 'number' && Number.isFinite(value) ? { percent: value } : { uncertain: `missing_data:${property}` };
}

const shown = (c: Coverage) => ('percent' in c ? `${Math.round(c.percent * 10) / 10}%` : 'none' in c ? 'no eligible usage' : 'unknown');

export default defineRule({
  meta: {
    id: 'commitment-coverage-above-threshold',
    title: 'Savings Plans or Reserved Instances cover at least 70% of eligible usage',
    severity: 'info',
    requirements: [],
    bestPractice: 'cost',
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'Steady compute bought on demand costs up to about twice what a Savings Plan or Reserved Instance costs. Low coverage on a stable workload signals that nobody reviews commitments, one of the cost-governance signs the seed guide says reviewers look for.',
    remediation: {
      summary: 'Review the Savings Plans purchase recommendations and buy a Compute Savings Plan sized to the steady baseline; review coverage monthly.',
      console: [
        'Open Billing and Cost Management > Savings Plans > Recommendations (in the management account for the whole organization).',
        'Choose Compute Savings Plans, a 1-year term and the payment option, and review the recommended hourly commitment.',
        'Add the plan to the cart and purchase; track it under Savings Plans > Coverage report and Utilization report.',
      ],
      cli: [
        'aws ce get-savings-plans-purchase-recommendation --savings-plans-type COMPUTE_SP --term-in-years ONE_YEAR \\',
        '  --payment-option NO_UPFRONT --lookback-period-in-days THIRTY_DAYS',
        'aws ce get-savings-plans-coverage --time-period Start=<yyyy-mm-01>,End=<yyyy-mm-01> --granularity MONTHLY',
      ].join('\n'),
      cloudformation: '# Savings Plans and Reserved Instances are purchases, not CloudFormation resources: buy them in the console or with\n# aws savingsplans create-savings-plan --savings-plan-offering-id <offering-id> --commitment <usd-per-hour>',
      terraform: '# Not managed by Terraform: purchase with\n# aws savingsplans create-savings-plan --savings-plan-offering-id <offering-id> --commitment <usd-per-hour>',
      links: ['https://docs.aws.amazon.com/savingsplans/latest/userguide/sp-recommendations.html', 'https://docs.aws.amazon.com/savingsplans/latest/userguide/ce-sp-usingCR.html'],
    },
    messages: {
      covered: 'Account {{resource}}: commitment coverage is {{best}} (Savings Plans {{savingsPlans}}, Reserved Instances {{reservations}}), at or above {{threshold}}%.',
      lowCoverage: 'Account {{resource}}: Savings Plans cover {{savingsPlans}} and Reserved Instances {{reservations}} of eligible usage, below {{threshold}}%.',
      noEligibleUsage: 'Account {{resource}} has no usage eligible for Savings Plans or Reserved Instances.',
    },
    needs: ['ce:GetSavingsPlansCoverage', 'ce:GetReservationCoverage'],
  },
  evaluate(account, ctx) {
    const sp = coverage(ctx, account, 'SavingsPlansCoverage');
    const ri = coverage(ctx, account, 'ReservationCoverage');
    const data = { savingsPlans: shown(sp), reservations: shown(ri), threshold: THRESHOLD };
    const best = Math.max(...[sp, ri].map((c) => ('percent' in c ? c.percent : -1)));
    if (best >= THRESHOLD) return ctx.pass('covered', { ...data, best: `${Math.round(best * 10) / 10}%` });
    const uncertain = [sp, ri].find((c): c is { uncertain: string } => 'uncertain' in c);
    if (uncertain) return ctx.unknown(uncertain.uncertain);
    if ('none' in sp && 'none' in ri) return ctx.notApplicable('noEligibleUsage');
    return ctx.fail('lowCoverage', data);
  },
});

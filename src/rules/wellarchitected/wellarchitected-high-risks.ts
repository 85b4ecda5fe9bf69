/**
 * Well-Architected workloads have no open high-risk issues.
 *
 * N/A     the account has no workload in the Well-Architected Tool.
 * PASS    every workload of the account has no high-risk issue (HIGH = 0).
 * FAIL    (informs) a workload has high-risk issues — one outcome per workload, with the security, reliability and
 *         operational-excellence counts when the collector has them.
 * UNKNOWN the tool could not be read, or a workload's risk counts were not collected.
 *
 * Informing: WAFR-001 asks that a review happened, not that it found nothing; the high-risk counts show the reviewer
 * what the review left open. (The FTR alternative path via WAFR expects high risks in security, reliability and
 * operational excellence to be addressed.)
 * https://docs.aws.amazon.com/wellarchitected/latest/userguide/workloads-improvement-plan.html
 */
import { defineRule, type Outcome } from '../../core/index.js';
import { workloadsOf } from '../_lib/well-architected.js';

export default defineRule({
  meta: {
    id: 'wellarchitected-high-risks',
    title: 'Well-Architected workloads have no open high-risk issues',
    severity: 'low',
    requirements: [
      { checklist: 'partner-hosted', id: 'WAFR-001', gates: false, basis: 'informs the yearly architecture review: the high-risk issues the latest review left open' },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'High-risk issues are the Well-Architected Framework’s way of saying "this can hurt customers". Recording a review is only half of it; the improvement plan is where the risk goes away.',
    remediation: {
      summary: 'Work through the improvement plan of each workload, starting with the security and reliability high risks, and save a new milestone.',
      console: ['Open the Well-Architected Tool > the workload > Improvement plan.', 'Address the high-risk items (or record why a risk is accepted), update the answers, and save a milestone.'],
      cli: 'aws wellarchitected list-lens-review-improvements --workload-id <WORKLOAD_ID> --lens-alias wellarchitected --query "ImprovementSummaries[?Risk==\'HIGH\']"',
      links: ['https://docs.aws.amazon.com/wellarchitected/latest/userguide/workloads-improvement-plan.html'],
    },
    messages: {
      noHighRisks: 'The Well-Architected workloads of account {{resource}} ({{count}}) have no high-risk issues.',
      highRisks: 'Workload {{workload}} in account {{resource}} has {{high}} high-risk issue(s) (security {{security}}, reliability {{reliability}}, operational excellence {{operationalExcellence}}).',
    },
    needs: ['wellarchitected:ListWorkloads', 'wellarchitected:GetLensReview'],
  },
  evaluate(account, ctx) {
    const workloads = workloadsOf(ctx, account);
    if (!workloads) return ctx.unknown('missing_data:WellArchitected', { path: '/WellArchitected' });
    if (workloads.length === 0) return ctx.notApplicable();
    const outcomes: Outcome[] = [];
    workloads.forEach((w, i) => {
      const path = `/WellArchitected/Workloads/${i}/RiskCounts`;
      const high = w.riskCounts?.['HIGH'];
      if (high === undefined) outcomes.push(ctx.unknown(w.risksUnknown ?? 'missing_data:WellArchitected.RiskCounts', { path }));
      else if (high > 0) {
        const pillar = (key: string) => (w.pillarHighRisks?.[key] !== undefined ? String(w.pillarHighRisks[key]) : 'not known');
        outcomes.push(ctx.fail('highRisks', { workload: w.name, high, security: pillar('security'), reliability: pillar('reliability'), operationalExcellence: pillar('operationalExcellence') }, { path }));
      }
    });
    return outcomes.length > 0 ? outcomes : ctx.pass('noHighRisks', { count: workloads.length });
  },
});

/**
 * A Well-Architected Tool milestone was recorded within the last 12 months.
 *
 * N/A     the account has no workload in the tool, but another scanned account has (reviews live where the team
 *         keeps them; one account is enough).
 * PASS    a workload of the account has a milestone recorded within the last 12 months (the boundary included).
 * FAIL    (informs) the account's workloads have no milestone, or only older ones; or no scanned account has any
 *         workload in the tool.
 * UNKNOWN the Well-Architected Tool could not be read here (or, for an account without workloads, in another account),
 *         or no recent milestone was seen and a workload's milestones could not be read.
 *
 * Informing: WAFR-001 asks for a yearly review against a documented standard, and an internal review report is as
 * valid as the tool (WAFR-001.2). Absence from the tool is not absence of a review, so the rule never gates; a recent
 * milestone is strong evidence for the attestation.
 * https://docs.aws.amazon.com/wellarchitected/latest/userguide/milestones.html
 */
import { defineRule } from '../../core/index.js';
import { isoDay, yearsBefore } from '../_lib/dates.js';
import { workloadsOf } from '../_lib/well-architected.js';

export default defineRule({
  meta: {
    id: 'wellarchitected-milestone-recent',
    title: 'A Well-Architected milestone was recorded in the last 12 months',
    severity: 'low',
    requirements: [
      { checklist: 'partner-hosted', id: 'WAFR-001', gates: false, basis: 'informs "architecture reviewed at least yearly": a milestone in the Well-Architected Tool dates a review; an internal review report is equally valid' },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'A yearly review against the Well-Architected Framework catches the drift that a growing product accumulates. Saving a milestone in the tool records what was reviewed, when, and which risks remained.',
    remediation: {
      summary: 'Review the workload in the Well-Architected Tool (or against your own documented standard) and save a milestone; repeat at least yearly.',
      console: [
        'Open the AWS Well-Architected Tool > Workloads > Define workload (or open the existing one).',
        'Answer the questions of the Well-Architected Framework lens (and the FTR lens if available), then choose Save milestone.',
      ],
      cli: 'aws wellarchitected list-workloads\naws wellarchitected create-milestone --workload-id <WORKLOAD_ID> --milestone-name "Annual review $(date +%Y)" --client-request-token "$(uuidgen)"',
      links: ['https://docs.aws.amazon.com/wellarchitected/latest/userguide/milestones.html'],
    },
    messages: {
      recentMilestone: 'Workload {{workload}} in account {{resource}} has a milestone recorded on {{recorded}}.',
      staleMilestone: 'The latest Well-Architected milestone in account {{resource}} ({{workload}}) dates from {{recorded}}, more than 12 months ago.',
      noMilestone: 'The Well-Architected workloads of account {{resource}} ({{count}}) have no milestone.',
      noWorkloads: 'No scanned account has a workload in the Well-Architected Tool; attach the internal architecture review report instead.',
    },
    needs: ['wellarchitected:ListWorkloads', 'wellarchitected:ListMilestones'],
  },
  evaluate(account, ctx) {
    const workloads = workloadsOf(ctx, account);
    if (!workloads) return ctx.unknown('missing_data:WellArchitected', { path: '/WellArchitected' });
    if (workloads.length === 0) {
      for (const other of ctx.resources('AWS::Account')) {
        if (other.uid === account.uid) continue;
        const mark = ctx.unknownAt(other, '/WellArchitected');
        if (mark) return ctx.unknown(mark.reason);
        if ((workloadsOf(ctx, other) ?? []).length > 0) return ctx.notApplicable();
      }
      return ctx.fail('noWorkloads', {}, { path: '/WellArchitected/Workloads' });
    }
    const dated = workloads.filter((w) => w.milestone).sort((a, b) => b.milestone!.recordedAt.getTime() - a.milestone!.recordedAt.getTime());
    const latest = dated[0];
    if (latest?.milestone && latest.milestone.recordedAt >= yearsBefore(ctx.now, 1)) {
      return ctx.pass('recentMilestone', { workload: latest.name, recorded: isoDay(latest.milestone.recordedAt) });
    }
    // A workload whose milestones could not be read might hold the recent one.
    const unread = workloads.find((w) => w.milestoneUnknown);
    if (unread?.milestoneUnknown) return ctx.unknown(unread.milestoneUnknown, { path: '/WellArchitected/Workloads' });
    if (!latest?.milestone) return ctx.fail('noMilestone', { count: workloads.length }, { path: '/WellArchitected/Workloads' });
    return ctx.fail('staleMilestone', { workload: latest.name, recorded: isoDay(latest.milestone.recordedAt) }, { path: '/WellArchitected/Workloads' });
  },
});

/**
 * IAM roles have been assumed within the last 90 days.
 *
 * N/A     service-linked roles (their service owns them and deletes them with the feature).
 * PASS    the role was last used within the last 90 days (boundary included), or created less than 90 days ago.
 * FAIL    (informs) the role was last used more than 90 days ago, or not at all in IAM's tracking window (400 days).
 * UNKNOWN the role's last use or creation date could not be read.
 *
 * Informing: an unused role is standing access nobody needs (least privilege, IAM-006) and often a leftover of a
 * person, vendor or system that is gone (lifecycle, IAM-007). Some roles are rightly rare — disaster-recovery or
 * audit roles — so a finding asks for a decision, not a deletion.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html
 */
import { defineRule } from '../../core/index.js';
import { isoDay, olderThanDays, readTime } from '../_lib/dates.js';
import { isServiceLinkedRole } from '../_lib/iam-identities.js';

const WINDOW_DAYS = 90;

export default defineRule({
  meta: {
    id: 'iam-role-used-recently',
    title: 'IAM roles have been used in the last 90 days',
    severity: 'low',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-006', gates: false, basis: 'informs least privilege: a role unused for 90 days is standing access nobody needs' },
      { checklist: 'partner-hosted', id: 'IAM-007', gates: false, basis: 'informs the access lifecycle: unused roles are often left behind when people, vendors or systems go' },
    ],
    resourceTypes: ['AWS::IAM::Role'],
    sources: ['live'],
    rationale:
      'A role nobody assumes still grants its permissions to everyone its trust policy allows. Unused roles widen the attack surface, especially cross-account roles of former vendors.',
    remediation: {
      summary: 'Confirm the role is not needed (check its trust policy and owner), then delete it, or record why it is kept (DR, audit).',
      console: ['Open IAM > Roles and sort by "Last activity".', 'Open the role, review Trust relationships and Access Advisor, then choose Delete.'],
      cli: 'aws iam get-role --role-name <ROLE> --query Role.RoleLastUsed\naws iam list-attached-role-policies --role-name <ROLE>\n# detach policies, remove from instance profiles, delete inline policies, then:\naws iam delete-role --role-name <ROLE>',
      links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html'],
    },
    messages: {
      used: 'Role {{resource}} was last used on {{lastUsed}}.',
      newRole: 'Role {{resource}} was created less than 90 days ago.',
      unused: 'Role {{resource}} was last used on {{lastUsed}} (created {{created}}).',
      neverUsed: 'Role {{resource}}, created {{created}}, has no recorded use in IAM’s 400-day tracking window.',
    },
    needs: ['iam:GetAccountAuthorizationDetails', 'iam:GetRole'],
  },
  evaluate(role, ctx) {
    if (isServiceLinkedRole(ctx, role)) return ctx.notApplicable();
    const record = ctx.get(role, '/RoleLastUsed');
    if (record === undefined) return ctx.unknown('missing_data:RoleLastUsed', { path: '/RoleLastUsed' });
    const lastUsed = record === null ? null : readTime(ctx, role, '/RoleLastUsed/LastUsedDate') ?? null;
    if (lastUsed && !olderThanDays(lastUsed, ctx.now, WINDOW_DAYS)) return ctx.pass('used', { lastUsed: isoDay(lastUsed) });
    const created = readTime(ctx, role, '/CreateDate');
    if (!created) return ctx.unknown('missing_data:CreateDate', { path: '/CreateDate' });
    if (!olderThanDays(created, ctx.now, WINDOW_DAYS)) return ctx.pass('newRole');
    return lastUsed
      ? ctx.fail('unused', { lastUsed: isoDay(lastUsed), created: isoDay(created) }, { path: '/RoleLastUsed' })
      : ctx.fail('neverUsed', { created: isoDay(created) }, { path: '/RoleLastUsed' });
  },
});

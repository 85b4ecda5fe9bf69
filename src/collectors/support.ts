/**
 * AWS Support (global; the API lives in us-east-1, where the SDK routes it from any Region): `AWS::Account.SupportTier`
 * from the severity levels the plan lets the account open cases at.
 * - SubscriptionRequiredException: no premium plan. Basic and Developer both answer so (the Support API needs
 *   Business or higher), so both are written as `basic`.
 * - `critical` (business-critical system down) exists on Enterprise On-Ramp and Enterprise: `enterprise`.
 * - `urgent` (production system down) exists from Business up: `business`.
 * - Any other answer (low / normal / high only) is Developer-like: `developer`.
 * https://docs.aws.amazon.com/awssupport/latest/user/case-management.html#choosing-severity
 */
import { DescribeSeverityLevelsCommand, SupportClient } from '@aws-sdk/client-support';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'support',
  scope: 'global',
  operations: { DescribeSeverityLevels: 'support:DescribeSeverityLevels' },
  produces: ['AWS::Account'],
  async collect(ctx) {
    const client = ctx.client(SupportClient);
    const levels = await ctx.call('DescribeSeverityLevels', (o) => client.send(new DescribeSeverityLevelsCommand({ language: 'en' }), o), {
      absent: ['SubscriptionRequiredException'],
    });
    if (!levels.ok) return ctx.accountFacts({}, [{ path: '/SupportTier', reason: levels.reason }]);
    if (levels.absent) return ctx.accountFacts({ SupportTier: 'basic' });
    const codes = new Set((levels.value.severityLevels ?? []).map((l) => (l.code ?? '').toLowerCase()));
    ctx.accountFacts({ SupportTier: codes.has('critical') ? 'enterprise' : codes.has('urgent') ? 'business' : 'developer' });
  },
});

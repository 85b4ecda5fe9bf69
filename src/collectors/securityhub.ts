/**
 * AWS Security Hub (regional): `AWS::Account::Region.SecurityHub` = `{ Enabled, Standards }`. DescribeHub's
 * InvalidAccessException means the account is not subscribed to Security Hub in the Region (not enabled);
 * `Standards` lists the ARNs of the enabled standards (GetEnabledStandards, those not being deleted or failed).
 */
import { DescribeHubCommand, GetEnabledStandardsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { defineCollector } from './framework/collector.js';

const NOT_ENABLED = ['InvalidAccessException'];
const GONE = new Set(['DELETING', 'FAILED']);

export default defineCollector({
  service: 'securityhub',
  scope: 'regional',
  operations: {
    DescribeHub: 'securityhub:DescribeHub',
    GetEnabledStandards: 'securityhub:GetEnabledStandards',
  },
  produces: ['AWS::Account::Region'],
  async collect(ctx) {
    const client = ctx.client(SecurityHubClient);
    const hub = await ctx.call('DescribeHub', (o) => client.send(new DescribeHubCommand({}), o), { absent: NOT_ENABLED });
    if (!hub.ok) return ctx.regionFacts({}, [{ path: '/SecurityHub', reason: hub.reason }]);
    if (hub.absent) return ctx.regionFacts({ SecurityHub: { Enabled: false, Standards: [] } });
    const standards = await ctx.pages(
      'GetEnabledStandards',
      (NextToken, o) => client.send(new GetEnabledStandardsCommand({ NextToken }), o),
      (p) => p.NextToken,
      (p) => p.StandardsSubscriptions,
    );
    if (!standards.ok) return ctx.regionFacts({ SecurityHub: { Enabled: true } }, [{ path: '/SecurityHub/Standards', reason: standards.reason }]);
    const arns = standards.value.filter((s) => !GONE.has(s.StandardsStatus ?? '')).map((s) => s.StandardsArn ?? '').filter(Boolean).sort();
    ctx.regionFacts({ SecurityHub: { Enabled: true, Standards: arns } });
  },
});

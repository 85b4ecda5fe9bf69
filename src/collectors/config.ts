/**
 * AWS Config (regional): `AWS::Account::Region.Config` = `{ Recorders, Recording }` — how many configuration
 * recorders the Region has, and whether any of them is recording (DescribeConfigurationRecorderStatus).
 */
import { ConfigServiceClient, DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand } from '@aws-sdk/client-config-service';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'config',
  scope: 'regional',
  operations: {
    DescribeConfigurationRecorders: 'config:DescribeConfigurationRecorders',
    DescribeConfigurationRecorderStatus: 'config:DescribeConfigurationRecorderStatus',
  },
  produces: ['AWS::Account::Region'],
  async collect(ctx) {
    const client = ctx.client(ConfigServiceClient);
    const recorders = await ctx.call('DescribeConfigurationRecorders', (o) => client.send(new DescribeConfigurationRecordersCommand({}), o));
    if (!recorders.ok) return ctx.regionFacts({}, [{ path: '/Config', reason: recorders.reason }]);
    const count = recorders.value.ConfigurationRecorders?.length ?? 0;
    if (count === 0) return ctx.regionFacts({ Config: { Recorders: 0, Recording: false } });
    const status = await ctx.call('DescribeConfigurationRecorderStatus', (o) => client.send(new DescribeConfigurationRecorderStatusCommand({}), o));
    if (!status.ok) return ctx.regionFacts({ Config: { Recorders: count } }, [{ path: '/Config/Recording', reason: status.reason }]);
    const recording = (status.value.ConfigurationRecordersStatus ?? []).some((s) => s.recording === true);
    ctx.regionFacts({ Config: { Recorders: count, Recording: recording } });
  },
});

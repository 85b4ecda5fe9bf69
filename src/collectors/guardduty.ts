/**
 * GuardDuty: whether a detector is enabled in the Region (IAM-002's compensating monitoring, best practice).
 * Writes `AWS::Account::Region.GuardDuty` = `{ Enabled, DetectorId, Status }`.
 */
import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'guardduty',
  scope: 'regional',
  operations: {
    ListDetectors: 'guardduty:ListDetectors',
    GetDetector: 'guardduty:GetDetector',
  },
  produces: ['AWS::Account::Region'],
  async collect(ctx) {
    const client = ctx.client(GuardDutyClient);
    const detectors = await ctx.pages(
      'ListDetectors',
      (NextToken, o) => client.send(new ListDetectorsCommand({ NextToken }), o),
      (page) => page.NextToken,
      (page) => page.DetectorIds,
    );
    if (!detectors.ok) return ctx.regionFacts({}, [{ path: '/GuardDuty', reason: detectors.reason }]);
    const id = detectors.value[0];
    if (id === undefined) return ctx.regionFacts({ GuardDuty: { Enabled: false, DetectorId: null, Status: null } });
    const detector = await ctx.call('GetDetector', (o) => client.send(new GetDetectorCommand({ DetectorId: id }), o));
    if (!detector.ok) return ctx.regionFacts({ GuardDuty: { DetectorId: id } }, [{ path: '/GuardDuty/Enabled', reason: detector.reason }, { path: '/GuardDuty/Status', reason: detector.reason }]);
    const status = detector.value.Status ?? null;
    ctx.regionFacts({ GuardDuty: { Enabled: status === 'ENABLED', DetectorId: id, Status: status } });
  },
});

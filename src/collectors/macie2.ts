/**
 * Amazon Macie (regional): `AWS::Account::Region.Macie` = `{ Status }` from GetMacieSession — ENABLED or PAUSED as
 * Macie reports it, DISABLED when Macie was never enabled (or was disabled) in the Region.
 *
 * AWS answers a Region without Macie with AccessDeniedException "Macie is not enabled" — the same error code as a
 * denied permission — so the message tells the two apart: only that message counts as DISABLED; any other denial is
 * recorded as access denied and leaves the status unknown. (moto answers a disabled session with
 * ResourceNotFoundException, which is read as DISABLED too.)
 */
import { GetMacieSessionCommand, Macie2Client } from '@aws-sdk/client-macie2';
import { defineCollector } from './framework/collector.js';

const NOT_ENABLED_MESSAGE = /macie is not enabled/i;

export default defineCollector({
  service: 'macie2',
  scope: 'regional',
  operations: { GetMacieSession: 'macie2:GetMacieSession' },
  produces: ['AWS::Account::Region'],
  async collect(ctx) {
    const client = ctx.client(Macie2Client);
    const session = await ctx.call('GetMacieSession', async (o): Promise<{ status?: string | undefined }> => {
      try {
        return await client.send(new GetMacieSessionCommand({}), o);
      } catch (error) {
        const e = error as { name?: string; message?: string };
        const notEnabled = (e.name === 'AccessDeniedException' && NOT_ENABLED_MESSAGE.test(e.message ?? '')) || e.name === 'ResourceNotFoundException';
        if (notEnabled) return { status: 'DISABLED' };
        throw error;
      }
    });
    if (!session.ok) return ctx.regionFacts({}, [{ path: '/Macie', reason: session.reason }]);
    const status = session.value.status;
    if (!status) return ctx.regionFacts({}, [{ path: '/Macie', reason: 'missing_data:Macie.Status' }]);
    ctx.regionFacts({ Macie: { Status: status } });
  },
});

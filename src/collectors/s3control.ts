/**
 * S3 Control: the account-level Block Public Access settings, written as `AWS::Account.S3PublicAccessBlock`
 * (`null` = the account has no configuration). The IAM action lives under the `s3` prefix; the collector is named
 * after the API so it reads apart from the bucket collector in progress and records.
 */
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 's3control',
  scope: 'global',
  operations: {
    GetPublicAccessBlock: 's3:GetAccountPublicAccessBlock',
  },
  produces: ['AWS::Account'],
  async collect(ctx) {
    const client = ctx.client(S3ControlClient);
    const answer = await ctx.call('GetPublicAccessBlock', (o) => client.send(new GetPublicAccessBlockCommand({ AccountId: ctx.account }), o), {
      resource: `account:${ctx.account}`,
      absent: ['NoSuchPublicAccessBlockConfiguration'],
    });
    if (!answer.ok) return ctx.accountFacts({}, [{ path: '/S3PublicAccessBlock', reason: answer.reason }]);
    const c = answer.absent ? undefined : answer.value.PublicAccessBlockConfiguration;
    ctx.accountFacts({
      // A setting S3 does not report is off.
      S3PublicAccessBlock: c
        ? {
            BlockPublicAcls: c.BlockPublicAcls === true,
            IgnorePublicAcls: c.IgnorePublicAcls === true,
            BlockPublicPolicy: c.BlockPublicPolicy === true,
            RestrictPublicBuckets: c.RestrictPublicBuckets === true,
          }
        : null,
    });
  },
});

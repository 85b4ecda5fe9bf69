/**
 * Systems Manager Parameter Store: parameter metadata from DescribeParameters — never GetParameter(s), so no value is
 * ever read. `NameLooksSecret` applies the credential-name heuristic the Terraform parser also uses
 * (src/core/secrets/credentials.ts) to the full parameter name, so a parameter is judged alike in code and live.
 */
import { DescribeParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { nameLooksLikeCredential } from '../core/secrets/credentials.js';
import { buildArn, defined } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';
import { isoTime } from './framework/time.js';

export default defineCollector({
  service: 'ssm',
  scope: 'regional',
  operations: {
    DescribeParameters: 'ssm:DescribeParameters',
  },
  listings: { DescribeParameters: ['AWS::SSM::Parameter'] },
  produces: ['AWS::SSM::Parameter'],
  async collect(ctx) {
    const client = ctx.client(SSMClient);
    const parameters = await ctx.pages(
      'DescribeParameters',
      (NextToken, o) => client.send(new DescribeParametersCommand({ NextToken, MaxResults: 50 }), o),
      (page) => page.NextToken,
      (page) => page.Parameters,
    );
    if (!parameters.ok) return;
    for (const parameter of parameters.value) {
      const name = parameter.Name;
      if (name === undefined) continue;
      const uid = parameter.ARN ?? buildArn(ctx.apiRegion, 'ssm', ctx.region, ctx.account, `parameter${name.startsWith('/') ? '' : '/'}${name}`);
      ctx.emit({
        uid,
        type: 'AWS::SSM::Parameter',
        name,
        physicalId: name,
        properties: defined({
          Name: name,
          Type: parameter.Type,
          KeyId: parameter.KeyId,
          Tier: parameter.Tier,
          DataType: parameter.DataType,
          LastModifiedDate: isoTime(parameter.LastModifiedDate),
          NameLooksSecret: nameLooksLikeCredential(name),
        }),
      });
    }
  },
});

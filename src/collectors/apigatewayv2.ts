/**
 * API Gateway v2 (HTTP and WebSocket APIs) custom domain names: the TLS security policy of each endpoint
 * configuration. Same IAM action as v1 (`apigateway:GET`), so both share one collection record per Region: a failure
 * of either leaves both domain inventories unknown, never complete.
 */
import { ApiGatewayV2Client, GetDomainNamesCommand } from '@aws-sdk/client-apigatewayv2';
import { buildArn, defined, plainTagMap } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'apigateway',
  scope: 'regional',
  operations: {
    GetDomainNames: 'apigateway:GET',
  },
  listings: { GetDomainNames: ['AWS::ApiGatewayV2::DomainName'] },
  produces: ['AWS::ApiGatewayV2::DomainName'],
  async collect(ctx) {
    const apigateway = ctx.client(ApiGatewayV2Client);
    const domains = await ctx.pages(
      'GetDomainNames',
      (NextToken, o) => apigateway.send(new GetDomainNamesCommand({ NextToken, MaxResults: '500' }), o),
      (p) => p.NextToken,
      (p) => p.Items,
    );
    if (!domains.ok) return;
    for (const d of domains.value) {
      if (!d.DomainName) continue;
      ctx.emit({
        // Regional custom domains are shared by REST and HTTP APIs; the same ARN from both collectors is one resource.
        uid: d.DomainNameArn ?? buildArn(ctx.apiRegion, 'apigateway', ctx.region, '', `/domainnames/${d.DomainName}`),
        type: 'AWS::ApiGatewayV2::DomainName',
        name: d.DomainName,
        physicalId: d.DomainName,
        properties: {
          DomainName: d.DomainName,
          DomainNameConfigurations: (d.DomainNameConfigurations ?? []).map((c) =>
            defined({ EndpointType: c.EndpointType, SecurityPolicy: c.SecurityPolicy ?? null, CertificateArn: c.CertificateArn, DomainNameStatus: c.DomainNameStatus }),
          ),
        },
        tags: plainTagMap(d.Tags),
      });
    }
  },
});

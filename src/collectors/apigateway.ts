/**
 * API Gateway (REST, v1) custom domain names: the TLS security policy and endpoint type of each. Stages and REST APIs
 * are not read: no rule judges them yet. HTTP/WebSocket domains (v2) are in apigatewayv2.ts, under the same IAM
 * action (`apigateway:GET`).
 */
import { APIGatewayClient, GetDomainNamesCommand } from '@aws-sdk/client-api-gateway';
import { buildArn, plainTagMap } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'apigateway',
  scope: 'regional',
  operations: {
    // API Gateway authorises its management API by HTTP verb: every read is apigateway:GET.
    GetDomainNames: 'apigateway:GET',
  },
  listings: { GetDomainNames: ['AWS::ApiGateway::DomainName'] },
  produces: ['AWS::ApiGateway::DomainName'],
  async collect(ctx) {
    const apigateway = ctx.client(APIGatewayClient);
    const domains = await ctx.pages(
      'GetDomainNames',
      (position, o) => apigateway.send(new GetDomainNamesCommand({ position, limit: 500, resourceOwner: 'SELF' }), o),
      (p) => p.position,
      (p) => p.items,
    );
    if (!domains.ok) return;
    for (const d of domains.value) {
      if (!d.domainName) continue;
      ctx.emit({
        uid: d.domainNameArn ?? buildArn(ctx.apiRegion, 'apigateway', ctx.region, '', `/domainnames/${d.domainName}`),
        type: 'AWS::ApiGateway::DomainName',
        name: d.domainName,
        physicalId: d.domainName,
        properties: {
          DomainName: d.domainName,
          SecurityPolicy: d.securityPolicy ?? null,
          EndpointConfiguration: { Types: d.endpointConfiguration?.types ?? [] },
          CertificateArn: d.certificateArn ?? null,
          RegionalCertificateArn: d.regionalCertificateArn ?? null,
          DomainNameStatus: d.domainNameStatus ?? null,
        },
        tags: plainTagMap(d.tags),
      });
    }
  },
});

/**
 * Every API Gateway custom domain name requires TLS 1.2 or later.
 *
 * N/A     a private custom domain (`EndpointConfiguration.Types: [PRIVATE]`): it is reached only from inside VPCs.
 * PASS    the security policy accepts TLS 1.2 at the lowest: `TLS_1_2`, or an enhanced `SecurityPolicy_TLS12_…` /
 *         `SecurityPolicy_TLS13_1_2_…` / `SecurityPolicy_TLS13_1_3_…` policy. For `AWS::ApiGatewayV2::DomainName`
 *         every entry of `DomainNameConfigurations` must.
 * FAIL    `TLS_1_0`, which accepts TLS 1.0 and 1.1.
 * UNKNOWN the domain names could not be read, the policy was not collected, or its name is not one the rule knows;
 *         in a template, the policy is omitted (API Gateway's default is not documented as stable, so it is not
 *         guessed), comes from a parameter without a default, an `ImportValue` or an undecidable condition, or a
 *         Terraform plan computes it. A certificate left to a parameter does not touch this rule.
 *
 * The default execute-api endpoints of edge-optimized and Regional REST APIs accept TLS 1.0 and cannot be changed;
 * they are not domain names and are not judged here (disable them and serve the API on a custom domain).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html
 */
import { defineRule, readPointer, type Outcome, type Resource } from '../../core/index.js';
import { apiGatewayMinTls, TLS_1_2, tlsLabel } from '../_lib/tls-policies.js';
import { markAbove } from '../_lib/code-values.js';
import { isRecord } from '../_lib/values.js';

export default defineRule({
  meta: {
    id: 'apigateway-domain-tls-1-2',
    title: 'Every API Gateway custom domain requires TLS 1.2 or later',
    severity: 'medium',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SDAT-003',
        gates: true,
        basis: 'the checklist requires encrypted protocols for sensitive data leaving the VPC; TLS 1.0/1.1 are deprecated (RFC 8996) and no longer count',
      },
    ],
    resourceTypes: ['AWS::ApiGateway::DomainName', 'AWS::ApiGatewayV2::DomainName'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'An API custom domain with the TLS_1_0 policy accepts deprecated protocol versions and weak cipher suites; API clients carry tokens and customer data on every call.',
    remediation: {
      summary: 'Switch the custom domain to the TLS_1_2 security policy (or an enhanced SecurityPolicy_TLS13_* policy for REST APIs).',
      console: [
        'Open the API Gateway console, Custom domain names, select the domain.',
        'In Domain details choose Edit, set Minimum TLS version / Security policy to TLS 1.2, Save.',
      ],
      cli: 'aws apigateway update-domain-name --domain-name api.example.com --patch-operations op=replace,path=/securityPolicy,value=TLS_1_2\naws apigatewayv2 update-domain-name --domain-name api.example.com \\\n  --domain-name-configurations CertificateArn=arn:aws:acm:us-east-1:111122223333:certificate/abc,EndpointType=REGIONAL,SecurityPolicy=TLS_1_2',
      cloudformation: 'ApiDomain:\n  Type: AWS::ApiGateway::DomainName\n  Properties:\n    DomainName: api.example.com\n    RegionalCertificateArn: !Ref Certificate\n    EndpointConfiguration:\n      Types: [REGIONAL]\n    SecurityPolicy: TLS_1_2',
      terraform: 'resource "aws_api_gateway_domain_name" "api" {\n  domain_name              = "api.example.com"\n  regional_certificate_arn = aws_acm_certificate.api.arn\n  security_policy          = "TLS_1_2"\n  endpoint_configuration {\n    types = ["REGIONAL"]\n  }\n}',
      links: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html'],
    },
    messages: {
      tls12: 'Custom domain {{resource}} requires {{minimum}} or later ({{policy}}).',
      privateDomain: 'Custom domain {{resource}} is private; it is reached only from inside VPCs.',
      weakTls: 'Custom domain {{resource}} accepts {{minimum}} ({{policy}}).',
    },
    needs: ['apigateway:GET'],
  },
  evaluate(domain: Resource, ctx) {
    const types = ctx.get(domain, '/EndpointConfiguration/Types');
    if (Array.isArray(types) && types.length > 0 && types.every((t) => t === 'PRIVATE')) return ctx.notApplicable('privateDomain');
    const missing = domain.source === 'live' ? 'missing_data' : 'unresolved:default';
    const entries: Array<{ policy: unknown; path: string }> = [];
    if (domain.type === 'AWS::ApiGatewayV2::DomainName') {
      const listMark = markAbove(ctx, domain, '/DomainNameConfigurations');
      if (listMark) return ctx.unknown(listMark.reason, { path: listMark.path });
      const configs = readPointer(domain.properties, '/DomainNameConfigurations');
      if (!Array.isArray(configs)) return ctx.unknown(`${missing}:DomainNameConfigurations`, { path: '/DomainNameConfigurations' });
      configs.forEach((c, i) => entries.push({ policy: isRecord(c) ? c['SecurityPolicy'] : undefined, path: `/DomainNameConfigurations/${i}/SecurityPolicy` }));
    } else {
      entries.push({ policy: readPointer(domain.properties, '/SecurityPolicy'), path: '/SecurityPolicy' });
    }
    const outcomes: Outcome[] = [];
    for (const { policy, path } of entries) {
      const mark = markAbove(ctx, domain, path);
      if (mark || typeof policy !== 'string') {
        outcomes.push(ctx.unknown(mark?.reason ?? `${missing}:SecurityPolicy`, { path }));
        continue;
      }
      const minimum = apiGatewayMinTls(policy);
      if (minimum === undefined) outcomes.push(ctx.unknown(`unrecognised:SecurityPolicy:${policy}`, { path }));
      else if (minimum < TLS_1_2) outcomes.push(ctx.fail('weakTls', { policy, minimum: tlsLabel(minimum) }, { path }));
      else outcomes.push(ctx.pass('tls12', { policy, minimum: tlsLabel(minimum) }));
    }
    return outcomes;
  },
});

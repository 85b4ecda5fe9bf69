/**
 * OpenSearch Service domains with a public endpoint accept only HTTPS with TLS 1.2 or later.
 *
 * N/A     the domain lives in a VPC (`VPCOptions` set): its clients are inside the VPC.
 * PASS    `DomainEndpointOptions.EnforceHTTPS` is true and `TLSSecurityPolicy` is a TLS 1.2 policy
 *         (`Policy-Min-TLS-1-2-…`).
 * FAIL    HTTPS is not enforced (the CloudFormation default), or the policy still accepts TLS 1.0
 *         (`Policy-Min-TLS-1-0-2019-07`).
 * UNKNOWN DescribeDomain was denied, whether the domain is in a VPC was not collected (`VPCOptions: null` means a
 *         public endpoint), or the policy name is not one the rule knows; in a template, HTTPS is enforced but
 *         `TLSSecurityPolicy` is omitted (the API default is not documented, so it is not guessed), or a setting comes
 *         from an undecidable condition, an `ImportValue` or a value a Terraform plan computes.
 *
 * Templates: a domain without `VPCOptions` (Terraform `vpc_options`) has a public endpoint; `VPCOptions` whose
 * `SubnetIds` come from a parameter without a default is still a VPC domain. `EnforceHTTPS` omitted is false.
 *
 * https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html
 */
import { defineRule, readPointer, type Resource, type RuleContext } from '../../core/index.js';
import { asBool, asString, readSetting, unknownSetting } from '../_lib/settings.js';
import { openSearchMinTls, TLS_1_2, tlsLabel } from '../_lib/tls-policies.js';
import { markAbove, surelySet } from '../_lib/code-values.js';

/** Whether the domain lives in a VPC: `VPCOptions` with subnets (live `null` and template absence: public). */
function inVpc(ctx: RuleContext, domain: Resource): boolean | { reason: string; path: string } {
  const subnets = '/VPCOptions/SubnetIds';
  // Subnets from a parameter (or another value the template surely sets) still put the domain in a VPC.
  const own = ctx.unknownAt(domain, subnets);
  if (own?.path === subnets && surelySet(own.reason)) return true;
  const mark = markAbove(ctx, domain, subnets);
  if (mark) return mark;
  const options = readPointer(domain.properties, '/VPCOptions');
  if (options === undefined && domain.source === 'live') return { reason: 'missing_data:VPCOptions', path: '/VPCOptions' };
  const ids = readPointer(domain.properties, subnets);
  return Array.isArray(ids) && ids.length > 0;
}

export default defineRule({
  meta: {
    id: 'opensearch-enforces-https',
    title: 'Public OpenSearch domains accept only HTTPS with TLS 1.2 or later',
    severity: 'high',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SDAT-003',
        gates: true,
        basis: 'the checklist requires encrypted protocols for sensitive data leaving the VPC; a public domain endpoint is reached from outside it',
      },
    ],
    resourceTypes: ['AWS::OpenSearchService::Domain'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'A public search endpoint that accepts HTTP, or TLS 1.0, exposes queries, indexed documents and signed requests to anyone on the network path.',
    remediation: {
      summary: 'Require HTTPS with the Policy-Min-TLS-1-2-PFS-2023-10 security policy — or move the domain into a VPC.',
      console: [
        'Open the OpenSearch Service console, select the domain, Actions, Edit cluster configuration (Network section).',
        'Tick "Require HTTPS for all traffic to the domain" and choose the TLS 1.2 security policy, Save changes.',
      ],
      cli: 'aws opensearch update-domain-config --domain-name search \\\n  --domain-endpoint-options EnforceHTTPS=true,TLSSecurityPolicy=Policy-Min-TLS-1-2-PFS-2023-10',
      cloudformation: 'SearchDomain:\n  Type: AWS::OpenSearchService::Domain\n  Properties:\n    DomainEndpointOptions:\n      EnforceHTTPS: true\n      TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10',
      terraform: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  domain_endpoint_options {\n    enforce_https       = true\n    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"\n  }\n}',
      links: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html'],
    },
    messages: {
      httpsOnly: 'OpenSearch domain {{resource}} accepts only HTTPS with {{minimum}} or later.',
      vpcDomain: 'OpenSearch domain {{resource}} is reached only inside its VPC.',
      httpAllowed: 'Public OpenSearch domain {{resource}} does not require HTTPS.',
      weakTls: 'Public OpenSearch domain {{resource}} accepts {{minimum}} ({{policy}}).',
    },
    needs: ['es:ListDomainNames', 'es:DescribeDomains'],
  },
  evaluate(domain: Resource, ctx) {
    const vpc = inVpc(ctx, domain);
    if (vpc !== true && vpc !== false) return ctx.unknown(vpc.reason, { path: vpc.path });
    if (vpc) return ctx.notApplicable('vpcDomain');
    const enforce = readSetting(ctx, domain, '/DomainEndpointOptions/EnforceHTTPS', asBool, false);
    if (!enforce.known) return unknownSetting(ctx, enforce);
    if (!enforce.value) return ctx.fail('httpAllowed', {}, { path: '/DomainEndpointOptions/EnforceHTTPS' });
    const policy = readSetting(ctx, domain, '/DomainEndpointOptions/TLSSecurityPolicy', asString);
    if (!policy.known) return unknownSetting(ctx, policy);
    const minimum = openSearchMinTls(policy.value);
    if (minimum === undefined) return ctx.unknown(`unrecognised:TLSSecurityPolicy:${policy.value}`, { path: '/DomainEndpointOptions/TLSSecurityPolicy' });
    const data = { policy: policy.value, minimum: tlsLabel(minimum) };
    return minimum >= TLS_1_2 ? ctx.pass('httpsOnly', data) : ctx.fail('weakTls', data, { path: '/DomainEndpointOptions/TLSSecurityPolicy' });
  },
});

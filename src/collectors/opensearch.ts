/**
 * Amazon OpenSearch Service (and legacy Elasticsearch) domains: ListDomainNames, then DescribeDomains five names at a
 * time (its maximum) → `AWS::OpenSearchService::Domain`. `VPCOptions: null` = a public endpoint. A batch that fails
 * marks the settings of its domains unknown.
 */
import { DescribeDomainsCommand, ListDomainNamesCommand, OpenSearchClient, type DomainStatus } from '@aws-sdk/client-opensearch';
import { buildArn, defined } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';
import { mapLimit } from './framework/limiter.js';

const BATCH = 5;
const DETAIL_PATHS = ['/EncryptionAtRestOptions', '/NodeToNodeEncryptionOptions', '/DomainEndpointOptions', '/VPCOptions', '/AdvancedSecurityOptions', '/ClusterConfig', '/EngineVersion', '/AccessPolicies'];

function parsedPolicy(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function domainProperties(domain: DomainStatus): Record<string, unknown> {
  const vpc = domain.VPCOptions;
  return defined({
    DomainName: domain.DomainName,
    EngineVersion: domain.EngineVersion,
    ClusterConfig: domain.ClusterConfig
      ? defined({
          InstanceType: domain.ClusterConfig.InstanceType,
          InstanceCount: domain.ClusterConfig.InstanceCount,
          DedicatedMasterEnabled: domain.ClusterConfig.DedicatedMasterEnabled,
          ZoneAwarenessEnabled: domain.ClusterConfig.ZoneAwarenessEnabled,
          MultiAZWithStandbyEnabled: domain.ClusterConfig.MultiAZWithStandbyEnabled,
        })
      : undefined,
    EncryptionAtRestOptions: defined({ Enabled: domain.EncryptionAtRestOptions?.Enabled ?? false, KmsKeyId: domain.EncryptionAtRestOptions?.KmsKeyId }),
    NodeToNodeEncryptionOptions: { Enabled: domain.NodeToNodeEncryptionOptions?.Enabled ?? false },
    DomainEndpointOptions: defined({
      EnforceHTTPS: domain.DomainEndpointOptions?.EnforceHTTPS ?? false,
      TLSSecurityPolicy: domain.DomainEndpointOptions?.TLSSecurityPolicy,
      CustomEndpointEnabled: domain.DomainEndpointOptions?.CustomEndpointEnabled,
      CustomEndpoint: domain.DomainEndpointOptions?.CustomEndpoint,
    }),
    // A domain in a VPC always reports its subnets; no VPCOptions means the endpoint is public.
    VPCOptions: vpc?.SubnetIds && vpc.SubnetIds.length > 0 ? defined({ SubnetIds: vpc.SubnetIds, SecurityGroupIds: vpc.SecurityGroupIds }) : null,
    AdvancedSecurityOptions: domain.AdvancedSecurityOptions
      ? defined({
          Enabled: domain.AdvancedSecurityOptions.Enabled,
          InternalUserDatabaseEnabled: domain.AdvancedSecurityOptions.InternalUserDatabaseEnabled,
          AnonymousAuthEnabled: domain.AdvancedSecurityOptions.AnonymousAuthEnabled,
        })
      : undefined,
    AccessPolicies: parsedPolicy(domain.AccessPolicies),
  });
}

export default defineCollector({
  service: 'es',
  scope: 'regional',
  operations: {
    ListDomainNames: 'es:ListDomainNames',
    DescribeDomains: 'es:DescribeDomains',
  },
  listings: { ListDomainNames: ['AWS::OpenSearchService::Domain'] },
  produces: ['AWS::OpenSearchService::Domain'],
  async collect(ctx) {
    const client = ctx.client(OpenSearchClient);
    // ListDomainNames returns every domain in one answer (no pagination in the API).
    const listed = await ctx.call('ListDomainNames', (o) => client.send(new ListDomainNamesCommand({}), o));
    if (!listed.ok) return;
    const names = (listed.value.DomainNames ?? []).map((d) => d.DomainName).filter((n): n is string => n !== undefined);
    const batches: string[][] = [];
    for (let i = 0; i < names.length; i += BATCH) batches.push(names.slice(i, i + BATCH));
    await mapLimit(batches, 2, async (batch) => {
      const uidOf = (name: string) => buildArn(ctx.apiRegion, 'es', ctx.region, ctx.account, `domain/${name}`);
      const described = await ctx.call('DescribeDomains', (o) => client.send(new DescribeDomainsCommand({ DomainNames: batch }), o), { resource: batch.map(uidOf) });
      const statuses = described.ok ? (described.value.DomainStatusList ?? []) : [];
      for (const name of batch) {
        const domain = statuses.find((d) => d.DomainName === name);
        const base = { type: 'AWS::OpenSearchService::Domain', name, physicalId: name };
        if (domain) {
          ctx.emit({ ...base, uid: domain.ARN ?? uidOf(name), properties: domainProperties(domain) });
          continue;
        }
        // Denied, or deleted between the two calls: its settings are not known.
        const reason = described.ok ? 'missing_data:DomainStatus' : described.reason;
        ctx.emit({ ...base, uid: uidOf(name), properties: { DomainName: name }, unknown: DETAIL_PATHS.map((path) => ({ path, reason })) });
      }
    });
  },
});

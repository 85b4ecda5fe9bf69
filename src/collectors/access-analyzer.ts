/**
 * IAM Access Analyzer (regional): `AWS::Account::Region.AccessAnalyzers` = `[{ Name, Type, Status, Arn }]`, every
 * analyzer of the Region (external-access and unused-access, account and organization zones of trust).
 */
import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'access-analyzer',
  scope: 'regional',
  operations: { ListAnalyzers: 'access-analyzer:ListAnalyzers' },
  produces: ['AWS::Account::Region'],
  async collect(ctx) {
    const client = ctx.client(AccessAnalyzerClient);
    const analyzers = await ctx.pages(
      'ListAnalyzers',
      (nextToken, o) => client.send(new ListAnalyzersCommand({ nextToken }), o),
      (p) => p.nextToken,
      (p) => p.analyzers,
    );
    if (!analyzers.ok) return ctx.regionFacts({}, [{ path: '/AccessAnalyzers', reason: analyzers.reason }]);
    ctx.regionFacts({ AccessAnalyzers: analyzers.value.map((a) => ({ Name: a.name ?? null, Type: a.type ?? null, Status: a.status ?? null, Arn: a.arn ?? null })) });
  },
});

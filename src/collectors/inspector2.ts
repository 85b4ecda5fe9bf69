/**
 * Amazon Inspector: which scan types are on in the Region (BatchGetAccountStatus → `AWS::Account::Region.Inspector`,
 * `{ Ec2, Ecr, Lambda, LambdaCode }` statuses), and, where any is ENABLED, how much of what it tracks it actually
 * scans (ListCoverage → `InspectorCoverage`, `{ Ec2, Ecr, Lambda }` as `{ Covered, Total }`; covered = scan status
 * ACTIVE; ECR counts container images). Coverage is not asked for where Inspector is off: nothing reads it there.
 */
import { BatchGetAccountStatusCommand, Inspector2Client, ListCoverageCommand, type CoveredResource, type ResourceState } from '@aws-sdk/client-inspector2';
import { defineCollector } from './framework/collector.js';

const COVERAGE_KINDS = { AWS_EC2_INSTANCE: 'Ec2', AWS_ECR_CONTAINER_IMAGE: 'Ecr', AWS_LAMBDA_FUNCTION: 'Lambda' } as const;

function statuses(state: ResourceState | undefined): Record<string, string | null> {
  return {
    Ec2: state?.ec2?.status ?? null,
    Ecr: state?.ecr?.status ?? null,
    Lambda: state?.lambda?.status ?? null,
    LambdaCode: state?.lambdaCode?.status ?? null,
  };
}

/** Counts per kind of workload: how many Inspector tracks, and how many it is scanning (status ACTIVE). */
export function coverageCounts(resources: readonly CoveredResource[]): Record<string, { Covered: number; Total: number }> {
  const out: Record<string, { Covered: number; Total: number }> = { Ec2: { Covered: 0, Total: 0 }, Ecr: { Covered: 0, Total: 0 }, Lambda: { Covered: 0, Total: 0 } };
  for (const r of resources) {
    const kind = COVERAGE_KINDS[r.resourceType as keyof typeof COVERAGE_KINDS];
    const counts = kind === undefined ? undefined : out[kind];
    if (!counts) continue;
    counts.Total++;
    if (r.scanStatus?.statusCode === 'ACTIVE') counts.Covered++;
  }
  return out;
}

export default defineCollector({
  service: 'inspector2',
  scope: 'regional',
  operations: {
    BatchGetAccountStatus: 'inspector2:BatchGetAccountStatus',
    ListCoverage: 'inspector2:ListCoverage',
  },
  produces: ['AWS::Account::Region'],
  async collect(ctx) {
    const client = ctx.client(Inspector2Client);
    const answer = await ctx.call('BatchGetAccountStatus', (o) => client.send(new BatchGetAccountStatusCommand({ accountIds: [ctx.account] }), o));
    if (!answer.ok) return ctx.regionFacts({}, [{ path: '/Inspector', reason: answer.reason }]);
    const mine = answer.value.accounts?.find((a) => a.accountId === ctx.account);
    // The account left out (or listed under failedAccounts): its status is not known.
    if (!mine) return ctx.regionFacts({}, [{ path: '/Inspector', reason: 'missing_data:Inspector' }]);
    const inspector = statuses(mine.resourceState);
    if (!Object.values(inspector).includes('ENABLED')) return ctx.regionFacts({ Inspector: inspector });

    const coverage = await ctx.pages(
      'ListCoverage',
      (nextToken, o) => client.send(new ListCoverageCommand({ nextToken, maxResults: 200 }), o),
      (page) => page.nextToken,
      (page) => page.coveredResources,
    );
    if (!coverage.ok) return ctx.regionFacts({ Inspector: inspector }, [{ path: '/InspectorCoverage', reason: coverage.reason }]);
    ctx.regionFacts({ Inspector: inspector, InspectorCoverage: coverageCounts(coverage.value) });
  },
});

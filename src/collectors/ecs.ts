/**
 * ECS task definitions: the task role and, per container, environment variable names (values judged in memory for
 * "looks like a credential", never stored) and secret names.
 *
 * Only the latest ACTIVE revision of each family is described. Every deployment registers a revision and old ones are
 * rarely deregistered, so an account holds thousands; DescribeTaskDefinition takes one revision per call and is one of
 * ECS's throttling hot spots. The latest revision is what the next deployment of the family runs, and what a fix is
 * made in; older revisions that still hold a credential are a known blind spot (docs/resource-model.md).
 */
import { DescribeTaskDefinitionCommand, ECSClient, ListTaskDefinitionsCommand, type TaskDefinition } from '@aws-sdk/client-ecs';
import type { UnknownMark } from '../core/index.js';
import { defined, lowerTagMap } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';
import { mapLimit } from './framework/limiter.js';
import { environmentNames } from './framework/secret-flags.js';

/** Two describes at a time at most (the scan also caps the ecs service at 2). */
const DESCRIBE_CONCURRENCY = 2;

export default defineCollector({
  service: 'ecs',
  scope: 'regional',
  operations: {
    ListTaskDefinitions: 'ecs:ListTaskDefinitions',
    DescribeTaskDefinition: 'ecs:DescribeTaskDefinition',
  },
  listings: { ListTaskDefinitions: ['AWS::ECS::TaskDefinition'] },
  produces: ['AWS::ECS::TaskDefinition'],
  async collect(ctx) {
    const ecs = ctx.client(ECSClient);
    const arns = await ctx.pages(
      'ListTaskDefinitions',
      (nextToken, o) => ecs.send(new ListTaskDefinitionsCommand({ status: 'ACTIVE', nextToken, maxResults: 100 }), o),
      (p) => p.nextToken,
      (p) => p.taskDefinitionArns,
    );
    if (!arns.ok) return;
    await mapLimit(latestPerFamily(arns.value), DESCRIBE_CONCURRENCY, async (arn) => {
      const described = await ctx.call(
        'DescribeTaskDefinition',
        (o) => ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ['TAGS'] }), o),
        { resource: arn },
      );
      const name = arn.slice(arn.lastIndexOf('/') + 1);
      if (!described.ok || !described.value.taskDefinition) {
        const reason = described.ok ? 'missing_data:taskDefinition' : described.reason;
        const unknown: UnknownMark[] = ['/TaskRoleArn', '/ContainerDefinitions', '/CredentialLikeEnvironment', '@tags'].map((path) => ({ path, reason }));
        ctx.emit({ uid: arn, type: 'AWS::ECS::TaskDefinition', name, physicalId: arn, properties: { Family: name.split(':')[0] ?? name }, unknown });
        return;
      }
      ctx.emit({
        uid: arn,
        type: 'AWS::ECS::TaskDefinition',
        name,
        physicalId: arn,
        properties: taskDefinitionProperties(described.value.taskDefinition),
        tags: lowerTagMap(described.value.tags),
      });
    });
  },
});

/** The highest revision of each family (`…:task-definition/<family>:<revision>`). */
function latestPerFamily(arns: readonly string[]): string[] {
  const latest = new Map<string, { arn: string; revision: number }>();
  for (const arn of arns) {
    const match = /task-definition\/(.+):(\d+)$/.exec(arn);
    if (!match) continue;
    const [, family = '', revision = '0'] = match;
    const current = latest.get(family);
    if (!current || Number(revision) > current.revision) latest.set(family, { arn, revision: Number(revision) });
  }
  return [...latest.values()].map((v) => v.arn);
}

function taskDefinitionProperties(t: TaskDefinition): Record<string, unknown> {
  const flagged = new Set<string>();
  const containers = (t.containerDefinitions ?? []).map((c) => {
    const environment = environmentNames(c.environment);
    for (const name of environment.flagged) flagged.add(name);
    // Names only: command lines and values stay out of the model, as they may carry secrets.
    return defined({
      Name: c.name,
      Image: c.image,
      Essential: c.essential,
      Privileged: c.privileged,
      ReadonlyRootFilesystem: c.readonlyRootFilesystem,
      User: c.user,
      Environment: environment.names.map((Name) => ({ Name })),
      Secrets: (c.secrets ?? []).map((s) => ({ Name: s.name })),
      EnvironmentFiles: (c.environmentFiles ?? []).map((f) => defined({ Type: f.type, Value: f.value })),
    });
  });
  return {
    Family: t.family ?? null,
    Revision: t.revision ?? null,
    TaskRoleArn: t.taskRoleArn ?? null,
    ExecutionRoleArn: t.executionRoleArn ?? null,
    NetworkMode: t.networkMode ?? null,
    RequiresCompatibilities: t.requiresCompatibilities ?? [],
    ContainerDefinitions: containers,
    CredentialLikeEnvironment: [...flagged].sort(),
  };
}

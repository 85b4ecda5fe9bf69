// Test-only: ECR repositories and ECS task definitions (one container each; plain environment variables and
// variables from Secrets Manager, by secret name).
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type { RegionSpec } from '../spec.js';
import { eachLimited, type SeedTarget } from '../target.js';

export async function seedContainers(target: SeedTarget, region: string, spec: RegionSpec, concurrency = 8): Promise<void> {
  const ecr = target.client(ECRClient, region);
  const ecs = target.client(ECSClient, region);
  await eachLimited(spec.repositories ?? [], concurrency, async (repository) => {
    await ecr.send(new CreateRepositoryCommand({ repositoryName: repository.name, imageScanningConfiguration: { scanOnPush: repository.scanOnPush } }));
  });
  await eachLimited(spec.taskDefinitions ?? [], concurrency, async (task) => {
    const arn = (rest: string) => `arn:aws:${rest}`;
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: task.family,
        ...(task.taskRole ? { taskRoleArn: arn(`iam::${target.accountId}:role/${task.taskRole}`) } : {}),
        containerDefinitions: [
          {
            name: task.family,
            image: task.image,
            essential: true,
            memory: 512,
            environment: Object.entries(task.environment ?? {}).map(([name, value]) => ({ name, value })),
            secrets: Object.entries(task.secrets ?? {}).map(([name, secret]) => ({ name, valueFrom: arn(`secretsmanager:${region}:${target.accountId}:secret:${secret}`) })),
          },
        ],
      }),
    );
  });
}

/**
 * Amazon ECR: repositories (DescribeRepositories → `AWS::ECR::Repository`, with the legacy repository-level scan on
 * push) and the Region's registry scanning configuration (GetRegistryScanningConfiguration →
 * `AWS::Account::Region.EcrScanning`, `{ ScanType: BASIC | ENHANCED, Rules: number }`).
 */
import { DescribeRepositoriesCommand, ECRClient, GetRegistryScanningConfigurationCommand } from '@aws-sdk/client-ecr';
import { defined } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'ecr',
  scope: 'regional',
  operations: {
    DescribeRepositories: 'ecr:DescribeRepositories',
    GetRegistryScanningConfiguration: 'ecr:GetRegistryScanningConfiguration',
  },
  listings: { DescribeRepositories: ['AWS::ECR::Repository'] },
  produces: ['AWS::ECR::Repository', 'AWS::Account::Region'],
  async collect(ctx) {
    const client = ctx.client(ECRClient);
    const [repositories, scanning] = await Promise.all([
      ctx.pages(
        'DescribeRepositories',
        (nextToken, o) => client.send(new DescribeRepositoriesCommand({ nextToken, maxResults: 1000 }), o),
        (page) => page.nextToken,
        (page) => page.repositories,
      ),
      ctx.call('GetRegistryScanningConfiguration', (o) => client.send(new GetRegistryScanningConfigurationCommand({}), o)),
    ]);

    if (scanning.ok) {
      const config = scanning.value.scanningConfiguration;
      ctx.regionFacts({ EcrScanning: { ScanType: config?.scanType ?? 'BASIC', Rules: config?.rules?.length ?? 0 } });
    } else {
      ctx.regionFacts({}, [{ path: '/EcrScanning', reason: scanning.reason }]);
    }

    if (!repositories.ok) return;
    for (const repo of repositories.value) {
      const name = repo.repositoryName;
      if (name === undefined || repo.repositoryArn === undefined) continue;
      ctx.emit({
        uid: repo.repositoryArn,
        type: 'AWS::ECR::Repository',
        name,
        physicalId: name,
        properties: defined({
          RepositoryName: name,
          ImageScanningConfiguration: { ScanOnPush: repo.imageScanningConfiguration?.scanOnPush === true },
          ImageTagMutability: repo.imageTagMutability,
          EncryptionConfiguration: repo.encryptionConfiguration
            ? defined({ EncryptionType: repo.encryptionConfiguration.encryptionType, KmsKey: repo.encryptionConfiguration.kmsKey })
            : undefined,
        }),
      });
    }
  },
});

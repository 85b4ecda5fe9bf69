/**
 * Secrets Manager: secret metadata from ListSecrets — name, KMS key, rotation, last access. Secret values are never
 * read (no GetSecretValue, no DescribeSecret). `KmsKeyId: null` = the AWS managed key aws/secretsmanager.
 */
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { defined, tagMap } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';
import { isoTime } from './framework/time.js';

export default defineCollector({
  service: 'secretsmanager',
  scope: 'regional',
  operations: {
    ListSecrets: 'secretsmanager:ListSecrets',
  },
  listings: { ListSecrets: ['AWS::SecretsManager::Secret'] },
  produces: ['AWS::SecretsManager::Secret'],
  async collect(ctx) {
    const client = ctx.client(SecretsManagerClient);
    const secrets = await ctx.pages(
      'ListSecrets',
      (NextToken, o) => client.send(new ListSecretsCommand({ NextToken, MaxResults: 100 }), o),
      (page) => page.NextToken,
      (page) => page.SecretList,
    );
    if (!secrets.ok) return;
    for (const secret of secrets.value) {
      if (secret.ARN === undefined) continue;
      ctx.emit({
        uid: secret.ARN,
        type: 'AWS::SecretsManager::Secret',
        name: secret.Name ?? secret.ARN,
        // CloudFormation's Ref of a secret is its ARN.
        physicalId: secret.ARN,
        properties: defined({
          Name: secret.Name,
          KmsKeyId: secret.KmsKeyId ?? null,
          RotationEnabled: secret.RotationEnabled === true,
          RotationRules: secret.RotationRules ? defined({ AutomaticallyAfterDays: secret.RotationRules.AutomaticallyAfterDays, ScheduleExpression: secret.RotationRules.ScheduleExpression }) : undefined,
          LastRotatedDate: isoTime(secret.LastRotatedDate),
          LastAccessedDate: isoTime(secret.LastAccessedDate),
          OwningService: secret.OwningService,
          PrimaryRegion: secret.PrimaryRegion,
        }),
        tags: tagMap(secret.Tags),
      });
    }
  },
});

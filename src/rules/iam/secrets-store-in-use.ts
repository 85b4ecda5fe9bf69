/**
 * The account keeps its secrets in an AWS secrets store: Secrets Manager or SecureString parameters.
 *
 * N/A     never: every account running the product has secrets somewhere.
 * PASS    the account has at least one Secrets Manager secret or SecureString parameter in the scanned Regions.
 * FAIL    (informs) it has neither, with both inventories fully listed — the secrets live elsewhere: a non-AWS vault
 *         (describe it, the IAM-010 evidence), or configuration and code (see the IAM-009 rules).
 * UNKNOWN none was found, but a listing of secrets or parameters failed in some Region.
 *
 * Informing: IAM-010 accepts any store that encrypts, restricts and audits access, and a non-AWS vault is as good as
 * Secrets Manager; an account without AWS secrets only says where to look. Secrets Manager meets the bar by design
 * (KMS encryption, IAM and resource policies, every GetSecretValue in CloudTrail).
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html
 */
import { defineRule } from '../../core/index.js';

const SECRET = 'AWS::SecretsManager::Secret';
const PARAMETER = 'AWS::SSM::Parameter';

export default defineRule({
  meta: {
    id: 'secrets-store-in-use',
    title: 'Secrets are kept in Secrets Manager or SecureString parameters',
    severity: 'low',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-010', gates: false, basis: 'informs "secrets kept in an encrypted, access-controlled, audited store": whether the account uses an AWS store at all' },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'A dedicated secrets store encrypts secrets, limits who can read each one and logs every read. Without one, secrets usually sit in configuration files, environment variables or code, where none of that holds.',
    remediation: {
      summary: 'Put application secrets in Secrets Manager (with rotation where supported) or SecureString parameters; if you use another vault, describe it in the IAM-010 attestation.',
      console: ['Open Secrets Manager > Store a new secret, choose the secret type and a KMS key, and grant the workload’s role secretsmanager:GetSecretValue on it.'],
      cli: 'aws secretsmanager create-secret --name app/db-password --kms-key-id alias/app-secrets --secret-string "<value>"',
      cloudformation: 'DbSecret:\n  Type: AWS::SecretsManager::Secret\n  Properties:\n    Name: app/db-password\n    KmsKeyId: !Ref AppKey\n    GenerateSecretString:\n      PasswordLength: 32\n      ExcludePunctuation: true',
      terraform: 'resource "aws_secretsmanager_secret" "db" {\n  name       = "app/db-password"\n  kms_key_id = aws_kms_key.app.arn\n}',
      links: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html'],
    },
    messages: {
      storeInUse: 'Account {{resource}} keeps {{secrets}} Secrets Manager secret(s) and {{parameters}} SecureString parameter(s).',
      noStore: 'Account {{resource}} has no Secrets Manager secret or SecureString parameter in the scanned Regions; say where its secrets are kept.',
    },
    needs: ['secretsmanager:ListSecrets', 'ssm:DescribeParameters'],
  },
  evaluate(account, ctx) {
    const id = account.physicalId ?? account.account;
    const secrets = ctx.resources(SECRET, { account: id, source: 'live' }).length;
    const parameters = ctx
      .resources(PARAMETER, { account: id, source: 'live' })
      .filter((p) => !ctx.unknownAt(p, '/Type') && p.properties['Type'] === 'SecureString').length;
    if (secrets + parameters > 0) return ctx.pass('storeInUse', { secrets, parameters });
    for (const type of [SECRET, PARAMETER]) {
      const inventory = ctx.inventory(type, { account: id, source: 'live' });
      if (!inventory.complete) return ctx.unknown(inventory.reason ?? `not_collected:${type}`);
    }
    return ctx.fail('noStore');
  },
});

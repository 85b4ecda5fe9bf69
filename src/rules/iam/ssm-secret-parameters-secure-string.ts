/**
 * Parameter Store parameters whose names look like secrets are SecureString (encrypted with KMS).
 *
 * N/A     the parameter's name does not look like a secret.
 * PASS    the parameter is a SecureString.
 * FAIL    a `String` or `StringList` parameter whose name looks like a secret (`…/db-password`, `…/api_key`).
 * UNKNOWN the parameter's type or the name flag was not collected.
 *
 * A plain String parameter is stored unencrypted and its value is shown to anyone with ssm:GetParameter, without
 * KMS key policy control. The name flag is a heuristic: a parameter named like a secret that holds none (a
 * password-policy length, a key ARN) is a false positive to waive, saying what it holds.
 * Code: CloudFormation cannot create SecureString parameters at all (AWS::SSM::Parameter takes String or
 * StringList), so a secret-named one in a template fails: keep the secret in Secrets Manager, or create the
 * SecureString outside the template and pass it with a `{{resolve:ssm-secure:…}}` reference. Without `Name`, the
 * parameter is named after its logical id. Terraform `aws_ssm_parameter` can be a SecureString.
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html
 */
import { defineRule } from '../../core/index.js';

export default defineRule({
  meta: {
    id: 'ssm-secret-parameters-secure-string',
    title: 'Secret-looking Parameter Store parameters are SecureString',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-010', gates: true, basis: 'the checklist asks that secrets be kept in an encrypted, access-controlled store; a plain String parameter is not encrypted' },
    ],
    resourceTypes: ['AWS::SSM::Parameter'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'A String parameter is stored in plain text and any principal allowed ssm:GetParameter on it can read it, with no KMS key policy in the way and no decrypt event in CloudTrail. Secrets belong in SecureString parameters or Secrets Manager.',
    remediation: {
      summary: 'Recreate the parameter as a SecureString (ideally with a customer managed KMS key), update readers to request decryption, and rotate the value that was stored in plain text.',
      console: [
        'Open Systems Manager > Parameter Store > the parameter; note its value and who reads it.',
        'Delete it and create it again with Type SecureString and a KMS key, or move the secret to Secrets Manager.',
        'Make readers call GetParameter with WithDecryption=true, then rotate the secret.',
      ],
      cli: 'aws ssm put-parameter --name /app/db-password --type SecureString --key-id alias/app-secrets --value "<new value>" --overwrite\n# A String parameter cannot change type in place: delete it first, then put it again as SecureString.\naws ssm delete-parameter --name /app/db-password',
      terraform: 'resource "aws_ssm_parameter" "db_password" {\n  name   = "/app/db-password"\n  type   = "SecureString"\n  key_id = aws_kms_key.app.arn\n  value  = var.db_password\n}',
      links: ['https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html'],
    },
    messages: {
      secure: 'Parameter {{resource}} is a SecureString.',
      plainSecret: 'Parameter {{resource}} looks like a secret but is stored as a plain {{type}}.',
    },
    needs: ['ssm:DescribeParameters'],
  },
  evaluate(parameter, ctx) {
    const type = ctx.get(parameter, '/Type');
    if (typeof type !== 'string') return ctx.unknown('missing_data:Type', { path: '/Type' });
    const looksSecret = ctx.get(parameter, '/NameLooksSecret');
    if (typeof looksSecret !== 'boolean') return ctx.unknown('missing_data:NameLooksSecret', { path: '/NameLooksSecret' });
    if (!looksSecret) return ctx.notApplicable();
    return type === 'SecureString' ? ctx.pass('secure') : ctx.fail('plainSecret', { type }, { path: '/Type' });
  },
});

/**
 * No EC2 instance or launch template carries a credential in its user data.
 *
 * N/A     terminated instances.
 * PASS    no user data, or user data that does not look like it holds a credential.
 * FAIL    the user data looks like it holds a credential (the collector keeps only the flag, never the text).
 * UNKNOWN the user data attribute was not read (DescribeInstanceAttribute denied), or a launch template's user data
 *         has no flag.
 *
 * User data is readable by anyone with ec2:DescribeInstanceAttribute and, from inside the instance, by every process
 * through the metadata service; the checklist names it among the places secrets must not be.
 * Code: the parser keeps only the same flags, judged on the user data as written (`Fn::Base64`, `Fn::Sub` text
 * included) and, as for environment variables, on what it will hold: a secret parameter (NoEcho), a sensitive
 * Terraform variable or a `{{resolve:secretsmanager:…}}` reference in it always counts. Terraform plans store
 * `aws_instance.user_data` as a hash, which cannot be judged (unknown). User data an instance takes from its launch
 * template is judged on the launch template.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { instanceState, isGone } from '../_lib/ec2-state.js';
import { isRecord } from '../_lib/values.js';

const KIND: Record<string, string> = { 'AWS::EC2::Instance': 'Instance', 'AWS::EC2::LaunchTemplate': 'Launch template' };

export default defineRule({
  meta: {
    id: 'ec2-user-data-no-credentials',
    title: 'EC2 instance and launch template user data holds no credentials',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-009', gates: true, basis: 'the checklist forbids credentials in code and configuration, instance user data included' },
    ],
    resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'User data is stored unencrypted with the instance or template, shown to anyone who can describe it, and served to every process on the instance by the metadata service. A key or password in it is effectively public inside the account.',
    remediation: {
      summary: 'Remove the secret from the user data; give the instance a role and fetch secrets from Secrets Manager or Parameter Store at boot. Rotate the exposed credential.',
      console: [
        'Store the secret in Secrets Manager; allow the instance role secretsmanager:GetSecretValue on it.',
        'Instance: stop it, Actions > Instance settings > Edit user data, remove the secret (fetch it with the AWS CLI instead), start it.',
        'Launch template: create a new version without the secret, make it the default, and roll the Auto Scaling group.',
      ],
      cli: '# In the user data script, fetch instead of embedding:\nDB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id app/db-password --query SecretString --output text)\n# Replace a launch template version:\naws ec2 create-launch-template-version --launch-template-id <LT> --source-version <N> --launch-template-data file://data-without-secret.json\naws ec2 modify-launch-template --launch-template-id <LT> --default-version <N+1>',
      cloudformation: 'UserData:\n  Fn::Base64: !Sub |\n    #!/bin/bash\n    DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id ${DbSecret} --query SecretString --output text)',
      terraform: 'user_data = <<-EOT\n  #!/bin/bash\n  DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id ${aws_secretsmanager_secret.db.id} --query SecretString --output text)\nEOT',
      links: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html', 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets.html'],
    },
    messages: {
      clean: '{{kind}} {{resource}} has no credential-like user data.',
      credentialUserData: '{{kind}} {{resource}} has user data that looks like it contains a credential.',
    },
    needs: ['ec2:DescribeInstances', 'ec2:DescribeInstanceAttribute', 'ec2:DescribeLaunchTemplates', 'ec2:DescribeLaunchTemplateVersions'],
  },
  evaluate(resource, ctx) {
    const kind = KIND[resource.type] ?? resource.type;
    const pointer = resource.type === 'AWS::EC2::Instance' ? '/UserData' : '/LaunchTemplateData/UserData';
    if (resource.type === 'AWS::EC2::Instance' && isGone(instanceState(ctx.get(resource, '/State')))) return ctx.notApplicable();
    const userData = ctx.get(resource, pointer);
    const verdict = judge(resource, userData);
    if (verdict === 'missing') return ctx.unknown(`missing_data:${pointer.slice(1).replace(/\//g, '.')}.LooksLikeCredential`, { path: pointer });
    return verdict === 'credential' ? ctx.fail('credentialUserData', { kind }, { path: pointer }) : ctx.pass('clean', { kind });
  },
});

/**
 * Instances always carry the live-only flag object (absent = not collected). A launch template without `UserData`
 * has none, as in CloudFormation; template text without the flag cannot be judged.
 */
function judge(resource: Resource, userData: unknown): 'clean' | 'credential' | 'missing' {
  if (userData === undefined || userData === null) return resource.type === 'AWS::EC2::LaunchTemplate' ? 'clean' : 'missing';
  if (!isRecord(userData) || typeof userData['LooksLikeCredential'] !== 'boolean') return 'missing';
  return userData['LooksLikeCredential'] ? 'credential' : 'clean';
}

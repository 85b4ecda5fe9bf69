/**
 * No ECS task definition keeps a credential in a container's plain environment.
 *
 * N/A     never: every task definition is judged.
 * PASS    no container has plain `Environment` variables, or none that look like credentials. Values referenced
 *         through `Secrets` (Secrets Manager or Parameter Store) are the right way and are not flagged.
 * FAIL    plain environment variables look like credentials (names in the data; values are never stored).
 * UNKNOWN the task definition was not read, or the collector wrote variables without the credential flags.
 *
 * Task definitions are readable by anyone with ecs:DescribeTaskDefinition and keep every revision's values forever.
 * Code: plain `Environment` values are judged as for Lambda (lambda-env-no-credentials); `Secrets` entries are
 * references and never flagged.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
 */
import { defineRule } from '../../core/index.js';
import { flaggedNames, isEmpty, nameList } from '../_lib/credential-flags.js';
import { isRecord } from '../_lib/values.js';

export default defineRule({
  meta: {
    id: 'ecs-task-env-no-credentials',
    title: 'ECS task definitions keep no credentials in plain environment variables',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-009', gates: true, basis: 'the checklist forbids credentials in code and configuration, environment variables included' },
    ],
    resourceTypes: ['AWS::ECS::TaskDefinition'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'Plain environment values are stored in every revision of the task definition and shown to anyone who can describe it. ECS can inject secrets from Secrets Manager or Parameter Store at start-up instead.',
    remediation: {
      summary: 'Store the value in Secrets Manager or a SecureString parameter and reference it from the container definition’s `secrets`, then register a new revision and rotate the exposed credential.',
      console: [
        'Create the secret in Secrets Manager; allow the task execution role secretsmanager:GetSecretValue on it.',
        'Create a new task definition revision: remove the variable from Environment variables and add it under "ValueFrom" pointing at the secret ARN.',
        'Update the service to the new revision, rotate the credential, and deregister the old revisions.',
      ],
      cli: 'aws ecs register-task-definition --cli-input-json file://taskdef.json   # with "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:..."}]\naws ecs deregister-task-definition --task-definition <family>:<old-revision>',
      cloudformation: 'ContainerDefinitions:\n  - Name: app\n    Secrets:\n      - Name: DB_PASSWORD\n        ValueFrom: !Ref DbSecret',
      terraform: 'container_definitions = jsonencode([{\n  name    = "app"\n  secrets = [{ name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }]\n}])',
      links: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html'],
    },
    messages: {
      clean: 'Task definition {{resource}} keeps no credential-like values in plain environment variables.',
      credentialVariables: 'Task definition {{resource}} has plain environment variables that look like credentials: {{names}}.',
    },
    needs: ['ecs:ListTaskDefinitions', 'ecs:DescribeTaskDefinition'],
  },
  evaluate(taskDefinition, ctx) {
    const containers = ctx.get(taskDefinition, '/ContainerDefinitions');
    const hasEnvironment = Array.isArray(containers) && containers.some((c) => isRecord(c) && !isEmpty(c['Environment']));
    if (!hasEnvironment) return ctx.pass('clean');
    const flagged = flaggedNames(ctx, taskDefinition, '/CredentialLikeEnvironment');
    if (flagged === undefined) return ctx.unknown('missing_data:CredentialLikeEnvironment', { path: '/CredentialLikeEnvironment' });
    return flagged.length === 0 ? ctx.pass('clean') : ctx.fail('credentialVariables', { names: nameList(flagged) }, { path: '/ContainerDefinitions' });
  },
});

/**
 * No Lambda function keeps a credential in its environment variables.
 *
 * N/A     never: every function is judged.
 * PASS    the function has no environment variables, or none whose name or value looks like a credential.
 * FAIL    variables look like credentials (their names are in the data; values are never stored).
 * UNKNOWN the function configuration was not read, or the collector wrote variables without their flags.
 *
 * Environment variables are readable by anyone with lambda:GetFunctionConfiguration and end up in templates, CI logs
 * and support tickets; the checklist names them among the places secrets must not be. A variable that only holds a
 * reference (a secret ARN or parameter name) can be flagged by its name: waive it, naming what it holds.
 * Code: each variable is judged on what it will hold once deployed — a literal, or a value resolved from parameters
 * or variables, by its name and form; a secret parameter (NoEcho), a sensitive Terraform variable or a
 * `{{resolve:secretsmanager:…}}` reference always (the secret lands in plain configuration). A value the code leaves
 * to deploy time under a name that looks like a credential is unknown; under any other name it is taken for a
 * resource name or ARN.
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption
 */
import { defineRule } from '../../core/index.js';
import { flaggedNames, isEmpty, nameList } from '../_lib/credential-flags.js';
import { isRecord } from '../_lib/values.js';

export default defineRule({
  meta: {
    id: 'lambda-env-no-credentials',
    title: 'Lambda environment variables hold no credentials',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-009', gates: true, basis: 'the checklist forbids credentials in code and configuration, environment variables included' },
    ],
    resourceTypes: ['AWS::Lambda::Function'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'A secret in an environment variable is visible to everyone who can read the function’s configuration, is copied into every template and deployment log, and cannot be rotated without a redeploy.',
    remediation: {
      summary: 'Move the secret to Secrets Manager (or a SecureString parameter), keep only its name or ARN in the variable, and read it at run time with the function’s role.',
      console: [
        'Create the secret in Secrets Manager and grant the function’s execution role secretsmanager:GetSecretValue on it.',
        'Open Lambda > the function > Configuration > Environment variables, replace the value with the secret’s ARN, and read it in code (or use the AWS Parameters and Secrets Lambda Extension).',
        'Rotate the exposed credential: it has been readable in the configuration.',
      ],
      cli: 'aws secretsmanager create-secret --name app/db-password --secret-string "<value>"\naws lambda update-function-configuration --function-name <FN> --environment "Variables={DB_SECRET_ARN=arn:aws:secretsmanager:<region>:<account>:secret:app/db-password}"',
      cloudformation: 'Function:\n  Type: AWS::Lambda::Function\n  Properties:\n    Environment:\n      Variables:\n        DB_SECRET_ARN: !Ref DbSecret   # read with GetSecretValue at run time\n    # ...\nDbSecret:\n  Type: AWS::SecretsManager::Secret\n  Properties:\n    GenerateSecretString: { PasswordLength: 32 }',
      terraform: 'resource "aws_lambda_function" "app" {\n  environment {\n    variables = { DB_SECRET_ARN = aws_secretsmanager_secret.db.arn }\n  }\n  # ...\n}',
      links: [
        'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html',
        'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html',
      ],
    },
    messages: {
      clean: 'Lambda function {{resource}} has no credential-like environment variables.',
      credentialVariables: 'Lambda function {{resource}} has environment variables that look like credentials: {{names}}.',
    },
    needs: ['lambda:ListFunctions'],
  },
  evaluate(fn, ctx) {
    const environment = ctx.get(fn, '/Environment');
    const variables = isRecord(environment) ? environment['Variables'] : undefined;
    if (isEmpty(variables)) return ctx.pass('clean');
    const flagged = flaggedNames(ctx, fn, '/EnvironmentFlags/LooksLikeCredential');
    if (flagged === undefined) return ctx.unknown('missing_data:EnvironmentFlags.LooksLikeCredential', { path: '/EnvironmentFlags' });
    return flagged.length === 0 ? ctx.pass('clean') : ctx.fail('credentialVariables', { names: nameList(flagged) }, { path: '/Environment/Variables' });
  },
});

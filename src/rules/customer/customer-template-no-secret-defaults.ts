/**
 * The customer template holds no secret values: secret parameters have no credential-looking default and are NoEcho,
 * and no password, token or secret string is written in a resource.
 *
 * N/A     a template without credential-named parameters; a resource without a secret setting.
 * PASS    the template’s secret parameters are NoEcho without a credential default; a resource’s secret settings come
 *         from a parameter, a variable, a dynamic reference (`{{resolve:secretsmanager:…}}`) or another resource (a
 *         generated password), or are managed by the service (`ManageMasterUserPassword`).
 * FAIL    a parameter Default that looks like a credential; a credential-named parameter without NoEcho (its value
 *         shows in the console and in DescribeStacks); a secret setting written as a literal in the code (or taken
 *         from a Terraform variable's default), one outcome per setting.
 * UNKNOWN a secret setting built by an expression the parser could not follow.
 *
 * The checklist asks the deployment guide to explain how customers maintain the secrets the deployment stores; it
 * does not forbid defaults. A secret shipped in the template is shared by every customer and cannot be rotated by
 * them, which is what a reviewer reads that section for, so the rule informs DSEC-007. Values are never stored: the
 * parsers keep only `DefaultLooksLikeCredential` and `<redacted>`.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds
 */
import { defineRule, isResourceRef, type Outcome, type Resource, type RuleContext } from '../../core/index.js';
import { isSecretPropertyKey, nameLooksLikeCredential } from '../../core/secrets/credentials.js';
import { isRecord } from '../_lib/values.js';

const TEMPLATE = 'AWS::CloudFormation::Template';
const REDACTED = '<redacted>';
/** Where a secret comes from when it is not in the code. */
const SUPPLIED = /^(parameter|secret_parameter|variable|sensitive_variable|dynamic_reference|ssm_parameter|computed):/;
/** Lambda and ECS environment values are always redacted, literal or not; their own rules judge them. */
const SKIP = new Set(['Environment', 'ContainerDefinitions', 'EnvironmentFlags']);

/** Pointers of settings whose key names a secret, with their values (a walk over the resource's properties). */
function secretSettings(value: unknown, pointer: string, out: Array<{ path: string; value: unknown }>, depth = 0): void {
  if (depth > 12) return;
  if (Array.isArray(value)) value.forEach((v, i) => secretSettings(v, `${pointer}/${i}`, out, depth + 1));
  else if (isRecord(value) && !isResourceRef(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (depth === 0 && SKIP.has(key)) continue;
      const path = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      // A flag such as ManageMasterUserPassword is about a secret, not one.
      if (isSecretPropertyKey(key)) {
        if (typeof child !== 'boolean') out.push({ path, value: child });
      } else secretSettings(child, path, out, depth + 1);
    }
  }
}

function templateOutcomes(template: Resource, ctx: RuleContext): Outcome[] {
  const parameters = isRecord(template.properties['Parameters']) ? template.properties['Parameters'] : {};
  const outcomes: Outcome[] = [];
  let secrets = 0;
  for (const [name, def] of Object.entries(parameters)) {
    if (!isRecord(def)) continue;
    const path = `/Parameters/${name}`;
    const looksSecret = nameLooksLikeCredential(name) || def['NoEcho'] === true || def['DefaultLooksLikeCredential'] === true;
    if (!looksSecret) continue;
    secrets++;
    if (def['DefaultLooksLikeCredential'] === true) outcomes.push(ctx.fail('credentialDefault', { parameter: name }, { path }));
    else if (def['NoEcho'] !== true) outcomes.push(ctx.fail('notNoEcho', { parameter: name }, { path }));
  }
  if (secrets === 0) return [ctx.notApplicable('noSecretParameters')];
  return outcomes.length > 0 ? outcomes : [ctx.pass('parametersSafe', { count: secrets })];
}

function resourceOutcomes(resource: Resource, ctx: RuleContext): Outcome[] {
  const found: Array<{ path: string; value: unknown }> = [];
  secretSettings(resource.properties, '', found);
  for (const mark of resource.unknown) {
    const key = mark.path.split('/').pop() ?? '';
    if (isSecretPropertyKey(key.replace(/~1/g, '/').replace(/~0/g, '~')) && !found.some((f) => f.path === mark.path)) found.push({ path: mark.path, value: undefined });
  }
  if (found.length === 0) return [ctx.notApplicable('noSecretSettings')];
  const outcomes: Outcome[] = [];
  for (const { path, value } of found) {
    const setting = path.slice(1).replace(/\//g, '.');
    const mark = ctx.unknownAt(resource, path);
    if (mark) {
      if (!SUPPLIED.test(mark.reason)) outcomes.push(ctx.unknown(mark.reason, { path }));
    } else if (value === REDACTED) outcomes.push(ctx.fail('secretInCode', { setting }, { path }));
  }
  return outcomes.length > 0 ? outcomes : [ctx.pass('secretsSupplied')];
}

export default defineRule({
  meta: {
    id: 'customer-template-no-secret-defaults',
    title: 'The customer template ships no secret values or secret parameter defaults',
    severity: 'high',
    requirements: [
      { checklist: 'customer-deployed', id: 'DSEC-007', gates: false, basis: 'informs how customers maintain stored secrets: a secret shipped as a template default or literal is shared by every customer and is not theirs to rotate' },
    ],
    resourceTypes: [TEMPLATE, 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::Redshift::Cluster', 'AWS::ElastiCache::ReplicationGroup', 'AWS::DocDB::DBCluster', 'AWS::OpenSearchService::Domain', 'AWS::SecretsManager::Secret', 'AWS::IAM::User', 'AWS::AmazonMQ::Broker', 'AWS::DMS::Endpoint', 'AWS::DirectoryService::MicrosoftAD'],
    target: 'customer-templates',
    sources: ['cloudformation', 'terraform'],
    rationale:
      'A password or token in a template default or literal is the same for every customer who deploys it, shows up in the template they download, and cannot be rotated without editing the template. Secrets belong in NoEcho parameters without defaults, dynamic references to Secrets Manager, or service-managed passwords.',
    remediation: {
      summary: 'Remove secret defaults and literals: take secrets as NoEcho parameters without defaults, resolve them from Secrets Manager, or let the service manage them (ManageMasterUserPassword), and explain rotation in the deployment guide.',
      console: [
        'Delete the Default of every password, token or key parameter, and set NoEcho: true on it.',
        'Replace literal passwords with {{resolve:secretsmanager:…}} or a generated AWS::SecretsManager::Secret (GenerateSecretString).',
        'For RDS and Aurora, prefer ManageMasterUserPassword: true.',
      ],
      cloudformation:
        'Parameters:\n  DbPassword: { Type: String, NoEcho: true, MinLength: 16 }\nResources:\n  Database:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      ManageMasterUserPassword: true',
      terraform:
        'variable "db_password" {\n  type      = string\n  sensitive = true\n}\nresource "aws_db_instance" "main" {\n  manage_master_user_password = true\n}',
      links: [
        'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds',
        'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html',
      ],
    },
    messages: {
      parametersSafe: 'Template {{resource}}: its {{count}} secret parameter(s) are NoEcho and have no credential default.',
      noSecretParameters: 'Template {{resource}} has no secret parameters.',
      credentialDefault: 'Template {{resource}}: the parameter {{parameter}} has a Default that looks like a credential, shipped to every customer.',
      notNoEcho: 'Template {{resource}}: the parameter {{parameter}} looks like a secret but is not NoEcho, so its value shows in the console and the stack description.',
      secretsSupplied: '{{resource}} takes its secret settings from outside the code.',
      noSecretSettings: '{{resource}} has no secret setting.',
      secretInCode: '{{resource}} has {{setting}} written in the customer template.',
    },
    needs: [],
  },
  evaluate(resource, ctx) {
    return resource.type === TEMPLATE ? templateOutcomes(resource, ctx) : resourceOutcomes(resource, ctx);
  },
});

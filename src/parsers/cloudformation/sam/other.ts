import { isPlainObject } from '../../shared/values.js';
import { deriveDraft, type ResourceDraft } from '../draft.js';
import type { TemplateScope } from '../scope.js';
import { assumeRolePolicy, pick, samPolicies, tagList } from './common.js';

/** `AWS::Serverless::SimpleTable` → `AWS::DynamoDB::Table` with one hash key (`id`, string, unless told otherwise). */
export function expandSimpleTable(draft: ResourceDraft): ResourceDraft[] {
  const p = draft.properties;
  const key = isPlainObject(p['PrimaryKey']) ? p['PrimaryKey'] : {};
  const name = key['Name'] ?? 'id';
  const type = key['Type'] === 'Number' ? 'N' : key['Type'] === 'Binary' ? 'B' : 'S';
  const table: Record<string, unknown> = {
    ...pick(p, ['TableName', 'SSESpecification']),
    KeySchema: [{ AttributeName: name, KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: name, AttributeType: type }],
  };
  if (p['ProvisionedThroughput'] !== undefined) table['ProvisionedThroughput'] = p['ProvisionedThroughput'];
  else table['BillingMode'] = 'PAY_PER_REQUEST';
  const tags = tagList(p['Tags']);
  if (tags !== undefined) table['Tags'] = tags;
  return [{ ...draft, type: 'AWS::DynamoDB::Table', properties: table }];
}

/** `AWS::Serverless::StateMachine` → `AWS::StepFunctions::StateMachine` (+ its role). */
export function expandStateMachine(draft: ResourceDraft, scope: TemplateScope): ResourceDraft[] {
  const p = draft.properties;
  const machine: Record<string, unknown> = {
    ...pick(p, ['Name', 'Type', 'Logging', 'Tracing', 'Definition', 'DefinitionUri', 'Role'], { Name: 'StateMachineName', Logging: 'LoggingConfiguration', Tracing: 'TracingConfiguration', Role: 'RoleArn', DefinitionUri: 'DefinitionS3Location' }),
  };
  const tags = tagList(p['Tags']);
  if (tags !== undefined) machine['Tags'] = tags;
  const out: ResourceDraft[] = [];
  if (p['Role'] === undefined) {
    const roleId = `${draft.id}Role`;
    const { managed, inline } = samPolicies(p['Policies'], roleId);
    const role: Record<string, unknown> = { AssumeRolePolicyDocument: assumeRolePolicy('states.amazonaws.com'), ManagedPolicyArns: managed };
    if (inline.length > 0) role['Policies'] = inline;
    machine['RoleArn'] = scope.refTo(roleId, 'Arn');
    out.push(deriveDraft(draft, roleId, 'AWS::IAM::Role', role));
  }
  out.unshift({ ...draft, type: 'AWS::StepFunctions::StateMachine', properties: machine });
  return out;
}

export function expandLayerVersion(draft: ResourceDraft): ResourceDraft[] {
  const p = draft.properties;
  return [{ ...draft, type: 'AWS::Lambda::LayerVersion', properties: pick(p, ['LayerName', 'Description', 'CompatibleRuntimes', 'CompatibleArchitectures', 'LicenseInfo']) }];
}

/** `AWS::Serverless::Application` → `AWS::CloudFormation::Stack`; a local `Location` is followed like a nested stack. */
export function expandApplication(draft: ResourceDraft): ResourceDraft[] {
  const p = draft.properties;
  const stack: Record<string, unknown> = { ...pick(p, ['Parameters', 'NotificationARNs', 'TimeoutInMinutes']), TemplateURL: p['Location'] };
  const tags = tagList(p['Tags']);
  if (tags !== undefined) stack['Tags'] = tags;
  return [{ ...draft, type: 'AWS::CloudFormation::Stack', properties: stack }];
}

import { isPlainObject } from '../../shared/values.js';
import { deriveDraft, type ResourceDraft } from '../draft.js';
import type { TemplateScope } from '../scope.js';
import { assumeRolePolicy, pick, samPolicies, tagList } from './common.js';

const LAMBDA_PROPERTIES = [
  'FunctionName', 'Handler', 'Runtime', 'Description', 'MemorySize', 'Timeout', 'Role', 'Environment', 'VpcConfig',
  'KmsKeyArn', 'ReservedConcurrentExecutions', 'Layers', 'Architectures', 'PackageType', 'ImageConfig', 'EphemeralStorage',
  'FileSystemConfigs', 'LoggingConfig', 'RuntimeManagementConfig', 'SnapStart', 'CodeSigningConfigArn',
] as const;

/** `AWS::Serverless::Function` → `AWS::Lambda::Function`, plus the execution role and function URL SAM creates. */
export function expandFunction(draft: ResourceDraft, scope: TemplateScope): ResourceDraft[] {
  const p = draft.properties;
  const lambda: Record<string, unknown> = pick(p, LAMBDA_PROPERTIES);
  if (p['Tracing'] !== undefined) lambda['TracingConfig'] = { Mode: p['Tracing'] };
  if (isPlainObject(p['DeadLetterQueue'])) lambda['DeadLetterConfig'] = { TargetArn: p['DeadLetterQueue']['TargetArn'] };
  const tags = tagList(p['Tags']);
  if (tags !== undefined) lambda['Tags'] = tags;
  const out: ResourceDraft[] = [];
  if (p['Role'] === undefined) {
    const roleId = `${draft.id}Role`;
    const { managed, inline } = samPolicies(p['Policies'], roleId);
    const basics = ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'];
    if (p['VpcConfig'] !== undefined) basics.push('arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole');
    if (p['Tracing'] === 'Active') basics.push('arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess');
    const role: Record<string, unknown> = {
      AssumeRolePolicyDocument: assumeRolePolicy('lambda.amazonaws.com'),
      ManagedPolicyArns: [...basics, ...managed],
      ...pick(p, ['PermissionsBoundary', 'RolePath'], { RolePath: 'Path' }),
    };
    if (inline.length > 0) role['Policies'] = inline;
    if (tags !== undefined) role['Tags'] = tags;
    lambda['Role'] = scope.refTo(roleId, 'Arn');
    out.push(deriveDraft(draft, roleId, 'AWS::IAM::Role', role));
  }
  out.unshift({ ...draft, type: 'AWS::Lambda::Function', properties: lambda });
  if (isPlainObject(p['FunctionUrlConfig'])) {
    const url = p['FunctionUrlConfig'];
    out.push(deriveDraft(draft, `${draft.id}Url`, 'AWS::Lambda::Url', { ...pick(url, ['AuthType', 'Cors', 'InvokeMode']), TargetFunctionArn: scope.refTo(draft.id) }));
  }
  return out;
}

/** Whether any function's events use SAM's implicit REST or HTTP API. */
export function implicitApis(resources: readonly ResourceDraft[]): { rest: ResourceDraft | undefined; http: ResourceDraft | undefined } {
  let rest: ResourceDraft | undefined;
  let http: ResourceDraft | undefined;
  for (const draft of resources) {
    if (draft.type !== 'AWS::Serverless::Function' || !isPlainObject(draft.properties['Events'])) continue;
    for (const event of Object.values(draft.properties['Events'])) {
      if (!isPlainObject(event) || !isPlainObject(event['Properties'])) continue;
      if (event['Type'] === 'Api' && event['Properties']['RestApiId'] === undefined) rest ??= draft;
      if (event['Type'] === 'HttpApi' && event['Properties']['ApiId'] === undefined) http ??= draft;
    }
  }
  return { rest, http };
}

import type { Resource } from '../../core/index.js';
import { entryLooksLikeCredential } from '../../core/secrets/credentials.js';
import type { ParameterDef } from './parameters.js';

export const TEMPLATE_TYPE = 'AWS::CloudFormation::Template';

/**
 * The pseudo-resource `AWS::CloudFormation::Template`, one per template file: facts about the template itself that
 * no resource carries — its parameters (a secret's Default is never copied, only whether one exists and whether it
 * looks like a credential), its transforms, and whether it is shipped to customers.
 */
export function templateResource(file: string, parameters: ReadonlyMap<string, ParameterDef>, transforms: readonly string[], resourceCount: number, shippedToCustomers: boolean): Resource {
  const params: Record<string, unknown> = {};
  for (const def of parameters.values()) {
    const defaultText = typeof def.default === 'string' || typeof def.default === 'number' ? String(def.default) : undefined;
    params[def.name] = {
      Type: def.type,
      NoEcho: def.noEcho,
      HasDefault: def.hasDefault,
      DefaultLooksLikeCredential: defaultText !== undefined && (def.secret ? defaultText.trim() !== '' && entryLooksLikeCredential(def.name, defaultText) : entryLooksLikeCredential(def.name, defaultText)),
      ...(def.hasDefault && !def.secret ? { Default: def.default } : {}),
    };
  }
  return {
    uid: `cfn:${file}`,
    type: TEMPLATE_TYPE,
    source: 'cloudformation',
    name: file,
    properties: { Parameters: params, Transform: [...transforms], ResourceCount: resourceCount, ShippedToCustomers: shippedToCustomers },
    tags: {},
    location: { file, line: 1 },
    unknown: [],
    assumptions: [],
    suppressions: [],
  };
}

import { isPlainObject } from '../../shared/values.js';

/** SAM `Globals` sections and the resource types they apply to. */
const SECTIONS: Readonly<Record<string, string>> = {
  Function: 'AWS::Serverless::Function',
  Api: 'AWS::Serverless::Api',
  HttpApi: 'AWS::Serverless::HttpApi',
  SimpleTable: 'AWS::Serverless::SimpleTable',
  StateMachine: 'AWS::Serverless::StateMachine',
  LayerVersion: 'AWS::Serverless::LayerVersion',
};

/** The global properties for a resource type, if the template declares any. */
export function globalsFor(globals: unknown, type: string): Record<string, unknown> | undefined {
  if (!isPlainObject(globals)) return undefined;
  for (const [section, sectionType] of Object.entries(SECTIONS)) {
    if (sectionType === type && isPlainObject(globals[section])) return globals[section];
  }
  return undefined;
}

/**
 * Applies globals the way SAM does: the resource's own value wins for plain values, maps are merged key by key, and
 * lists are concatenated (global entries first). Works on template values (intrinsics are merged as opaque values).
 */
export function mergeGlobals(global: Record<string, unknown>, local: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...global };
  for (const [key, value] of Object.entries(local)) out[key] = Object.hasOwn(global, key) ? mergeValue(global[key], value, 0) : value;
  return out;
}

function mergeValue(global: unknown, local: unknown, depth: number): unknown {
  if (depth > 50) return local;
  if (Array.isArray(global) && Array.isArray(local)) return [...global, ...local];
  if (isIntrinsic(global) || isIntrinsic(local)) return local;
  if (isPlainObject(global) && isPlainObject(local)) {
    const out: Record<string, unknown> = { ...global };
    for (const [key, value] of Object.entries(local)) out[key] = Object.hasOwn(global, key) ? mergeValue(global[key], value, depth + 1) : value;
    return out;
  }
  return local;
}

function isIntrinsic(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
}

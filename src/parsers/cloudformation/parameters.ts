import { nameLooksLikeCredential } from '../../core/secrets/credentials.js';
import { isPlainObject, Unresolved } from '../shared/values.js';

/** A template parameter as declared, with what the parser may say about it. */
export interface ParameterDef {
  name: string;
  type: string;
  /** NoEcho, or a name that says it holds a credential: its value and default are never copied into output. */
  secret: boolean;
  noEcho: boolean;
  hasDefault: boolean;
  default: unknown;
}

export function readParameters(raw: unknown): Map<string, ParameterDef> {
  const out = new Map<string, ParameterDef>();
  if (!isPlainObject(raw)) return out;
  for (const [name, spec] of Object.entries(raw)) {
    const def = isPlainObject(spec) ? spec : {};
    const noEcho = def['NoEcho'] === true || def['NoEcho'] === 'true';
    out.set(name, {
      name,
      type: typeof def['Type'] === 'string' ? def['Type'] : 'String',
      noEcho,
      secret: noEcho || nameLooksLikeCredential(name),
      hasDefault: Object.hasOwn(def, 'Default'),
      default: def['Default'],
    });
  }
  return out;
}

/** SSM parameter types resolve at deploy time from Parameter Store: neither a given value nor a default says it. */
export function isSsmParameterType(type: string): boolean {
  return type.startsWith('AWS::SSM::Parameter::Value<');
}

/** A parameter value as CloudFormation hands it to `Ref`: lists split at commas, numbers as numbers. */
export function convertParameterValue(type: string, value: unknown): unknown {
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  const text = String(value);
  const isList = type === 'CommaDelimitedList' || type.startsWith('List<');
  if (isList) {
    const items = text === '' ? [] : text.split(',').map((item) => item.trim());
    return type === 'List<Number>' ? items.map(toNumber) : items;
  }
  if (type === 'Number') return toNumber(text);
  return text;
}

function toNumber(text: string): number | string {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

export type ParameterMode = 'property' | 'condition';

/**
 * The value of `Ref <parameter>`: a given value wins, then the Default (noted as an assumption), else unknown.
 * Secrets resolve only where conditions need them; a property never receives a secret's value.
 */
export function parameterValue(
  def: ParameterDef,
  given: unknown,
  mode: ParameterMode,
  assume: (note: string) => void,
): unknown {
  if (given !== undefined) {
    if (given instanceof Unresolved) return given;
    if (def.secret && mode === 'property') return new Unresolved(`secret_parameter:${def.name}`);
    return convertParameterValue(def.type, given);
  }
  if (isSsmParameterType(def.type)) return new Unresolved(`ssm_parameter:${def.name}`);
  // A secret's value is unknown whether or not it has a default; the reason says it is a secret either way.
  if (def.secret && mode === 'property') return new Unresolved(`secret_parameter:${def.name}`);
  if (!def.hasDefault) return new Unresolved(`parameter:${def.name}`);
  assume(def.secret ? `depends on parameter ${def.name} (its Default was used)` : `depends on parameter ${def.name} (Default ${JSON.stringify(def.default)} used)`);
  return convertParameterValue(def.type, def.default);
}

import type { Json } from './intrinsics.js';
import type { Random } from './random.js';

/** The parameters, conditions and shared resources every generated template declares (template.ts). */
export const SHARED = {
  env: 'Env',
  vpc: 'VpcId',
  subnets: 'SubnetIds',
  dataKey: 'DataKeyArn',
  certificate: 'CertificateArn',
  retention: 'LogRetentionDays',
  instanceType: 'InstanceType',
  dbPassword: 'DbPassword',
  trustedAccount: 'TrustedAccountId',
  isProd: 'IsProd',
  hasDataKey: 'HasDataKey',
  multiAz: 'UseMultiAz',
  isProdInEu: 'IsProdInEu',
  logBucket: 'AccessLogBucket',
  sharedKey: 'SharedKey',
  configMap: 'EnvConfig',
  regionMap: 'RegionConfig',
} as const;

export interface BlockContext {
  rng: Random;
  /** Unique within the template: logical ids are `<Kind><id>`. */
  id: number;
}

/** A group of resources that belong together (a bucket and its policy, a function with its role and log group). */
export interface Block {
  name: string;
  /** How often the block is drawn, relative to the others. */
  weight: number;
  build(ctx: BlockContext): Record<string, Json>;
}

/** A resource with optional attributes, without undefined keys (the writers print what they are given). */
export function resource(type: string, properties: Record<string, Json | undefined>, extra: Record<string, Json | undefined> = {}): Json {
  return compact({ Type: type, ...extra, Properties: compact(properties) });
}

export function compact(record: Record<string, Json | undefined>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out;
}

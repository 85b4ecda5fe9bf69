/**
 * Reading a CloudFront distribution's cache behaviors (CloudFormation shape: `DistributionConfig.DefaultCacheBehavior`
 * and `DistributionConfig.CacheBehaviors[]`, each with `ViewerProtocolPolicy`, `TargetOriginId`, `PathPattern`).
 */
import { isRecord } from './values.js';

export interface Behavior {
  path: string;
  pattern: string;
  viewerProtocolPolicy: unknown;
  targetOriginId: unknown;
}

export function behaviorsOf(config: Record<string, unknown>): Behavior[] {
  const out: Behavior[] = [];
  const add = (value: unknown, path: string, pattern: string) => {
    if (!isRecord(value)) return;
    out.push({ path, pattern, viewerProtocolPolicy: value['ViewerProtocolPolicy'], targetOriginId: value['TargetOriginId'] });
  };
  add(config['DefaultCacheBehavior'], '/DistributionConfig/DefaultCacheBehavior', 'default (*)');
  const extra = config['CacheBehaviors'];
  if (Array.isArray(extra)) {
    extra.forEach((b, i) => add(b, `/DistributionConfig/CacheBehaviors/${i}`, isRecord(b) && typeof b['PathPattern'] === 'string' ? b['PathPattern'] : `#${i + 1}`));
  }
  return out;
}

/** Whether a viewer protocol policy keeps viewers on HTTPS. */
export function viewerHttpsOnly(policy: unknown): boolean {
  return policy === 'redirect-to-https' || policy === 'https-only';
}

/** Whether the distribution is disabled (serves nothing). */
export function isDisabled(config: Record<string, unknown>): boolean {
  return config['Enabled'] === false || config['Enabled'] === 'false';
}

/**
 * Reading a CloudFront distribution's configuration (CloudFormation shape: `DistributionConfig` with
 * `DefaultCacheBehavior`, `CacheBehaviors[]`, `Origins[]`, `ViewerCertificate`), live or from a template.
 *
 * Reads never throw: a template often leaves parts of the configuration to parameters (aliases, certificate, origin
 * domain), so an unresolved value makes only the settings it touches unknown, not the whole distribution.
 */
import { readPointer, type Resource, type RuleContext } from '../../core/index.js';
import { markAbove } from './code-values.js';
import { isRecord } from './values.js';

const CONFIG = '/DistributionConfig';

export interface Unread {
  reason: string;
  path: string;
}

export type Config = { ok: true; config: Record<string, unknown> } | { ok: false; unread: Unread };

export interface Behavior {
  path: string;
  pattern: string;
  viewerProtocolPolicy: unknown;
  targetOriginId: unknown;
  /** Set when the behavior's viewer protocol policy (or the behavior itself) could not be read. */
  unread?: Unread;
}

/** A mark on `pointer` or above it (the value is unknown), ignoring marks deeper inside. */
export const markOn: (ctx: RuleContext, resource: Resource, pointer: string) => Unread | undefined = markAbove;

export function distributionConfig(ctx: RuleContext, distribution: Resource): Config {
  const unread = markOn(ctx, distribution, CONFIG);
  if (unread) return { ok: false, unread };
  const config = readPointer(distribution.properties, CONFIG);
  if (isRecord(config)) return { ok: true, config };
  const kind = distribution.source === 'live' ? 'missing_data' : 'unresolved';
  return { ok: false, unread: { reason: `${kind}:DistributionConfig`, path: CONFIG } };
}

/** `disabled` serves nothing; `Enabled` from an unresolved template value may be either. */
export function enabledState(ctx: RuleContext, distribution: Resource, config: Record<string, unknown>): 'enabled' | 'disabled' | Unread {
  const unread = markOn(ctx, distribution, `${CONFIG}/Enabled`);
  if (unread) return unread;
  return config['Enabled'] === false || config['Enabled'] === 'false' ? 'disabled' : 'enabled';
}

/** The default and every path-specific cache behavior, with what could not be read. */
export function behaviorsOf(ctx: RuleContext, distribution: Resource, config: Record<string, unknown>): Behavior[] {
  const out: Behavior[] = [];
  const add = (value: unknown, path: string, pattern: string) => {
    const unread = markOn(ctx, distribution, `${path}/ViewerProtocolPolicy`);
    if (!isRecord(value) && !unread) return;
    const behavior = isRecord(value) ? value : {};
    out.push({ path, pattern, viewerProtocolPolicy: behavior['ViewerProtocolPolicy'], targetOriginId: behavior['TargetOriginId'], ...(unread ? { unread } : {}) });
  };
  add(config['DefaultCacheBehavior'], `${CONFIG}/DefaultCacheBehavior`, 'default (*)');
  const listUnread = markOn(ctx, distribution, `${CONFIG}/CacheBehaviors`);
  if (listUnread) out.push({ path: listUnread.path, pattern: 'the path-specific behaviors', viewerProtocolPolicy: undefined, targetOriginId: undefined, unread: listUnread });
  const extra = config['CacheBehaviors'];
  if (!listUnread && Array.isArray(extra)) {
    extra.forEach((b, i) => add(b, `${CONFIG}/CacheBehaviors/${i}`, isRecord(b) && typeof b['PathPattern'] === 'string' ? b['PathPattern'] : `#${i + 1}`));
  }
  return out;
}

/** Whether a viewer protocol policy keeps viewers on HTTPS. */
export function viewerHttpsOnly(policy: unknown): boolean {
  return policy === 'redirect-to-https' || policy === 'https-only';
}


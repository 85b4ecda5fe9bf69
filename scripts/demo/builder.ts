/**
 * Brightwave Analytics — the fictitious SaaS vendor bundled as the demo company: one production account in two
 * Regions with a believable mix of good and bad configuration. The modules beside this one describe its account as
 * the resource model sees it; build-demo-snapshot.ts writes it out as demo/brightwave/snapshots/live.json.
 */
import type { ResourceInput } from '../../src/core/index.js';

export const ACCOUNT = '123456789012';
export const REGIONS = ['us-east-1', 'eu-west-1'] as const;
export const COLLECTED_AT = '2026-11-20T09:30:00.000Z';

export type Props = Record<string, unknown>;
export const resources: ResourceInput[] = [];

export const arn = (service: string, region: string, rest: string) => `arn:aws:${service}:${region}:${ACCOUNT}:${rest}`;
export const daysAgo = (days: number) => new Date(Date.parse(COLLECTED_AT) - days * 86_400_000).toISOString();

export function add(type: string, uid: string, name: string, properties: Props, extra: Partial<ResourceInput> = {}): string {
  resources.push({ uid, type, source: 'live', account: ACCOUNT, region: 'global', name, properties, location: { arn: uid }, observedAt: COLLECTED_AT, ...extra });
  return uid;
}

export const regional = (type: string, region: string, uid: string, name: string, properties: Props, extra: Partial<ResourceInput> = {}) =>
  add(type, uid, name, properties, { region, ...extra });

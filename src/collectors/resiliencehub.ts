/**
 * AWS Resilience Hub (regional): `AWS::Account::Region.ResilienceHub` = `{ Apps, Policies }` — how many applications
 * are registered, and every resiliency policy with its targets.
 *
 * A policy sets an RPO and an RTO per disruption type (Software, Hardware, AZ, Region). `RpoSeconds` / `RtoSeconds`
 * are the loosest of them — the objective the policy commits to whatever the disruption — and `ByDisruption` keeps
 * each pair as written.
 */
import { ListAppsCommand, ListResiliencyPoliciesCommand, ResiliencehubClient, type ResiliencyPolicy } from '@aws-sdk/client-resiliencehub';
import type { UnknownMark } from '../core/index.js';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'resiliencehub',
  scope: 'regional',
  operations: {
    ListApps: 'resiliencehub:ListApps',
    ListResiliencyPolicies: 'resiliencehub:ListResiliencyPolicies',
  },
  produces: ['AWS::Account::Region'],
  async collect(ctx) {
    const client = ctx.client(ResiliencehubClient);
    const [apps, policies] = await Promise.all([
      ctx.pages('ListApps', (nextToken, o) => client.send(new ListAppsCommand({ nextToken }), o), (p) => p.nextToken, (p) => p.appSummaries),
      ctx.pages('ListResiliencyPolicies', (nextToken, o) => client.send(new ListResiliencyPoliciesCommand({ nextToken }), o), (p) => p.nextToken, (p) => p.resiliencyPolicies),
    ]);
    const hub: Record<string, unknown> = {};
    const unknown: UnknownMark[] = [];
    if (apps.ok) hub['Apps'] = apps.value.length;
    else unknown.push({ path: '/ResilienceHub/Apps', reason: apps.reason });
    if (policies.ok) hub['Policies'] = policies.value.map(policy);
    else unknown.push({ path: '/ResilienceHub/Policies', reason: policies.reason });
    ctx.regionFacts({ ResilienceHub: hub }, unknown);
  },
});

function policy(p: ResiliencyPolicy): Record<string, unknown> {
  const byDisruption = Object.entries(p.policy ?? {}).filter(([, f]) => f !== undefined);
  const loosest = (key: 'rpoInSecs' | 'rtoInSecs') => {
    const values = byDisruption.map(([, f]) => f?.[key]).filter((v): v is number => typeof v === 'number');
    return values.length > 0 ? Math.max(...values) : null;
  };
  return {
    Name: p.policyName ?? null,
    Tier: p.tier ?? null,
    RpoSeconds: loosest('rpoInSecs'),
    RtoSeconds: loosest('rtoInSecs'),
    ByDisruption: Object.fromEntries(byDisruption.map(([type, f]) => [type, { RpoSeconds: f?.rpoInSecs ?? null, RtoSeconds: f?.rtoInSecs ?? null }])),
  };
}

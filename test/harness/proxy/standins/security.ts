// Test-only: security services moto lacks or answers unlike AWS: Security Hub standards, IAM Access Analyzer,
// Macie (naive timestamps the SDK rejects), Inspector2 (no status before Enable), Config conformance packs,
// CloudTrail LookupEvents.
import type { Event as TrailEvent } from '@aws-sdk/client-cloudtrail';
import { errorReply, jsonReply } from '../protocol.js';
import { toWire, type StandIn } from './types.js';

const getEnabledStandards: StandIn = {
  service: 'securityhub',
  operation: 'GetEnabledStandards',
  answer(ctx) {
    const wanted = ctx.input().StandardsSubscriptionArns;
    const all = ctx.region.securityHubStandards;
    const subscriptions = Array.isArray(wanted) && wanted.length > 0 ? all.filter((s) => wanted.includes(s.StandardsSubscriptionArn)) : all;
    return jsonReply('restJson', { StandardsSubscriptions: toWire(subscriptions, 'iso') });
  },
};

const listAnalyzers: StandIn = {
  service: 'access-analyzer',
  operation: 'ListAnalyzers',
  answer(ctx) {
    const type = ctx.info.url.searchParams.get('type');
    const analyzers = ctx.region.accessAnalyzers.filter((a) => !type || a.type === type);
    return jsonReply('restJson', { analyzers: toWire(analyzers, 'iso') });
  },
};

const listFindingsV2: StandIn = {
  service: 'access-analyzer',
  operation: 'ListFindingsV2',
  answer(ctx) {
    const arn = String(ctx.input().analyzerArn ?? '');
    if (!ctx.region.accessAnalyzers.some((a) => a.arn === arn)) {
      return errorReply('restJson', 'ResourceNotFoundException', 404, `Analyzer ${arn} not found.`);
    }
    return jsonReply('restJson', { findings: toWire(ctx.region.accessAnalyzerFindings[arn] ?? [], 'iso') });
  },
};

// moto writes `"createdAt": "2026-11-26T14:00:00.123456"` (no zone); SDK v3 rejects that as not RFC 3339.
const NAIVE_TIME = /("(?:createdAt|updatedAt)"\s*:\s*")(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)(")/g;

const macieSession: StandIn = {
  service: 'macie2',
  operation: 'GetMacieSession',
  answer(ctx) {
    if (ctx.region.macie !== 'disabled') return undefined;
    return errorReply('restJson', 'AccessDeniedException', 403, 'Macie is not enabled.');
  },
  patch(_ctx, upstream) {
    if (upstream.status !== 200) return upstream;
    return { ...upstream, body: Buffer.from(upstream.body.toString('utf8').replace(NAIVE_TIME, '$1$2Z$3')) };
  },
};

const inspectorStatus: StandIn = {
  service: 'inspector2',
  operation: 'BatchGetAccountStatus',
  patch(ctx, upstream) {
    if (upstream.status !== 200) return upstream;
    const body = JSON.parse(upstream.body.toString('utf8')) as { accounts?: unknown[]; failedAccounts?: unknown[] };
    if (body.accounts && body.accounts.length > 0) return upstream;
    const requested = ctx.input().accountIds;
    const ids = Array.isArray(requested) && requested.length > 0 ? requested.map(String) : [ctx.accountId];
    const disabled = { status: 'DISABLED' };
    const accounts = ids.map((accountId) => ({
      accountId,
      state: disabled,
      resourceState: { ec2: disabled, ecr: disabled, lambda: disabled, lambdaCode: disabled, codeRepository: disabled },
    }));
    return jsonReply('restJson', { accounts, failedAccounts: body.failedAccounts ?? [] });
  },
};

const listCoverage: StandIn = {
  service: 'inspector2',
  operation: 'ListCoverage',
  answer: (ctx) => jsonReply('restJson', { coveredResources: toWire(ctx.region.inspector2Coverage, 'epoch') }),
};

const conformancePacks: StandIn = {
  service: 'config',
  operation: 'DescribeConformancePacks',
  answer(ctx) {
    const names = ctx.input().ConformancePackNames;
    const packs = ctx.region.conformancePacks.filter((p) => !Array.isArray(names) || names.length === 0 || names.includes(p.ConformancePackName));
    if (Array.isArray(names) && names.length > packs.length) {
      return errorReply('json', 'NoSuchConformancePackException', 400, 'One or more conformance packs do not exist.');
    }
    return jsonReply('json', { ConformancePackDetails: toWire(packs, 'epoch') });
  },
};

const ATTRIBUTE_OF: Record<string, (e: TrailEvent) => string[]> = {
  EventId: (e) => [e.EventId ?? ''],
  EventName: (e) => [e.EventName ?? ''],
  ReadOnly: (e) => [e.ReadOnly ?? ''],
  Username: (e) => [e.Username ?? ''],
  EventSource: (e) => [e.EventSource ?? ''],
  AccessKeyId: (e) => [e.AccessKeyId ?? ''],
  ResourceType: (e) => (e.Resources ?? []).map((r) => r.ResourceType ?? ''),
  ResourceName: (e) => (e.Resources ?? []).map((r) => r.ResourceName ?? ''),
};

const lookupEvents: StandIn = {
  service: 'cloudtrail',
  operation: 'LookupEvents',
  answer(ctx) {
    const input = ctx.input();
    const attributes = Array.isArray(input.LookupAttributes) ? (input.LookupAttributes as Array<{ AttributeKey?: string; AttributeValue?: string }>) : [];
    const start = typeof input.StartTime === 'number' ? input.StartTime * 1000 : -Infinity;
    const end = typeof input.EndTime === 'number' ? input.EndTime * 1000 : Infinity;
    const events = ctx.region.cloudTrailEvents
      .filter((e) => {
        const time = e.EventTime?.getTime() ?? 0;
        return time >= start && time <= end;
      })
      .filter((e) => attributes.every((a) => (ATTRIBUTE_OF[a.AttributeKey ?? ''] ?? (() => []))(e).includes(a.AttributeValue ?? '')))
      .sort((a, b) => (b.EventTime?.getTime() ?? 0) - (a.EventTime?.getTime() ?? 0));
    return jsonReply('json', { Events: toWire(events, 'epoch') });
  },
};

export const securityStandIns: StandIn[] = [
  getEnabledStandards,
  listAnalyzers,
  listFindingsV2,
  macieSession,
  inspectorStatus,
  listCoverage,
  conformancePacks,
  lookupEvents,
];

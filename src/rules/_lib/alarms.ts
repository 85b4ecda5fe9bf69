/**
 * CloudWatch alarms and the metrics they watch (`AWS::CloudWatch::Alarm`: `Namespace`, `MetricName`, `Dimensions`, or
 * metric-math `Metrics[].MetricStat.Metric`). Monitoring rules are heuristics over these: an alarm on the right metric
 * and dimension counts, whatever its threshold or action.
 */
import type { Resource, RuleContext } from '../../core/index.js';
import { asList, asRecord, asString } from './shape.js';
import { nameOf } from './names.js';

export interface AlarmMetric {
  namespace: string | undefined;
  metricName: string | undefined;
  dimensions: Readonly<Record<string, string>>;
}

function dimensions(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of asList(value)) {
    const record = asRecord(entry);
    const name = asString(record?.['Name']);
    const val = asString(record?.['Value']);
    if (name !== undefined && val !== undefined) out[name] = val;
  }
  return out;
}

function metric(record: Record<string, unknown>): AlarmMetric {
  return { namespace: asString(record['Namespace']), metricName: asString(record['MetricName']), dimensions: dimensions(record['Dimensions']) };
}

export function alarmMetrics(alarm: Resource): AlarmMetric[] {
  const out: AlarmMetric[] = [];
  if (alarm.properties['MetricName'] !== undefined) out.push(metric(alarm.properties));
  for (const entry of asList(alarm.properties['Metrics'])) {
    const inner = asRecord(asRecord(asRecord(entry)?.['MetricStat'])?.['Metric']);
    if (inner) out.push(metric(inner));
  }
  return out;
}

export interface AlarmSearch {
  /** Names of the alarms with a metric that matched. */
  matched: string[];
  /** Why some alarms could not be read; undefined when every alarm of the account and Region was. */
  uncertain?: string;
}

/** The alarms in the resource's account and Region with a metric that `match` accepts. */
export function findAlarms(ctx: RuleContext, resource: Resource, match: (m: AlarmMetric) => boolean): AlarmSearch {
  const scope = { account: resource.account, region: resource.region, source: resource.source };
  const inventory = ctx.inventory('AWS::CloudWatch::Alarm', scope);
  const out: AlarmSearch = { matched: [] };
  if (!inventory.complete) out.uncertain = inventory.reason ?? 'not_collected:AWS::CloudWatch::Alarm';
  for (const alarm of ctx.resources('AWS::CloudWatch::Alarm', scope)) {
    const mark = ['/MetricName', '/Namespace', '/Dimensions', '/Metrics'].map((p) => ctx.unknownAt(alarm, p)).find((m) => m !== undefined);
    if (mark) {
      out.uncertain ??= mark.reason;
      continue;
    }
    if (alarmMetrics(alarm).some(match)) out.matched.push(asString(alarm.properties['AlarmName']) ?? nameOf(alarm));
  }
  return out;
}

/** A metric in `namespace` named one of `names`, with dimension `dimension` equal to `value`. */
export function metricOn(namespace: string, names: readonly string[], dimension: string, value: string): (m: AlarmMetric) => boolean {
  return (m) => m.namespace === namespace && m.metricName !== undefined && names.includes(m.metricName) && m.dimensions[dimension] === value;
}

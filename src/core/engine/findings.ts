import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.js';
import { requirementKey } from '../model/requirement-ref.js';
import type { Resource } from '../model/resource.js';
import type { RuleRun } from './evaluate.js';
import { describeReason } from './reasons.js';
import { findWaiver, type WaiverSpec } from './waivers.js';

/** Fills `{{name}}` placeholders from outcome data; missing values stay visible as `{{name}}`. */
export function renderMessage(template: string, data: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g, (whole, key: string) =>
    data[key] === undefined ? whole : String(data[key]),
  );
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The line of the deepest recorded property on the path, else the resource's own line. */
export function lineOf(resource: Resource, path: string | undefined): number | undefined {
  const lines = resource.location.lines;
  if (path && lines) {
    for (let p = path; p !== ''; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
      const line = lines[p];
      if (line !== undefined) return line;
    }
  }
  return resource.location.line;
}

function findingResource(resource: Resource, path: string | undefined): Finding['resource'] {
  const { location } = resource;
  const line = lineOf(resource, path);
  return {
    uid: resource.uid,
    type: resource.type,
    source: resource.source,
    ...(resource.name !== undefined ? { name: resource.name } : {}),
    ...(resource.account !== undefined ? { account: resource.account } : {}),
    ...(resource.region !== undefined ? { region: resource.region } : {}),
    ...(location.file !== undefined ? { file: location.file } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(location.logicalId !== undefined ? { logicalId: location.logicalId } : {}),
    ...(location.address !== undefined ? { address: location.address } : {}),
  };
}

/**
 * Turns rule outcomes into findings, applying waivers. A finding's id is stable across runs for the same rule,
 * resource and property path, so `ftr diff` can tell fixed from new.
 */
export function buildFindings(
  runs: readonly RuleRun[],
  waivers: readonly WaiverSpec[],
  now: Date,
  checklist: string,
  lookup: (uid: string) => Resource | undefined,
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  for (const { rule, results } of runs) {
    const requirementIds = rule.meta.requirements.filter((r) => r.checklist === checklist).map(requirementKey);
    for (const { outcome, resource } of results) {
      const subject = outcome.subject !== undefined ? (lookup(outcome.subject) ?? resource) : resource;
      const base = `${rule.meta.id}/${shortHash(`${subject.uid}|${outcome.path ?? ''}`)}`;
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      const waiver = findWaiver(waivers, rule.meta.id, subject, outcome, now) ?? null;
      const template = outcome.messageId !== undefined ? rule.meta.messages[outcome.messageId] : undefined;
      const data = { resource: subject.name ?? subject.physicalId ?? subject.uid, ...outcome.data };
      const message =
        template !== undefined
          ? renderMessage(template, data)
          : outcome.status === 'error'
            ? `The rule failed on this resource: ${String(outcome.data['error'] ?? 'unknown error')}`
            : outcome.reason !== undefined
              ? `Not evaluated: ${describeReason(outcome.reason)}`
              : rule.meta.title;
      findings.push({
        id: count === 0 ? base : `${base}#${count}`,
        ruleId: rule.meta.id,
        requirementIds,
        status: waiver ? 'waived' : outcome.status,
        outcome: outcome.status,
        severity: rule.meta.severity,
        message,
        assumptions: subject.assumptions
          .filter((a) => outcome.path === undefined || a.path === '' || outcome.path.startsWith(a.path) || a.path.startsWith(outcome.path))
          .map((a) => a.note),
        waiver,
        resource: findingResource(subject, outcome.path),
        ...(outcome.messageId !== undefined ? { messageId: outcome.messageId } : {}),
        ...(outcome.reason !== undefined ? { reason: outcome.reason } : {}),
        ...(outcome.path !== undefined ? { propertyPath: outcome.path } : {}),
        ...(subject.observedAt !== undefined ? { observedAt: subject.observedAt } : {}),
      });
    }
  }
  return findings;
}

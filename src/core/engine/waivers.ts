import type { AppliedWaiver } from '../model/finding.js';
import type { Outcome } from '../model/outcome.js';
import type { Resource } from '../model/resource.js';
import { globMatches } from './glob.js';

/** A waiver from ftr.yaml or from code, with where it was written (ARCHITECTURE §5). */
export interface WaiverSpec {
  rule: string;
  resource: string;
  account?: string | undefined;
  region?: string | undefined;
  reason: string;
  owner?: string | undefined;
  expires?: string | undefined;
  /** `ftr.yaml:12`, or the template file and line for a suppression in code. */
  origin: string;
}

const WAIVABLE: ReadonlySet<Outcome['status']> = new Set(['fail', 'unknown', 'error']);

export function isExpired(expires: string | undefined, now: Date): boolean {
  return expires !== undefined && expires < now.toISOString().slice(0, 10);
}

function matchesResource(waiver: WaiverSpec, resource: Resource): boolean {
  if (waiver.account !== undefined && waiver.account !== resource.account) return false;
  if (waiver.region !== undefined && waiver.region !== resource.region) return false;
  const names = [resource.uid, resource.name, resource.physicalId, resource.location.arn, resource.location.logicalId, resource.location.address];
  return names.some((name) => globMatches(waiver.resource, name));
}

/** Waivers written in a resource's own code apply to that resource. */
export function suppressionsOf(resource: Resource): WaiverSpec[] {
  return resource.suppressions.map((s) => ({
    rule: s.rule,
    resource: resource.uid,
    reason: s.reason,
    owner: s.owner,
    expires: s.expires,
    origin: [s.file ?? resource.location.file ?? resource.uid, s.line].filter((p) => p !== undefined).join(':'),
  }));
}

/** The waiver that covers an outcome, if one does and has not expired. Passes are never waived. */
export function findWaiver(
  waivers: readonly WaiverSpec[],
  ruleId: string,
  resource: Resource,
  outcome: Outcome,
  now: Date,
): AppliedWaiver | undefined {
  if (!WAIVABLE.has(outcome.status)) return undefined;
  const candidates = [...waivers, ...suppressionsOf(resource)];
  const hit = candidates.find(
    (w) => globMatches(w.rule, ruleId) && !isExpired(w.expires, now) && matchesResource(w, resource),
  );
  if (!hit) return undefined;
  return {
    reason: hit.reason,
    origin: hit.origin,
    ...(hit.owner !== undefined ? { owner: hit.owner } : {}),
    ...(hit.expires !== undefined ? { expires: hit.expires } : {}),
  };
}

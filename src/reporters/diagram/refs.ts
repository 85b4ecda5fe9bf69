import { isResourceRef, type Resource } from '../../core/index.js';

/**
 * Finds the resource a property points at: an id (`subnet-0abc`, what CloudFormation's Ref returns), an ARN or uid,
 * or a `{ $ref }` a template parser wrote. Among several matches, one in the same account and Region wins.
 */
export class Lookup {
  private readonly byUid = new Map<string, Resource>();
  private readonly byPhysical = new Map<string, Resource[]>();

  constructor(resources: readonly Resource[]) {
    for (const r of resources) {
      this.byUid.set(r.uid, r);
      for (const key of [r.physicalId, r.location.arn].filter((k): k is string => k !== undefined)) {
        const list = this.byPhysical.get(key) ?? [];
        list.push(r);
        this.byPhysical.set(key, list);
      }
    }
  }

  find(value: unknown, type: string, near?: Resource): Resource | undefined {
    if (isResourceRef(value)) {
      const hit = this.byUid.get(value.$ref);
      return hit?.type === type ? hit : undefined;
    }
    if (typeof value !== 'string' || value === '') return undefined;
    const direct = this.byUid.get(value);
    if (direct?.type === type) return direct;
    const candidates = (this.byPhysical.get(value) ?? []).filter((r) => r.type === type);
    return candidates.find((r) => near !== undefined && r.account === near.account && r.region === near.region) ?? candidates[0];
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** How a resource is shown: its name, else its physical id, else the end of its uid. */
export function displayName(r: Resource): string {
  return r.name ?? r.physicalId ?? r.uid.split(/[/#:]/).pop() ?? r.uid;
}

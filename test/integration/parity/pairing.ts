// Test-only: pairs each resource of a deployed template (its code resource from the parser) with the resource the live
// collectors found for it, through the physical id CloudFormation reports for the logical id.
import { basename } from 'node:path';
import type { Resource, Snapshot } from '../../../src/core/index.js';
import type { StackResource } from './deploy.js';

export interface Pair {
  file: string;
  logicalId: string;
  type: string;
  physicalId: string;
  code: Resource;
  live: Resource;
}

export interface Unpaired {
  resource: StackResource;
  /** `not_modelled_live`: no collector writes this type, or its live form is part of another resource (FOLDED_LIVE). */
  reason: 'no_code_resource' | 'not_modelled_live' | 'not_found_live' | 'ambiguous_live';
  candidates?: string[];
}

/** The name at the end of a physical id: a queue URL ends with the queue name, an ARN with the resource's name. */
const lastSegment = (id: string) => id.split(/[/:]/).pop() ?? id;

function liveMatches(stack: StackResource, candidates: readonly Resource[]): Resource[] {
  const id = stack.physicalId;
  if (id === '') {
    // moto leaves the physical id of some resources empty (Redshift clusters) and names them `<stack>-<LogicalId>-<suffix>`.
    const prefix = `${stack.stack}-${stack.logicalId}-`;
    return candidates.filter((r) => (r.name ?? '').startsWith(prefix) || (r.physicalId ?? '').startsWith(prefix));
  }
  const tests: Array<(r: Resource) => boolean> = [
    (r) => r.physicalId === id,
    (r) => r.uid === id || r.location.arn === id,
    (r) => r.name === id,
    // A queue's physical id is its URL, whose host is AWS's; the collector records the URL the endpoint gave.
    (r) => /^https?:\/\//.test(id) && r.name === lastSegment(id),
  ];
  for (const test of tests) {
    const found = candidates.filter(test);
    if (found.length > 0) return found;
  }
  return [];
}

function codeResource(stack: StackResource, code: Snapshot): Resource | undefined {
  const file = basename(stack.file);
  return code.resources.find((r) => r.location.logicalId === stack.logicalId && r.type === stack.type && basename(r.location.file ?? '') === file);
}

/** Types whose live form is part of another resource (docs/resource-model.md), so they have no live pair of their own. */
export const FOLDED_LIVE: Readonly<Record<string, string>> = {
  'AWS::EC2::SecurityGroupIngress': 'live ingress rules are inline on their security group',
  'AWS::EC2::SecurityGroupEgress': 'live egress rules are inline on their security group',
  'AWS::IAM::Policy': 'live inline policies sit on their user, role or group',
};

/** A type is modelled live when a live resource of it exists or a collection record says its listing was made. */
function modelledLive(type: string, live: Snapshot): boolean {
  if (FOLDED_LIVE[type] !== undefined) return false;
  return live.resources.some((r) => r.type === type) || live.collection.some((r) => r.lists.includes(type) && !r.lists.includes('*'));
}

export function pairResources(stackResources: readonly StackResource[], code: Snapshot, live: Snapshot): { pairs: Pair[]; unpaired: Unpaired[] } {
  const pairs: Pair[] = [];
  const unpaired: Unpaired[] = [];
  for (const stack of stackResources) {
    const codeSide = codeResource(stack, code);
    if (!codeSide) {
      unpaired.push({ resource: stack, reason: 'no_code_resource' });
      continue;
    }
    if (!modelledLive(stack.type, live) || !live.resources.some((r) => r.type === stack.type)) {
      unpaired.push({ resource: stack, reason: modelledLive(stack.type, live) ? 'not_found_live' : 'not_modelled_live' });
      continue;
    }
    const found = liveMatches(stack, live.resources.filter((r) => r.type === stack.type));
    if (found.length !== 1) {
      unpaired.push({ resource: stack, reason: found.length === 0 ? 'not_found_live' : 'ambiguous_live', candidates: found.map((r) => r.uid) });
      continue;
    }
    pairs.push({ file: basename(stack.file), logicalId: stack.logicalId, type: stack.type, physicalId: stack.physicalId, code: codeSide, live: found[0]! });
  }
  return { pairs, unpaired };
}

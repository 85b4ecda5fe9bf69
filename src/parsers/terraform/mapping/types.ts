import type { ResourceRef } from '../../../core/index.js';
import type { Values } from './helpers.js';

export interface MapContext {
  /** A `$ref` to the resource being mapped (for a security group rule with `self = true`). */
  self(): ResourceRef;
  /** Notes an assumption made while mapping. */
  assume(note: string): void;
}

/** One CloudFormation-shaped resource a Terraform resource becomes; `suffix` tells extra ones apart in the uid. */
export interface MappedResource {
  type: string;
  properties: Record<string, unknown>;
  suffix?: string;
}

/** How one Terraform resource type becomes CloudFormation-shaped resources. */
export interface TfMapping {
  map(values: Values, ctx: MapContext): MappedResource[];
}

/**
 * A Terraform resource whose settings live on another resource in CloudFormation: S3's split bucket configuration,
 * policy attachments, a user's login profile. It is matched to its target by reference (or literal name) and its
 * contribution merged into the target's properties.
 */
export interface TfAttachment {
  /** Terraform types it may attach to. */
  targets: readonly string[];
  /** The attribute that names the target (`bucket`, `role`). */
  via: string;
  /** The target attribute a literal `via` value is compared with (`bucket` for S3, `name` for IAM). */
  targetKey: string;
  /** CloudFormation properties this resource sets on its target. */
  contribute(values: Values): Record<string, unknown>;
  /** `set` replaces the property; `append` adds to a list property (ManagedPolicyArns). */
  merge: 'set' | 'append';
}

/** Helper to declare a one-to-one mapping. */
export function oneToOne(type: string, map: (values: Values, ctx: MapContext) => Record<string, unknown>): TfMapping {
  return { map: (values, ctx) => [{ type, properties: map(values, ctx) }] };
}

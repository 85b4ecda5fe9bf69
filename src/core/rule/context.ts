import type { ProductFacts } from '../config/schema.js';
import type { Outcome, OutcomeData } from '../model/outcome.js';
import type { Resource, UnknownMark } from '../model/resource.js';
import type { Source } from '../model/status.js';

/** What a rule may look at beyond the resource itself. Everything it reads goes through here, so rules stay pure. */
export interface RelatedResult {
  resources: Resource[];
  /** False when some of the related resources could not be listed; `reason` says why. */
  complete: boolean;
  reason?: string;
}

export interface InventoryFilter {
  account?: string | undefined;
  region?: string | undefined;
  source?: Source | undefined;
}

export interface RuleContext<M extends string = string> {
  /** The time of the assessment; rules never read the clock. */
  readonly now: Date;
  readonly facts: ProductFacts;
  readonly scope: { sources: readonly Source[]; accounts: readonly string[]; regions: readonly string[] };

  pass(messageId: M, data?: OutcomeData): Outcome;
  fail(messageId: M, data?: OutcomeData, options?: { path?: string; subject?: string }): Outcome;
  /** `reason` is machine-readable (`unresolved:...`, `collection_failed:<action>`, `missing_data:<what>`). */
  unknown(reason: string, options?: { messageId?: M; data?: OutcomeData; path?: string; subject?: string }): Outcome;
  notApplicable(messageId?: M, data?: OutcomeData): Outcome;

  /**
   * Reads a property by JSON pointer (`/BucketEncryption/ServerSideEncryptionConfiguration`). When any part of it is
   * unknown, it throws, and the engine turns the throw into an `unknown` outcome carrying the recorded reason: a rule
   * that reads through `get` cannot pass on something it did not see.
   */
  get(resource: Resource, pointer: string): unknown;
  /** The unknown mark covering a pointer, if any (a parent, the pointer itself or a part of it). */
  unknownAt(resource: Resource, pointer: string): UnknownMark | undefined;

  /** Resources of `type` whose `property` refers to `resource` (a bucket's policies, a group's ingress rules). */
  related(resource: Resource, type: string, property: string): RelatedResult;
  /** The resource a reference value points at (a `Ref`, an id, a name or an ARN), within the same account/source. */
  resolve(from: Resource, value: unknown, type?: string): Resource | undefined;
  /** All resources of a type, optionally narrowed. */
  resources(type: string, filter?: InventoryFilter): Resource[];
  /** Whether the inventory of a type was fully listed for the filter; `reason` names what failed. */
  inventory(type: string, filter?: InventoryFilter): { complete: boolean; reason?: string };
}

/** Thrown by `ctx.get` when a value cannot be known; the engine records it as an `unknown` outcome. */
export class UnknownValueError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`value at ${path} is unknown (${reason})`);
    this.name = 'UnknownValueError';
  }
}

import { isResourceRef, type Assumption, type Resource, type UnknownMark } from '../../core/index.js';
import type { SnapshotCollector } from '../shared/collector.js';
import type { FileProblem } from '../shared/input-error.js';
import { literalName } from '../shared/names.js';
import { setOwn } from '../shared/positions.js';
import { isPlainObject, makeRef, materialize, Symbolic, Unresolved } from '../shared/values.js';
import { TF_ATTACHMENTS, TF_MAPPINGS, UNMAPPED_TYPE } from './mapping/index.js';
import type { TfAttachment } from './mapping/types.js';
import type { TfResource } from './model.js';
import { mapLines } from './property-lines.js';

interface Draft {
  input: TfResource;
  uid: string;
  type: string;
  properties: Record<string, unknown>;
  unknown: UnknownMark[];
  notes: string[];
  primary: boolean;
  /** Lines of the CloudFormation-shaped properties (`.tf` input only). */
  lines: Record<string, number>;
}

/**
 * Maps the Terraform resources of one input (a plan, or the `.tf` files of one module) onto CloudFormation-shaped
 * resources, merges split configuration (S3 bucket settings, policy attachments) into their targets, and adds the
 * results to the collector. Problems are reported per file.
 */
export function buildTerraform(inputs: readonly TfResource[], out: SnapshotCollector, problems: (file: string) => FileProblem[]): void {
  const drafts: Draft[] = [];
  const byUid = new Map<string, Draft>();
  const byTfType = new Map<string, Draft[]>();
  const attachments: TfResource[] = [];

  for (const input of inputs) {
    if (TF_ATTACHMENTS[input.type] !== undefined) {
      attachments.push(input);
      continue;
    }
    const notes: string[] = [];
    let mapped;
    try {
      const mapping = TF_MAPPINGS[input.type];
      mapped = mapping
        ? mapping.map(input.values, { self: () => makeRef(input.uid), assume: (note) => notes.push(note) })
        : [{ type: UNMAPPED_TYPE, properties: { TerraformType: input.type } }];
    } catch (error) {
      problems(input.file).push({ message: `${input.address} could not be read: ${error instanceof Error ? error.message : String(error)}`, line: input.line });
      mapped = [{ type: UNMAPPED_TYPE, properties: { TerraformType: input.type } }];
    }
    mapped.forEach((m, i) => {
      const draft: Draft = { input, uid: m.suffix === undefined ? input.uid : `${input.uid}~${m.suffix}`, type: m.type, properties: m.properties, unknown: [], notes, primary: i === 0, lines: {} };
      if (input.lines !== undefined) mapLines(m.properties, input.values, input.lines, draft.lines);
      drafts.push(draft);
      byUid.set(draft.uid, draft);
      if (draft.primary) {
        const list = byTfType.get(input.type);
        if (list) list.push(draft);
        else byTfType.set(input.type, [draft]);
      }
    });
  }

  const targets = new TargetIndex(byUid, byTfType);
  for (const input of attachments) attach(input, TF_ATTACHMENTS[input.type]!, targets);
  targets.markUnresolved();

  for (const draft of drafts) out.add(finalize(draft));
}

/** Finds attachment targets by uid or literal name in constant time, and collects what could not be attached. */
class TargetIndex {
  private readonly byLiteral = new Map<string, Map<unknown, Draft>>();
  /** Per target type and property: the first attachment whose target is unknown (one mark per property suffices). */
  private readonly unresolved = new Map<string, Map<string, string>>();

  constructor(
    readonly byUid: ReadonlyMap<string, Draft>,
    private readonly byTfType: ReadonlyMap<string, Draft[]>,
  ) {}

  byName(type: string, key: string, value: string): Draft | undefined {
    const id = `${type}\u0000${key}`;
    let index = this.byLiteral.get(id);
    if (index === undefined) {
      index = new Map();
      for (const draft of this.byTfType.get(type) ?? []) if (!index.has(draft.input.values[key])) index.set(draft.input.values[key], draft);
      this.byLiteral.set(id, index);
    }
    return index.get(value);
  }

  unresolvedTarget(types: readonly string[], properties: readonly string[], address: string): void {
    for (const type of types) {
      let byProperty = this.unresolved.get(type);
      if (byProperty === undefined) this.unresolved.set(type, (byProperty = new Map()));
      for (const property of properties) if (!byProperty.has(property)) byProperty.set(property, address);
    }
  }

  markUnresolved(): void {
    for (const [type, byProperty] of this.unresolved) {
      for (const draft of this.byTfType.get(type) ?? []) {
        for (const [property, address] of byProperty) draft.unknown.push({ path: `/${property}`, reason: `unresolved:${address}` });
      }
    }
  }
}

function attach(input: TfResource, attachment: TfAttachment, targets: TargetIndex): void {
  const via = input.values[attachment.via];
  const contribution = attachment.contribute(input.values);
  let target: Draft | undefined;
  if (isResourceRef(via)) target = targets.byUid.get(via.$ref);
  else if (typeof via === 'string') for (const type of attachment.targets) target ??= targets.byName(type, attachment.targetKey, via);
  if (target !== undefined && attachment.targets.includes(target.input.type)) {
    // Lines only from the same file: a finding names the target's file.
    const lines = input.lines !== undefined && input.file === target.input.file ? attachmentLines(input, contribution) : undefined;
    for (const [key, value] of Object.entries(contribution)) {
      if (value === undefined) continue;
      const pointer = `/${key}`;
      if (attachment.merge === 'set') {
        setOwn(target.properties, key, value);
        if (lines !== undefined) {
          for (const at of Object.keys(target.lines)) if (at === pointer || at.startsWith(`${pointer}/`)) delete target.lines[at];
          for (const [at, line] of Object.entries(lines)) if (at === pointer || at.startsWith(`${pointer}/`)) target.lines[at] = line;
        }
      } else {
        const before = Array.isArray(target.properties[key]) ? (target.properties[key] as unknown[]).length : target.properties[key] === undefined ? 0 : 1;
        target.properties[key] = appendTo(target.properties[key], value);
        if (lines !== undefined && input.line !== undefined) {
          target.lines[pointer] ??= input.line;
          const added = Array.isArray(value) ? value.length : 1;
          for (let i = 0; i < added; i++) target.lines[`${pointer}/${before + i}`] = input.line;
        }
      }
    }
    return;
  }
  const unknownTarget = via instanceof Unresolved || via instanceof Symbolic || (isResourceRef(via) && !targets.byUid.has(via.$ref));
  // A literal name of a resource outside this input: nothing here to attach it to.
  if (unknownTarget) targets.unresolvedTarget(attachment.targets, Object.keys(contribution), input.address);
}

/** The lines of an attachment's contribution: its matching attributes, else the attachment block's own line. */
function attachmentLines(input: TfResource, contribution: Record<string, unknown>): Record<string, number> {
  const lines: Record<string, number> = {};
  mapLines(contribution, input.values, input.lines ?? {}, lines);
  if (input.line !== undefined) for (const key of Object.keys(contribution)) lines[`/${key}`] ??= input.line;
  return lines;
}

function appendTo(existing: unknown, added: unknown): unknown {
  if (existing instanceof Unresolved) return existing;
  if (added instanceof Unresolved) return added;
  const list = Array.isArray(existing) ? existing : existing === undefined ? [] : [existing];
  return [...list, ...(Array.isArray(added) ? added : [added])];
}

function finalize(draft: Draft): Resource {
  const { input } = draft;
  const names = literalName(draft.type, draft.properties);
  const unknown = [...draft.unknown];
  const properties = (materialize(draft.properties, '', unknown) ?? {}) as Record<string, unknown>;
  const assumptions: Assumption[] = [...input.assumptions, ...[...new Set(draft.notes)].map((note) => ({ path: '', note }))];
  return {
    uid: draft.uid,
    type: draft.type,
    source: 'terraform',
    ...(input.account !== undefined ? { account: input.account } : {}),
    name: names.name ?? input.address,
    ...(names.physicalId !== undefined ? { physicalId: names.physicalId } : {}),
    properties,
    tags: tagsOf(input.values['tags']),
    location: {
      file: input.file,
      ...(input.line !== undefined ? { line: input.line } : {}),
      ...(input.column !== undefined ? { column: input.column } : {}),
      address: input.address,
      ...(Object.keys(draft.lines).length > 0 ? { lines: draft.lines } : {}),
    },
    unknown,
    assumptions,
    suppressions: input.suppressions,
  };
}

function tagsOf(tags: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isPlainObject(tags)) for (const [key, value] of Object.entries(tags)) if (typeof value === 'string') setOwn(out, key, value);
  return out;
}

import type { Assumption, ResourceRef } from '../../core/index.js';
import type { FileProblem } from '../shared/input-error.js';
import type { PositionTable } from '../shared/positions.js';
import { makeRef, Unresolved } from '../shared/values.js';
import { Evaluator } from './evaluate.js';
import { parameterValue, type ParameterDef, type ParameterMode } from './parameters.js';
import { PSEUDO_PARAMETERS, pseudoParameterValue } from './pseudo-parameters.js';

export interface ScopeInit {
  file: string;
  positions: PositionTable;
  /** `cfn:<root file>#` plus the logical ids of the nested stacks on the way (`Network/`). */
  uidPrefix: string;
  parameters: Map<string, ParameterDef>;
  /** Values given for parameters (--parameters, or a parent stack's `Parameters`), and for pseudo-parameters. */
  given: Record<string, unknown>;
  /** What every parameter without a given value receives when a parent's `Parameters` is unknown as a whole. */
  givenFallback?: Unresolved | undefined;
  mappings: unknown;
  conditions: Record<string, unknown>;
  logicalIds: ReadonlySet<string>;
  /** SAM creates resources a template may refer to (`ServerlessRestApi`, `<Function>Role`); unknown refs are not errors there. */
  serverless: boolean;
}

/**
 * Everything about one template instance that resolving a value needs: parameters and what was given for them,
 * mappings, conditions (evaluated once each, cycles cut), the logical ids references may point at, and where
 * assumptions and problems are collected.
 */
export class TemplateScope {
  readonly file: string;
  readonly positions: PositionTable;
  readonly uidPrefix: string;
  readonly parameters: Map<string, ParameterDef>;
  readonly mappings: unknown;
  readonly serverless: boolean;
  readonly problems: FileProblem[] = [];
  readonly property: Evaluator;
  readonly condition: Evaluator;
  private readonly given: Record<string, unknown>;
  private readonly givenFallback: Unresolved | undefined;
  private readonly conditions: Record<string, unknown>;
  private readonly logicalIds: ReadonlySet<string>;
  private readonly conditionMemo = new Map<string, { value: boolean | Unresolved; notes: string[] }>();
  private readonly visiting = new Set<string>();
  private readonly collectors: Set<string>[] = [];
  /** One instance of each note text: the same assumption recurs on many resources. */
  private readonly noteTexts = new Map<string, string>();

  constructor(init: ScopeInit) {
    this.file = init.file;
    this.positions = init.positions;
    this.uidPrefix = init.uidPrefix;
    this.parameters = init.parameters;
    this.given = init.given;
    this.givenFallback = init.givenFallback;
    this.mappings = init.mappings;
    this.conditions = init.conditions;
    this.logicalIds = init.logicalIds;
    this.serverless = init.serverless;
    this.property = new Evaluator(this, 'property');
    this.condition = new Evaluator(this, 'condition');
  }

  uidOf(logicalId: string): string {
    return `${this.uidPrefix}${logicalId}`;
  }

  hasResource(logicalId: string): boolean {
    return this.logicalIds.has(logicalId);
  }

  /** A `$ref` to a resource of this template. */
  refTo(logicalId: string, attribute?: string): ResourceRef {
    return makeRef(this.uidOf(logicalId), attribute);
  }

  /**
   * How a `$ref` reads inside a string: `${LogicalId}` or `${LogicalId.Attr}`, the logical id being the last part of
   * the uid (`cfn:<file>#Network/Vpc` → `Vpc`), also for a reference a parent stack passed down.
   */
  textOfRef(ref: ResourceRef): string {
    const uid = ref.$ref;
    const logicalId = uid.slice(Math.max(uid.lastIndexOf('#'), uid.lastIndexOf('/')) + 1);
    return ref.attribute === undefined ? `\${${logicalId}}` : `\${${logicalId}.${ref.attribute}}`;
  }

  /** `Ref name`, as a property (`property`) or inside a condition (`condition`, where secrets may be compared). */
  ref(name: string, mode: ParameterMode): unknown {
    const def = this.parameters.get(name);
    const given = Object.hasOwn(this.given, name) ? this.given[name] : undefined;
    if (def !== undefined) return parameterValue(def, given ?? this.givenFallback, mode, (note) => this.assume(note));
    if (PSEUDO_PARAMETERS.has(name)) return pseudoParameterValue(name, given, (note) => this.assume(note));
    if (this.logicalIds.has(name)) return this.refTo(name);
    return undefined;
  }

  /** Records an assumption on the value being resolved. */
  assume(note: string): void {
    const collector = this.collectors[this.collectors.length - 1];
    if (collector === undefined) return;
    collector.add(this.intern(note));
  }

  intern(note: string): string {
    let text = this.noteTexts.get(note);
    if (text === undefined) this.noteTexts.set(note, (text = note));
    return text;
  }

  /** Resolves something while collecting the assumptions it rests on. */
  collect<T>(work: () => T): { value: T; notes: string[] } {
    const notes = new Set<string>();
    this.collectors.push(notes);
    try {
      return { value: work(), notes: [...notes] };
    } finally {
      this.collectors.pop();
    }
  }

  /** Notes as assumptions on a property path. */
  static assumptions(path: string, notes: readonly string[]): Assumption[] {
    return notes.map((note) => ({ path, note }));
  }

  problem(message: string, container?: object, key?: string | number): void {
    const pos = container !== undefined && key !== undefined ? this.positions.of(container, key) : undefined;
    this.problems.push({ message, line: pos?.line, column: pos?.column });
  }

  /** The value of a named condition: true, false, or unknown when it rests on something unknown. Cycles are cut. */
  conditionValue(name: string): boolean | Unresolved {
    const memo = this.conditionMemo.get(name);
    if (memo !== undefined) {
      for (const note of memo.notes) this.assume(note);
      return memo.value;
    }
    if (!Object.hasOwn(this.conditions, name)) {
      this.problem(`the condition ${JSON.stringify(name)} is used but not declared under Conditions`);
      return new Unresolved(`condition:${name}`);
    }
    if (this.visiting.has(name)) {
      this.problem(`the condition ${JSON.stringify(name)} refers to itself through other conditions (a cycle)`, this.conditions, name);
      return new Unresolved(`circular:Condition:${name}`);
    }
    this.visiting.add(name);
    let result: { value: unknown; notes: string[] };
    try {
      result = this.collect(() => this.condition.eval(this.conditions[name], 0));
    } finally {
      this.visiting.delete(name);
    }
    const value = toBoolean(result.value);
    const notes = result.notes.map((note) => this.intern(note.startsWith('condition ') ? note : `condition ${name} ${note}`));
    this.conditionMemo.set(name, { value, notes });
    for (const note of notes) this.assume(note);
    return value;
  }
}

function toBoolean(value: unknown): boolean | Unresolved {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (value instanceof Unresolved) return value;
  return new Unresolved('unresolved:Condition');
}

import { setOwn } from '../shared/positions.js';
import { Unresolved } from '../shared/values.js';
import { INTRINSICS } from './intrinsics/index.js';
import type { ParameterMode } from './parameters.js';
import type { TemplateScope } from './scope.js';

/** Values nested deeper than this inside one property are not resolved (the parser already caps document depth). */
const MAX_DEPTH = 600;

/**
 * Resolves template values: literals are copied, intrinsic functions evaluated. The result may hold `Unresolved`,
 * `Symbolic` and `NO_VALUE` parts, which `materialize` turns into unknown marks later. One pass, no expansion of
 * condition combinations: an undecidable condition makes its `Fn::If` unknown instead.
 */
export class Evaluator {
  constructor(
    readonly scope: TemplateScope,
    readonly mode: ParameterMode,
  ) {}

  eval(node: unknown, depth: number): unknown {
    if (node === null || typeof node !== 'object') return node;
    if (depth > MAX_DEPTH) return new Unresolved('unresolved:too_deep');
    // Copy on write: literal parts of the template are returned as they are, so large literal documents (policies)
    // cost no allocation. Nothing downstream mutates them.
    if (Array.isArray(node)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < node.length; i++) {
        const item = node[i] as unknown;
        const value = this.eval(item, depth + 1);
        if (out === undefined && value !== item) out = node.slice(0, i);
        out?.push(value);
      }
      return out ?? node;
    }
    const record = node as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1) {
      const key = keys[0]!;
      const intrinsic = INTRINSICS.get(key);
      if (intrinsic !== undefined && (key !== 'Condition' || this.mode === 'condition')) return intrinsic(record[key], this, depth + 1, record);
      if (key.startsWith('Fn::')) {
        this.scope.problem(`unknown intrinsic function ${key}`, record, key);
        return new Unresolved(`unknown_intrinsic:${key}`);
      }
    }
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const item = record[key];
      const value = this.eval(item, depth + 1);
      if (out === undefined && value !== item) {
        out = {};
        for (let j = 0; j < i; j++) setOwn(out, keys[j]!, record[keys[j]!]);
      }
      if (out !== undefined) setOwn(out, key, value);
    }
    return out ?? record;
  }
}

export type Intrinsic = (argument: unknown, evaluator: Evaluator, depth: number, node: Record<string, unknown>) => unknown;

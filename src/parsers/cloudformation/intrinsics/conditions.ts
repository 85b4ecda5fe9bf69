import { isResourceRef } from '../../../core/index.js';
import { isFullyKnown, Symbolic, Unresolved } from '../../shared/values.js';
import type { Evaluator, Intrinsic } from '../evaluate.js';

/** `Fn::If`: the branch of a decidable condition; an undecidable one leaves the value unknown (`condition:<Name>`). */
export const fnIf: Intrinsic = (argument, evaluator, depth, node) => {
  if (!Array.isArray(argument) || argument.length !== 3 || typeof argument[0] !== 'string') {
    evaluator.scope.problem('Fn::If expects [ConditionName, ValueIfTrue, ValueIfFalse]', node, 'Fn::If');
    return new Unresolved('unresolved:If');
  }
  const decided = evaluator.scope.conditionValue(argument[0]);
  if (decided instanceof Unresolved) return new Unresolved(`condition:${argument[0]}`);
  return evaluator.eval(decided ? argument[1] : argument[2], depth);
};

/** `Condition: Name` inside a condition. */
export const condition: Intrinsic = (argument, evaluator) =>
  typeof argument === 'string' ? evaluator.scope.conditionValue(argument) : new Unresolved('unresolved:Condition');

export const equals: Intrinsic = (argument, evaluator, depth, node) => {
  if (!Array.isArray(argument) || argument.length !== 2) {
    evaluator.scope.problem('Fn::Equals expects [Value1, Value2]', node, 'Fn::Equals');
    return new Unresolved('unresolved:Equals');
  }
  const [a, b] = argument.map((item) => comparable(evaluator.eval(item, depth)));
  if (a instanceof Unresolved) return a;
  if (b instanceof Unresolved) return b;
  return a === b;
};

function comparable(value: unknown): string | Unresolved {
  if (value instanceof Unresolved) return value;
  if (value instanceof Symbolic) return new Unresolved(value.reason ?? 'unresolved:Equals');
  if (isResourceRef(value)) return new Unresolved('unresolved:Equals');
  if (value !== null && typeof value === 'object') return isFullyKnown(value) ? JSON.stringify(value) : new Unresolved('unresolved:Equals');
  return String(value);
}

function truth(values: unknown[], evaluator: Evaluator, depth: number, stopAt: boolean): boolean | Unresolved {
  let unknown: Unresolved | undefined;
  for (const item of values) {
    const value = evaluator.eval(item, depth);
    const bool = value === 'true' ? true : value === 'false' ? false : value;
    if (bool === stopAt) return stopAt;
    if (typeof bool !== 'boolean') unknown ??= bool instanceof Unresolved ? bool : new Unresolved('unresolved:Condition');
  }
  return unknown ?? !stopAt;
}

/** `Fn::And`: false as soon as one part is false, even when another is unknown. */
export const and: Intrinsic = (argument, evaluator, depth) =>
  Array.isArray(argument) ? truth(argument, evaluator, depth, false) : new Unresolved('unresolved:And');

export const or: Intrinsic = (argument, evaluator, depth) =>
  Array.isArray(argument) ? truth(argument, evaluator, depth, true) : new Unresolved('unresolved:Or');

export const not: Intrinsic = (argument, evaluator, depth) => {
  const value = evaluator.eval(Array.isArray(argument) ? argument[0] : argument, depth);
  if (value === true || value === 'true') return false;
  if (value === false || value === 'false') return true;
  return value instanceof Unresolved ? value : new Unresolved('unresolved:Not');
};

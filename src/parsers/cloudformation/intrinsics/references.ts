import { NO_VALUE, Unresolved } from '../../shared/values.js';
import type { Intrinsic } from '../evaluate.js';

/** `Ref`: a parameter, a pseudo-parameter, a resource of the template (→ `$ref`), or `AWS::NoValue`. */
export const ref: Intrinsic = (argument, evaluator, depth, node) => {
  const name = evaluator.eval(argument, depth);
  if (typeof name !== 'string') return name instanceof Unresolved ? name : new Unresolved('unresolved:Ref');
  if (name === 'AWS::NoValue') return NO_VALUE;
  const value = evaluator.scope.ref(name, evaluator.mode);
  if (value !== undefined) return value;
  if (!evaluator.scope.serverless) evaluator.scope.problem(`Ref to ${JSON.stringify(name)}, which is neither a parameter nor a resource of this template`, node, 'Ref');
  return new Unresolved(`unresolved:Ref:${name}`);
};

/** `Fn::GetAtt`: an attribute of a resource of the template, kept as `{ $ref, attribute }`. */
export const getAtt: Intrinsic = (argument, evaluator, depth, node) => {
  let logicalId: unknown;
  let attribute: unknown;
  if (typeof argument === 'string') {
    const dot = argument.indexOf('.');
    [logicalId, attribute] = dot < 0 ? [argument, undefined] : [argument.slice(0, dot), argument.slice(dot + 1)];
  } else if (Array.isArray(argument)) {
    logicalId = argument[0];
    attribute = evaluator.eval(argument.length > 2 ? argument.slice(1).join('.') : argument[1], depth);
  }
  if (attribute instanceof Unresolved) return attribute;
  if (typeof logicalId !== 'string' || typeof attribute !== 'string') {
    evaluator.scope.problem('Fn::GetAtt expects [LogicalId, AttributeName]', node, 'Fn::GetAtt');
    return new Unresolved('unresolved:GetAtt');
  }
  if (evaluator.scope.hasResource(logicalId)) return evaluator.scope.refTo(logicalId, attribute);
  if (!evaluator.scope.serverless) evaluator.scope.problem(`Fn::GetAtt of ${JSON.stringify(logicalId)}, which is not a resource of this template`, node, 'Fn::GetAtt');
  return new Unresolved('unresolved:GetAtt');
};

export const importValue: Intrinsic = () => new Unresolved('unresolved:ImportValue');
export const transform: Intrinsic = () => new Unresolved('unresolved:Transform');

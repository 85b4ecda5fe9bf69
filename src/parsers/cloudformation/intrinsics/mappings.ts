import { isPlainObject, Unresolved } from '../../shared/values.js';
import type { Intrinsic } from '../evaluate.js';
import { plainScalar } from './text.js';

/** `Fn::FindInMap`: `[MapName, TopLevelKey, SecondLevelKey, { DefaultValue }?]`. */
export const findInMap: Intrinsic = (argument, evaluator, depth, node) => {
  if (!Array.isArray(argument) || argument.length < 3 || argument.length > 4) {
    evaluator.scope.problem('Fn::FindInMap expects [MapName, TopLevelKey, SecondLevelKey]', node, 'Fn::FindInMap');
    return new Unresolved('unresolved:FindInMap');
  }
  const keys = argument.slice(0, 3).map((item) => plainScalar(evaluator.eval(item, depth), 'FindInMap'));
  for (const key of keys) if (key instanceof Unresolved) return key;
  const [mapName, top, second] = keys.map(String) as [string, string, string];
  const map = isPlainObject(evaluator.scope.mappings) ? evaluator.scope.mappings[mapName] : undefined;
  const level = isPlainObject(map) ? map[top] : undefined;
  if (isPlainObject(level) && Object.hasOwn(level, second)) return evaluator.eval(level[second], depth);
  const options = argument[3];
  if (isPlainObject(options) && Object.hasOwn(options, 'DefaultValue')) return evaluator.eval(options['DefaultValue'], depth);
  if (!isPlainObject(map)) evaluator.scope.problem(`Fn::FindInMap names the mapping ${JSON.stringify(mapName)}, which is not declared under Mappings`, node, 'Fn::FindInMap');
  return new Unresolved('unresolved:FindInMap');
};

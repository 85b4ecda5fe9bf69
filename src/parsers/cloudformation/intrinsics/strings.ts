import { isFullyKnown, isPlainObject, Symbolic, Unresolved } from '../../shared/values.js';
import type { Evaluator, Intrinsic } from '../evaluate.js';
import { joinPieces, plainScalar, textOf, type TextPiece } from './text.js';

/** `Fn::Sub`: `${Name}`, `${Resource.Attr}` and `${!Literal}`; deploy-time values stay as `${…}` text. */
export const sub: Intrinsic = (argument, evaluator, depth, node) => {
  let template: unknown = argument;
  let variables: Record<string, unknown> = {};
  if (Array.isArray(argument)) {
    template = evaluator.eval(argument[0], depth);
    if (argument.length > 1) {
      if (!isPlainObject(argument[1])) {
        evaluator.scope.problem('Fn::Sub expects [String, { Name: Value }]', node, 'Fn::Sub');
        return new Unresolved('unresolved:Sub');
      }
      variables = argument[1];
    }
  }
  if (template instanceof Unresolved) return template;
  if (typeof template !== 'string') {
    evaluator.scope.problem('Fn::Sub expects a string or [String, { Name: Value }]', node, 'Fn::Sub');
    return new Unresolved('unresolved:Sub');
  }
  return substitute(template, variables, evaluator, depth, node);
};

function substitute(template: string, variables: Record<string, unknown>, evaluator: Evaluator, depth: number, node: object): string | Symbolic | Unresolved {
  if (!template.includes('${')) return template;
  const pieces: TextPiece[] = [];
  let from = 0;
  for (;;) {
    const start = template.indexOf('${', from);
    if (start < 0) break;
    if (template.charCodeAt(start + 2) === 33) {
      pieces.push({ text: `${template.slice(from, start)}\${`, symbolic: false });
      from = start + 3;
      continue;
    }
    const end = template.indexOf('}', start + 2);
    if (end < 0) break;
    pieces.push({ text: template.slice(from, start), symbolic: false });
    const name = template.slice(start + 2, end).trim();
    pieces.push(textOf(lookup(name, variables, evaluator, depth, node), evaluator.scope, 'Sub'));
    from = end + 1;
  }
  pieces.push({ text: template.slice(from), symbolic: false });
  return joinPieces(pieces, '');
}

function lookup(name: string, variables: Record<string, unknown>, evaluator: Evaluator, depth: number, node: object): unknown {
  if (Object.hasOwn(variables, name)) return evaluator.eval(variables[name], depth);
  const value = evaluator.scope.ref(name, evaluator.mode);
  if (value !== undefined) return value;
  const dot = name.indexOf('.');
  if (dot > 0) {
    const logicalId = name.slice(0, dot);
    if (evaluator.scope.hasResource(logicalId)) return evaluator.scope.refTo(logicalId, name.slice(dot + 1));
  }
  if (!evaluator.scope.serverless) evaluator.scope.problem(`Fn::Sub refers to \${${name}}, which is neither a parameter, a resource nor a variable`, node, 'Fn::Sub');
  return new Unresolved(`unresolved:Sub:${name}`);
}

/** `Fn::Join`: `[separator, [values…]]`. */
export const join: Intrinsic = (argument, evaluator, depth, node) => {
  if (!Array.isArray(argument) || argument.length !== 2) {
    evaluator.scope.problem('Fn::Join expects [Separator, [Values]]', node, 'Fn::Join');
    return new Unresolved('unresolved:Join');
  }
  const separator = plainScalar(evaluator.eval(argument[0], depth), 'Join');
  if (separator instanceof Unresolved) return separator;
  const list = evaluator.eval(argument[1], depth);
  if (list instanceof Unresolved) return list;
  if (list instanceof Symbolic) return new Unresolved(list.reason ?? 'unresolved:Join');
  if (!Array.isArray(list)) {
    evaluator.scope.problem('Fn::Join expects a list of values to join', node, 'Fn::Join');
    return new Unresolved('unresolved:Join');
  }
  return joinPieces(list.map((item) => textOf(item, evaluator.scope, 'Join')), String(separator));
};

/** `Fn::Split`: `[delimiter, string]`; a string only known at deploy time cannot be split. */
export const split: Intrinsic = (argument, evaluator, depth, node) => {
  if (!Array.isArray(argument) || argument.length !== 2) {
    evaluator.scope.problem('Fn::Split expects [Delimiter, String]', node, 'Fn::Split');
    return new Unresolved('unresolved:Split');
  }
  const delimiter = plainScalar(evaluator.eval(argument[0], depth), 'Split');
  const source = plainScalar(evaluator.eval(argument[1], depth), 'Split');
  if (delimiter instanceof Unresolved) return delimiter;
  if (source instanceof Unresolved) return source;
  return String(source).split(String(delimiter));
};

/** `Fn::Base64`: the plain text is kept (rules read the content, and user data is reduced to flags anyway). */
export const base64: Intrinsic = (argument, evaluator, depth) => evaluator.eval(argument, depth);

/** `Fn::ToJsonString` (AWS::LanguageExtensions). */
export const toJsonString: Intrinsic = (argument, evaluator, depth) => {
  const value = evaluator.eval(argument, depth);
  if (value instanceof Unresolved) return value;
  return isFullyKnown(value) ? JSON.stringify(value) : new Unresolved('unresolved:ToJsonString');
};

import { isResourceRef } from '../../../core/index.js';
import { isFullyKnown, isPlainObject, makeRef, Symbolic, Unresolved } from '../../shared/values.js';
import type { Expr } from './ast.js';

/** What an HCL expression may refer to in its module. */
export interface HclScope {
  variable(name: string): unknown;
  local(name: string): unknown;
  /** The uid of a managed resource of the module (`aws_s3_bucket.logs`), if it exists. */
  resourceUid(type: string, name: string): string | undefined;
  /** The value of a data source attribute Terraform computes locally (`data.aws_iam_policy_document.x.json`). */
  data?(type: string, name: string, attribute: string): unknown;
  assume(note: string): void;
}

const EXPRESSION = 'expression';
const MAX_DEPTH = 300;

/**
 * Evaluates an expression to a literal value when it is one: literals, templates without interpolation (or whose
 * interpolations are literal), lists and objects of literals, `var.*` with a default (assumed), `local.*`, and a few
 * pure functions such as `jsonencode`. A reference to a resource of the module becomes `{ $ref }`. Anything else is
 * `Unresolved('expression')`.
 */
export function evaluateHcl(expr: Expr, scope: HclScope, depth = 0): unknown {
  if (depth > MAX_DEPTH) return new Unresolved(EXPRESSION);
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'template':
      return template(expr, scope, depth);
    case 'tuple':
      return expr.items.map((item) => evaluateHcl(item, scope, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const item of expr.items) {
        const key = typeof item.key === 'string' ? item.key : evaluateHcl(item.key, scope, depth + 1);
        if (typeof key !== 'string' && typeof key !== 'number') return new Unresolved(EXPRESSION);
        Object.defineProperty(out, String(key), { value: evaluateHcl(item.value, scope, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'traversal':
      return traversal(expr, scope, depth);
    case 'call':
      return call(expr, scope, depth);
    case 'conditional': {
      const condition = evaluateHcl(expr.condition, scope, depth + 1);
      if (typeof condition !== 'boolean') return new Unresolved(EXPRESSION);
      return evaluateHcl(condition ? expr.then : expr.otherwise, scope, depth + 1);
    }
    case 'other':
      return new Unresolved(EXPRESSION);
  }
}

function template(expr: Extract<Expr, { kind: 'template' }>, scope: HclScope, depth: number): unknown {
  if (expr.directive) return new Unresolved(EXPRESSION);
  if (expr.parts.length === 1 && typeof expr.parts[0] !== 'string') return evaluateHcl(expr.parts[0]!.expr, scope, depth + 1);
  let text = '';
  let symbolic = false;
  for (const part of expr.parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const value = evaluateHcl(part.expr, scope, depth + 1);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') text += String(value);
    else if (isResourceRef(value)) {
      text += `\${${part.source}}`;
      symbolic = true;
    } else if (value instanceof Symbolic && value.reason === undefined) {
      text += value.text;
      symbolic = true;
    } else return value instanceof Unresolved ? value : new Unresolved(EXPRESSION);
  }
  return symbolic ? new Symbolic(text) : text;
}

function traversal(expr: Extract<Expr, { kind: 'traversal' }>, scope: HclScope, depth: number): unknown {
  const [first, ...rest] = expr.steps;
  if (typeof first !== 'string') return new Unresolved(EXPRESSION);
  if (expr.root === 'var') return index(scope.variable(first), rest, scope, depth);
  if (expr.root === 'local') return index(scope.local(first), rest, scope, depth);
  if (expr.root === 'data') {
    const [name, attribute] = rest;
    if (typeof name !== 'string' || typeof attribute !== 'string' || rest.length !== 2 || scope.data === undefined) return new Unresolved(EXPRESSION);
    return scope.data(first, name, attribute);
  }
  if (!expr.root.includes('_')) return new Unresolved(EXPRESSION);
  const uid = scope.resourceUid(expr.root, first);
  if (uid === undefined) return new Unresolved(EXPRESSION);
  let steps = rest;
  if (steps.length > 0 && (typeof steps[0] === 'number' || (typeof steps[0] === 'object' && steps[0] !== null) || steps[0] === '*')) {
    scope.assume(`refers to one instance of ${expr.root}.${first}, which has several (count or for_each)`);
    steps = steps.slice(1);
  }
  if (steps.length === 0) return makeRef(uid);
  const [attribute, ...deeper] = steps;
  if (typeof attribute !== 'string' || deeper.length > 0) return new Unresolved(EXPRESSION);
  return attribute === 'id' ? makeRef(uid) : makeRef(uid, attribute);
}

/** `var.x["key"][0]`: indexes into a literal value. */
function index(value: unknown, steps: ReadonlyArray<string | number | Expr | '*'>, scope: HclScope, depth: number): unknown {
  let current = value;
  for (const step of steps) {
    if (current instanceof Unresolved) return current;
    const key = typeof step === 'object' ? evaluateHcl(step, scope, depth + 1) : step;
    if (key === '*' || (typeof key !== 'string' && typeof key !== 'number')) return new Unresolved(EXPRESSION);
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isPlainObject(current) && Object.hasOwn(current, String(key))) current = current[String(key)];
    else return new Unresolved(EXPRESSION);
  }
  return current;
}

const IDENTITY_FUNCTIONS = new Set(['tolist', 'toset', 'tomap', 'tostring', 'tonumber', 'tobool', 'jsonencode', 'base64encode', 'sensitive', 'nonsensitive']);

function call(expr: Extract<Expr, { kind: 'call' }>, scope: HclScope, depth: number): unknown {
  const args = expr.args.map((arg) => evaluateHcl(arg, scope, depth + 1));
  if (IDENTITY_FUNCTIONS.has(expr.name) && args.length === 1) {
    // jsonencode keeps its argument as a value: mappings read policy documents as objects anyway, and references
    // inside stay visible as `$ref` instead of turning the whole document unknown.
    return args[0];
  }
  if (expr.name === 'merge' && args.every((arg) => isPlainObject(arg) && isFullyKnown(arg))) return Object.assign({}, ...args);
  if (expr.name === 'concat' && args.every((arg) => Array.isArray(arg))) return (args as unknown[][]).flat();
  const unknown = args.find((arg): arg is Unresolved => arg instanceof Unresolved);
  return unknown ?? new Unresolved(EXPRESSION);
}

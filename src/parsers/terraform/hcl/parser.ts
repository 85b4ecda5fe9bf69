import { InputError, MAX_NESTING } from '../../shared/input-error.js';
import type { Attribute, Block, Body, Expr } from './ast.js';
import { lexHcl } from './lexer.js';
import type { Comment, TemplatePart, Token } from './tokens.js';

/**
 * A recursive-descent parser for HCL native syntax. It parses every expression form so that it always knows where
 * one ends, but keeps detail only for what can be literal (values, templates, tuples, objects, references, calls,
 * conditionals); operators and for-expressions become `other`, which evaluates to unknown.
 */
export function parseHcl(text: string): { body: Body; comments: Comment[] } {
  const { tokens, comments } = lexHcl(text);
  const parser = new Parser(tokens);
  const body = parser.body(false, 0);
  return { body, comments };
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return token;
  }

  private is(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'punct' && token.text === text;
  }

  private fail(message: string, token = this.peek()): never {
    const found = token.kind === 'eof' ? 'the end of the file' : token.kind === 'newline' ? 'a line break' : token.kind === 'string' ? 'a string' : JSON.stringify(token.text);
    throw new InputError(`invalid HCL: ${message}, found ${found}`, token.line, token.column);
  }

  private expect(text: string, what: string): Token {
    if (!this.is(text)) this.fail(`expected ${what}`);
    return this.next();
  }

  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.next();
  }

  body(nested: boolean, depth: number): Body {
    if (depth > MAX_NESTING) this.fail(`blocks nested deeper than ${MAX_NESTING} levels`);
    const body: Body = { attributes: [], blocks: [] };
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (token.kind === 'eof') {
        if (nested) this.fail('expected } to close the block');
        return body;
      }
      if (nested && this.is('}')) return body;
      if (token.kind !== 'ident') this.fail('expected an attribute name or a block type');
      this.next();
      if (this.is('=')) {
        this.next();
        const expr = this.expression(depth + 1);
        body.attributes.push({ name: token.text, expr, line: token.line, column: token.column } satisfies Attribute);
      } else {
        const labels: string[] = [];
        while (!this.is('{')) {
          const label = this.peek();
          if (label.kind === 'ident') labels.push(label.text);
          else if (label.kind === 'string' && label.parts?.every((p) => typeof p === 'string')) labels.push((label.parts as string[]).join(''));
          else this.fail(`expected = or a block label after ${JSON.stringify(token.text)}`);
          this.next();
        }
        this.next();
        const inner = this.body(true, depth + 1);
        this.expect('}', '} to close the block');
        body.blocks.push({ type: token.text, labels, body: inner, line: token.line, column: token.column } satisfies Block);
      }
      const end = this.peek();
      if (end.kind !== 'newline' && end.kind !== 'eof' && !(nested && this.is('}'))) this.fail('expected a line break after an attribute or block');
    }
  }

  expression(depth: number): Expr {
    if (depth > MAX_NESTING) this.fail(`an expression nested deeper than ${MAX_NESTING} levels`);
    const condition = this.binary(0, depth);
    if (!this.is('?')) return condition;
    this.next();
    this.skipNewlines();
    const then = this.expression(depth + 1);
    this.skipNewlines();
    this.expect(':', ': in a conditional expression');
    this.skipNewlines();
    const otherwise = this.expression(depth + 1);
    return { kind: 'conditional', condition, then, otherwise, line: condition.line };
  }

  private static readonly LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];

  private binary(level: number, depth: number): Expr {
    if (level >= Parser.LEVELS.length) return this.unary(depth);
    let left = this.binary(level + 1, depth + 1);
    while (Parser.LEVELS[level]!.some((op) => this.is(op))) {
      this.next();
      this.skipNewlines();
      this.binary(level + 1, depth + 1);
      left = { kind: 'other', line: left.line };
    }
    return left;
  }

  private unary(depth: number): Expr {
    if (this.is('!') || this.is('-')) {
      const op = this.next();
      const operand = this.unary(depth + 1);
      if (op.text === '-' && operand.kind === 'literal' && typeof operand.value === 'number') return { ...operand, value: -operand.value };
      return { kind: 'other', line: op.line };
    }
    return this.postfix(depth);
  }

  private postfix(depth: number): Expr {
    let expr = this.primary(depth);
    for (;;) {
      if (this.is('.')) {
        this.next();
        const step = this.next();
        const value: string | number | '*' = step.kind === 'ident' ? step.text : step.kind === 'number' ? Number(step.text) : step.text === '*' ? '*' : this.fail('expected an attribute name after .', step);
        expr = expr.kind === 'traversal' ? { ...expr, steps: [...expr.steps, value] } : { kind: 'other', line: expr.line };
      } else if (this.is('[')) {
        this.next();
        this.skipNewlines();
        let step: Expr | '*';
        if (this.is('*')) {
          this.next();
          step = '*';
        } else step = this.expression(depth + 1);
        this.skipNewlines();
        this.expect(']', '] to close an index');
        if (expr.kind !== 'traversal') expr = { kind: 'other', line: expr.line };
        else if (step !== '*' && step.kind === 'literal' && (typeof step.value === 'number' || typeof step.value === 'string')) expr = { ...expr, steps: [...expr.steps, step.value] };
        else expr = { ...expr, steps: [...expr.steps, step] };
      } else return expr;
    }
  }

  private primary(depth: number): Expr {
    const token = this.peek();
    if (token.kind === 'number') {
      this.next();
      return { kind: 'literal', value: Number(token.text), line: token.line };
    }
    if (token.kind === 'string' || token.kind === 'heredoc') {
      this.next();
      return this.template(token, depth);
    }
    if (token.kind === 'ident') {
      this.next();
      if (token.text === 'true' || token.text === 'false') return { kind: 'literal', value: token.text === 'true', line: token.line };
      if (token.text === 'null') return { kind: 'literal', value: null, line: token.line };
      if (this.is('(')) return this.call(token, depth);
      if (this.is('::') ) {
        this.next();
        const name = this.next();
        if (this.is('::')) {
          this.next();
          const fn = this.next();
          return this.call({ ...fn, text: `${token.text}::${name.text}::${fn.text}` }, depth);
        }
        this.fail('expected a provider function', name);
      }
      return { kind: 'traversal', root: token.text, steps: [], line: token.line };
    }
    if (this.is('(')) {
      this.next();
      this.skipNewlines();
      const inner = this.expression(depth + 1);
      this.skipNewlines();
      this.expect(')', ') to close a parenthesis');
      return inner.kind === 'literal' || inner.kind === 'template' ? inner : { kind: 'other', line: token.line };
    }
    if (this.is('[')) return this.tuple(depth);
    if (this.is('{')) return this.object(depth);
    return this.fail('expected an expression');
  }

  private template(token: Token, depth: number): Expr {
    const parts = (token.parts ?? []).map((part: TemplatePart) => {
      if (typeof part === 'string') return part;
      const inner = new Parser(part.tokens);
      inner.skipNewlines();
      const expr = part.tokens.length > 1 ? inner.expression(depth + 1) : ({ kind: 'other', line: token.line } as const);
      return { expr, source: part.source };
    });
    return { kind: 'template', parts, directive: token.directive === true, line: token.line };
  }

  private call(name: Token, depth: number): Expr {
    this.expect('(', '(');
    const args: Expr[] = [];
    this.skipNewlines();
    while (!this.is(')')) {
      args.push(this.expression(depth + 1));
      this.skipNewlines();
      if (this.is('...')) this.next();
      this.skipNewlines();
      if (this.is(',')) {
        this.next();
        this.skipNewlines();
      } else if (!this.is(')')) this.fail('expected , or ) in a function call');
    }
    this.next();
    return { kind: 'call', name: name.text, args, line: name.line };
  }

  /** Skips a `for` expression up to its closing bracket. */
  private skipFor(close: string, line: number): Expr {
    let depth = 0;
    for (;;) {
      const token = this.next();
      if (token.kind === 'eof') this.fail(`expected ${close} to close a for expression`, token);
      if (token.kind !== 'punct') continue;
      if (token.text === '[' || token.text === '{' || token.text === '(') depth++;
      else if (token.text === ']' || token.text === '}' || token.text === ')') {
        if (depth === 0) {
          if (token.text !== close) this.fail(`expected ${close} to close a for expression`, token);
          return { kind: 'other', line };
        }
        depth--;
      }
    }
  }

  private tuple(depth: number): Expr {
    const open = this.next();
    this.skipNewlines();
    if (this.peek().kind === 'ident' && this.peek().text === 'for' && this.peek(1).kind === 'ident') return this.skipFor(']', open.line);
    const items: Expr[] = [];
    while (!this.is(']')) {
      items.push(this.expression(depth + 1));
      this.skipNewlines();
      if (this.is(',')) {
        this.next();
        this.skipNewlines();
      } else if (!this.is(']')) this.fail('expected , or ] in a list');
    }
    this.next();
    return { kind: 'tuple', items, line: open.line };
  }

  private object(depth: number): Expr {
    const open = this.next();
    this.skipNewlines();
    if (this.peek().kind === 'ident' && this.peek().text === 'for' && this.peek(1).kind === 'ident') return this.skipFor('}', open.line);
    const items: Array<{ key: string | Expr; value: Expr; line: number }> = [];
    while (!this.is('}')) {
      const keyToken = this.peek();
      let key: string | Expr;
      if (keyToken.kind === 'ident' && (this.is('=', 1) || this.is(':', 1))) {
        this.next();
        key = keyToken.text;
      } else {
        const expr = this.expression(depth + 1);
        key = expr.kind === 'template' && expr.parts.every((p) => typeof p === 'string') ? expr.parts.join('') : expr;
      }
      if (!this.is('=') && !this.is(':')) this.fail('expected = or : after an object key');
      this.next();
      this.skipNewlines();
      const value = this.expression(depth + 1);
      items.push({ key, value, line: keyToken.line });
      const sep = this.peek();
      if (this.is(',')) this.next();
      else if (sep.kind !== 'newline' && !this.is('}')) this.fail('expected , or a line break between object items');
      this.skipNewlines();
    }
    this.next();
    return { kind: 'object', items, line: open.line };
  }
}

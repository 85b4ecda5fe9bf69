import { describe, expect, it } from 'vitest';
import { InputError } from '../../shared/input-error.js';
import { evaluateHcl, type HclScope } from './evaluate.js';
import { parseHcl } from './parser.js';

const scope: HclScope = {
  variable: (name) => (name === 'env' ? 'prod' : undefined),
  local: () => undefined,
  resourceUid: (type, name) => (type === 'aws_s3_bucket' && name === 'b' ? 'tf:m.tf#aws_s3_bucket.b' : undefined),
  assume: () => undefined,
};

function attribute(source: string): unknown {
  const { body } = parseHcl(`x = ${source}\n`);
  return evaluateHcl(body.attributes[0]!.expr, scope);
}

describe('HCL parser', () => {
  it('reads blocks, labels, attributes and comments with lines', () => {
    const { body, comments } = parseHcl('# top\nresource "aws_s3_bucket" "b" {\n  bucket = "x" // trailing\n  versioning { enabled = true }\n  /* block\n comment */\n}\n');
    expect(body.blocks[0]).toMatchObject({ type: 'resource', labels: ['aws_s3_bucket', 'b'], line: 2, column: 1 });
    expect(body.blocks[0]!.body.attributes[0]).toMatchObject({ name: 'bucket', line: 3 });
    expect(body.blocks[0]!.body.blocks[0]!.type).toBe('versioning');
    expect(comments.map((c) => c.line)).toEqual([1, 3]);
  });

  it('evaluates literals: strings, numbers, bools, null, lists, objects, heredocs', () => {
    expect(attribute('"a\\tb"')).toBe('a\tb');
    expect(attribute('-1.5e2')).toBe(-150);
    expect(attribute('true')).toBe(true);
    expect(attribute('null')).toBe(null);
    expect(attribute('[1, "two", [3]]')).toEqual([1, 'two', [3]]);
    expect(attribute('{ a = 1, "b-c": 2\n d = { e = "f" } }')).toEqual({ a: 1, 'b-c': 2, d: { e: 'f' } });
    expect(parseHcl('x = <<-EOT\n    line one\n      indented\n    EOT\n').body.attributes[0]!.expr).toMatchObject({ kind: 'template', parts: ['line one\n  indented\n'] });
    expect(attribute('"$${literal}"')).toBe('${literal}');
  });

  it('turns anything computed into unknown, and a resource reference into $ref', () => {
    expect(attribute('var.env')).toBe('prod');
    expect(attribute('"${var.env}-logs"')).toBe('prod-logs');
    expect(attribute('aws_s3_bucket.b.id')).toEqual({ $ref: 'tf:m.tf#aws_s3_bucket.b' });
    expect(attribute('aws_s3_bucket.b.arn')).toEqual({ $ref: 'tf:m.tf#aws_s3_bucket.b', attribute: 'arn' });
    for (const expression of ['1 + 2', 'upper("a")', 'data.aws_caller_identity.x.account_id', '[for s in var.list : upper(s)]', 'var.a ? 1 : 2', 'aws_lb.missing.arn', '"%{ if true }x%{ endif }"', 'local.v[*].id']) {
      expect(attribute(expression), expression).toMatchObject({ reason: 'expression' });
    }
  });

  it('evaluates jsonencode of a literal document to the document', () => {
    expect(attribute('jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Resource = aws_s3_bucket.b.arn }] })')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Resource: { $ref: 'tf:m.tf#aws_s3_bucket.b', attribute: 'arn' } }],
    });
  });

  it('reports syntax errors with their line', () => {
    for (const [source, line] of [['resource "a" "b" {\n  x = \n}\n', 2], ['x = "unterminated\n', 1], ['a {\n b = 1\n', 3], ['x = [1, 2\ny = 3\n', 2]] as const) {
      try {
        parseHcl(source);
        expect.unreachable(source);
      } catch (error) {
        expect(error, source).toBeInstanceOf(InputError);
        expect((error as InputError).line, source).toBe(line);
      }
    }
  });
});

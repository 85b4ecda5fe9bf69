import { setOwn } from '../../shared/positions.js';
import { Unresolved } from '../../shared/values.js';
import type { Body } from './ast.js';
import { evaluateHcl, type HclScope } from './evaluate.js';

/**
 * `data "aws_iam_policy_document"` is how most Terraform code writes IAM policies; Terraform builds the JSON locally
 * from literal blocks, so it can be built here too (statements, principals, conditions). Anything non-literal inside
 * stays unknown at its place; `source_policy_documents` and `override_policy_documents` make the whole document
 * unknown (they merge other documents).
 */
export function policyDocument(body: Body, scope: HclScope): unknown {
  if (body.attributes.some((a) => a.name === 'source_policy_documents' || a.name === 'override_policy_documents' || a.name === 'source_json' || a.name === 'override_json')) {
    return new Unresolved('expression');
  }
  const attribute = (b: Body, name: string): unknown => {
    const found = b.attributes.find((a) => a.name === name);
    return found === undefined ? undefined : evaluateHcl(found.expr, scope);
  };
  const statements = body.blocks
    .filter((block) => block.type === 'statement')
    .map((block) => {
      const statement: Record<string, unknown> = {};
      const set = (key: string, value: unknown): void => {
        if (value !== undefined && value !== null) statement[key] = value;
      };
      set('Sid', attribute(block.body, 'sid'));
      set('Effect', attribute(block.body, 'effect') ?? 'Allow');
      set('Action', attribute(block.body, 'actions'));
      set('NotAction', attribute(block.body, 'not_actions'));
      set('Resource', attribute(block.body, 'resources'));
      set('NotResource', attribute(block.body, 'not_resources'));
      for (const [blockType, key] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
        const principals = block.body.blocks.filter((b) => b.type === blockType);
        if (principals.length === 0) continue;
        const out: Record<string, unknown> = {};
        for (const principal of principals) {
          const type = attribute(principal.body, 'type');
          const identifiers = attribute(principal.body, 'identifiers');
          if (typeof type !== 'string') return new Unresolved('expression');
          if (type === '*' && Array.isArray(identifiers) && identifiers.length === 1 && identifiers[0] === '*') {
            statement[key] = '*';
            continue;
          }
          setOwn(out, type, identifiers);
        }
        if (statement[key] === undefined) statement[key] = out;
      }
      const conditions = block.body.blocks.filter((b) => b.type === 'condition');
      if (conditions.length > 0) {
        const out: Record<string, Record<string, unknown>> = {};
        for (const condition of conditions) {
          const test = attribute(condition.body, 'test');
          const variable = attribute(condition.body, 'variable');
          if (typeof test !== 'string' || typeof variable !== 'string') return new Unresolved('expression');
          if (!Object.hasOwn(out, test)) setOwn(out, test, {});
          setOwn(out[test]!, variable, attribute(condition.body, 'values'));
        }
        statement['Condition'] = out;
      }
      return statement;
    });
  return { Version: attribute(body, 'version') ?? '2012-10-17', Statement: statements };
}

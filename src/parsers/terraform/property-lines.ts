import { childPointer } from '../shared/pointer.js';
import { isPlainObject } from '../shared/values.js';
import type { Body, Expr } from './hcl/ast.js';

/**
 * Lines of the properties of Terraform resources, so a finding points at the attribute or block that decides it.
 * HCL gives the lines of attributes and nested blocks under Terraform names (`/versioning/0/enabled`); the model
 * holds CloudFormation names (`/VersioningConfiguration/Status`). The mapping modules do not say which attribute
 * each property came from, so the names are matched: the same words (`multi_az` = `MultiAZ`), one name inside the
 * other (`identifier` → `DBInstanceIdentifier`, `assume_role_policy` → `AssumeRolePolicyDocument`), or a known
 * alias. A property built from several attributes (`Budget` from `name`, `budget_type` …) takes its first one's
 * line; one that matches nothing takes none, so a finding on it falls back to its parent, or the resource's line.
 */

const MAX_DEPTH = 12;

/** The lines of a resource block's attributes and nested blocks, by Terraform pointer. */
export function hclLines(body: Body): Record<string, number> {
  const out: Record<string, number> = {};
  collect(body, '', out, 0);
  return out;
}

function collect(body: Body, pointer: string, out: Record<string, number>, depth: number): void {
  if (depth >= MAX_DEPTH) return;
  for (const attribute of body.attributes) {
    const at = childPointer(pointer, attribute.name);
    out[at] = attribute.line;
    collectExpr(attribute.expr, at, out, depth + 1);
  }
  const counts = new Map<string, number>();
  for (const block of body.blocks) {
    const name = block.type === 'dynamic' ? block.labels[0] : block.type;
    if (name === undefined) continue;
    const index = counts.get(name) ?? 0;
    counts.set(name, index + 1);
    const list = childPointer(pointer, name);
    if (index === 0) out[list] = block.line;
    const at = childPointer(list, index);
    out[at] = block.line;
    if (block.type !== 'dynamic') collect(block.body, at, out, depth + 1);
  }
}

function collectExpr(expr: Expr, pointer: string, out: Record<string, number>, depth: number): void {
  if (depth >= MAX_DEPTH) return;
  if (expr.kind === 'object') {
    for (const item of expr.items) {
      if (typeof item.key !== 'string') continue;
      const at = childPointer(pointer, item.key);
      out[at] = item.line;
      collectExpr(item.value, at, out, depth + 1);
    }
  } else if (expr.kind === 'tuple') {
    expr.items.forEach((item, i) => {
      const at = childPointer(pointer, i);
      out[at] = item.line;
      collectExpr(item, at, out, depth + 1);
    });
  }
}

/** CloudFormation names whose Terraform attribute shares no words with them. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  BucketEncryption: ['server_side_encryption_configuration'],
  ServerSideEncryptionConfiguration: ['rule'],
  ServerSideEncryptionByDefault: ['apply_server_side_encryption_by_default'],
  VersioningConfiguration: ['versioning_configuration', 'versioning'],
  LoggingConfiguration: ['logging'],
  SSESpecification: ['server_side_encryption'],
  Policies: ['inline_policy'],
  SecurityGroupIngress: ['ingress'],
  SecurityGroupEgress: ['egress'],
  IsLogging: ['enable_logging'],
  BlockDeviceMappings: ['ebs_block_device', 'root_block_device'],
};

function normal(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The Terraform attribute of `values` a CloudFormation property name corresponds to, if any. */
function attributeFor(property: string, values: Record<string, unknown>): string | undefined {
  const aliases = ALIASES[property];
  if (aliases !== undefined) return aliases.find((alias) => Object.hasOwn(values, alias));
  const wanted = normal(property);
  let best: string | undefined;
  let bestLength = 0;
  for (const name of Object.keys(values)) {
    const candidate = normal(name);
    if (candidate === wanted) return name;
    if (candidate.length < 4 || candidate.length <= bestLength) continue;
    if (wanted.startsWith(candidate) || wanted.endsWith(candidate) || candidate.startsWith(wanted) || candidate.endsWith(wanted)) {
      best = name;
      bestLength = candidate.length;
    }
  }
  return best;
}

/** A Terraform block is a list of objects; its first object holds the attributes. */
function blockBody(value: unknown, pointer: string): { values: Record<string, unknown>; pointer: string } | undefined {
  if (isPlainObject(value)) return { values: value, pointer };
  if (Array.isArray(value) && isPlainObject(value[0])) return { values: value[0], pointer: childPointer(pointer, 0) };
  return undefined;
}

/**
 * Adds to `out` the lines of the CloudFormation-shaped `properties` that match attributes of the Terraform `values`
 * (whose lines are `lines`, by Terraform pointer); returns the first line found, for the parent's own line.
 */
export function mapLines(properties: unknown, values: Record<string, unknown>, lines: Readonly<Record<string, number>>, out: Record<string, number>, at = { cfn: '', tf: '' }, depth = 0): number | undefined {
  if (!isPlainObject(properties) || depth >= MAX_DEPTH) return undefined;
  let first: number | undefined;
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined) continue;
    const cfn = childPointer(at.cfn, key);
    const attribute = attributeFor(key, values);
    let line: number | undefined;
    if (attribute !== undefined) {
      const tf = childPointer(at.tf, attribute);
      line = lines[tf];
      const inner = values[attribute];
      if (Array.isArray(value) && Array.isArray(inner)) {
        value.forEach((item, i) => {
          const itemLine = lines[childPointer(tf, i)];
          if (itemLine !== undefined) out[childPointer(cfn, i)] = itemLine;
          if (isPlainObject(inner[i])) mapLines(item, inner[i], lines, out, { cfn: childPointer(cfn, i), tf: childPointer(tf, i) }, depth + 1);
        });
      } else {
        const body = blockBody(inner, tf);
        if (body !== undefined) mapLines(value, body.values, lines, out, { cfn, tf: body.pointer }, depth + 1);
      }
    } else if (isPlainObject(value)) {
      // A property Terraform spreads over attributes of the same level (`Budget` from `name`, `budget_type` …).
      line = mapLines(value, values, lines, out, { cfn, tf: at.tf }, depth + 1);
    }
    if (line === undefined) continue;
    out[cfn] = line;
    if (first === undefined || line < first) first = line;
  }
  return first;
}

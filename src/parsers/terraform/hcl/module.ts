import { dirname, resolve } from 'node:path';
import type { Assumption } from '../../../core/index.js';
import { nameLooksLikeCredential, valueLooksLikeCredential } from '../../../core/secrets/credentials.js';
import type { SnapshotCollector } from '../../shared/collector.js';
import { isRemote } from '../../shared/files.js';
import { InputError, type FileProblem } from '../../shared/input-error.js';
import { setOwn } from '../../shared/positions.js';
import { Symbolic, Unresolved } from '../../shared/values.js';
import { buildTerraform } from '../build.js';
import type { TfResource } from '../model.js';
import { hclLines } from '../property-lines.js';
import type { Block, Body, Expr } from './ast.js';
import { evaluateHcl, type HclScope } from './evaluate.js';
import { parseHcl } from './parser.js';
import { policyDocument } from './policy-document.js';
import type { Comment } from './tokens.js';
import { waiversAbove } from './waiver-comments.js';

export interface HclFile {
  /** How the file is named in uids and records. */
  file: string;
  absPath?: string | undefined;
  text: string;
}

export interface HclModuleOptions {
  /** Whether a local module folder is read as well (so its resources are seen, with their own inputs unknown). */
  isScannedFolder?: ((absPath: string) => boolean) | undefined;
}

const META_ARGUMENTS = new Set(['count', 'for_each', 'provider', 'depends_on']);
const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection']);

interface Parsed {
  file: HclFile;
  body: Body;
  comments: Map<number, Comment>;
}

/**
 * Reads the `.tf` files of one module folder: variables (defaults used as assumptions, `.tfvars` values as given),
 * locals, and managed resources with literal values; anything else is unknown with the reason `expression`.
 * Modules are not followed: a remote one is recorded as not seen.
 */
export function readHclModule(files: readonly HclFile[], tfvars: readonly HclFile[], out: SnapshotCollector, options: HclModuleOptions = {}): void {
  const problems = new Map<string, FileProblem[]>();
  const problemsOf = (file: string): FileProblem[] => {
    let list = problems.get(file);
    if (!list) problems.set(file, (list = []));
    return list;
  };
  const parsed: Parsed[] = [];
  for (const file of files) {
    try {
      const { body, comments } = parseHcl(file.text);
      parsed.push({ file, body, comments: new Map(comments.map((c) => [c.line, c])) });
      problemsOf(file.file);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      out.fileRead('terraform', file.file, [{ message: error.message, line: error.line, column: error.column }]);
    }
  }

  const variables = new Map<string, { default?: Expr; sensitive: boolean }>();
  const locals = new Map<string, Expr>();
  const policyDocuments = new Map<string, Body>();
  const resourceUids = new Map<string, string>();
  const resourceBlocks: Array<{ block: Block; parsed: Parsed }> = [];
  for (const p of parsed) {
    for (const block of p.body.blocks) {
      if (block.type === 'variable' && block.labels[0] !== undefined) {
        const def = block.body.attributes.find((a) => a.name === 'default')?.expr;
        const sensitive = block.body.attributes.find((a) => a.name === 'sensitive')?.expr;
        variables.set(block.labels[0], { ...(def ? { default: def } : {}), sensitive: sensitive?.kind === 'literal' && sensitive.value === true });
      } else if (block.type === 'locals') {
        for (const attribute of block.body.attributes) locals.set(attribute.name, attribute.expr);
      } else if (block.type === 'resource' && block.labels.length === 2) {
        const [type, name] = block.labels as [string, string];
        resourceUids.set(`${type}.${name}`, `tf:${p.file.file}#${type}.${name}`);
        resourceBlocks.push({ block, parsed: p });
      } else if (block.type === 'data' && block.labels[0] === 'aws_iam_policy_document' && block.labels[1] !== undefined) {
        policyDocuments.set(block.labels[1], block.body);
      } else if (block.type === 'module' && block.labels[0] !== undefined) {
        recordModule(block, p, out, options);
      }
    }
  }

  const given = new Map<string, Expr>();
  for (const file of tfvars) {
    try {
      for (const attribute of parseHcl(file.text).body.attributes) given.set(attribute.name, attribute.expr);
      out.fileRead('terraform', file.file, [], 'variable values');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      out.fileRead('terraform', file.file, [{ message: error.message, line: error.line, column: error.column }]);
    }
  }

  let notes: string[] = [];
  const localMemo = new Map<string, unknown>();
  const visiting = new Set<string>();
  const documents = new Map<string, unknown>();
  const scope: HclScope = {
    assume: (note) => notes.push(note),
    resourceUid: (type, name) => resourceUids.get(`${type}.${name}`),
    data(type, name, attribute) {
      // The account Terraform deploys into, known at plan time: kept as text, as `${AWS::AccountId}` in a template.
      if (type === 'aws_caller_identity' && attribute === 'account_id') return new Symbolic(`\${data.aws_caller_identity.${name}.account_id}`);
      const body = type === 'aws_iam_policy_document' && attribute === 'json' ? policyDocuments.get(name) : undefined;
      if (body === undefined) return new Unresolved('expression');
      if (!documents.has(name)) {
        documents.set(name, new Unresolved(`circular:data.${type}.${name}`));
        documents.set(name, policyDocument(body, scope));
      }
      return documents.get(name);
    },
    variable(name) {
      const def = variables.get(name);
      const value = given.get(name);
      if (def?.sensitive) return new Unresolved(`sensitive_variable:${name}`);
      if (value !== undefined) return evaluateHcl(value, literalOnly);
      if (def === undefined) return new Unresolved(`variable:${name}`);
      if (def.default === undefined) return new Unresolved(`variable:${name}`);
      const result = evaluateHcl(def.default, literalOnly);
      // A credential's default is never written out, not even in a note (as for a CloudFormation secret parameter).
      const secret = nameLooksLikeCredential(name) || (typeof result === 'string' && valueLooksLikeCredential(result));
      if (!(result instanceof Unresolved)) notes.push(secret ? `depends on variable ${name} (its default was used)` : `depends on variable ${name} (default ${JSON.stringify(result)} used)`);
      return result;
    },
    local(name) {
      if (localMemo.has(name)) return localMemo.get(name);
      const expr = locals.get(name);
      if (expr === undefined) return new Unresolved('expression');
      if (visiting.has(name)) return new Unresolved(`circular:local.${name}`);
      visiting.add(name);
      const value = evaluateHcl(expr, scope);
      visiting.delete(name);
      localMemo.set(name, value);
      return value;
    },
  };

  const inputs: TfResource[] = [];
  for (const { block, parsed: p } of resourceBlocks) {
    const [type, name] = block.labels as [string, string];
    notes = [];
    const multiplicity = countOf(block.body, scope);
    if (multiplicity === 0) continue;
    const values = bodyValues(block.body, scope, 0);
    const waivers = waiversAbove(block.line, p.comments, p.file.file);
    problemsOf(p.file.file).push(...waivers.problems);
    const assumptions: Assumption[] = [...new Set(notes)].map((note) => ({ path: '', note }));
    inputs.push({
      uid: resourceUids.get(`${type}.${name}`)!,
      address: `${type}.${name}`,
      type,
      file: p.file.file,
      line: block.line,
      column: block.column,
      values,
      lines: hclLines(block.body),
      assumptions,
      suppressions: waivers.suppressions,
    });
  }
  buildTerraform(inputs, out, problemsOf);
  for (const p of parsed) out.fileRead('terraform', p.file.file, problems.get(p.file.file) ?? []);
}

const literalOnly: HclScope = {
  variable: () => new Unresolved('expression'),
  local: () => new Unresolved('expression'),
  resourceUid: () => undefined,
  assume: () => undefined,
};

/** 0 when `count = 0` (the resource is not created); notes an assumption when the number of instances is not 1. */
function countOf(body: Body, scope: HclScope): number {
  const count = body.attributes.find((a) => a.name === 'count');
  const forEach = body.attributes.find((a) => a.name === 'for_each');
  if (count !== undefined) {
    const value = evaluateHcl(count.expr, scope);
    if (value === 0 || value === false) return 0;
    if (typeof value === 'number' && value > 1) scope.assume(`count = ${value}: the instances are identical, so one is modelled`);
    else if (typeof value !== 'number') scope.assume('count is not a literal: one instance is modelled (the real number may be 0 or more)');
  }
  if (forEach !== undefined) {
    const value = evaluateHcl(forEach.expr, scope);
    if ((Array.isArray(value) && value.length === 0) || (value !== null && typeof value === 'object' && !(value instanceof Unresolved) && Object.keys(value).length === 0)) return 0;
    scope.assume('for_each: one instance is modelled (the real number may be 0 or more, and instances may differ)');
  }
  return 1;
}

/** A block body as Terraform values: attributes evaluated, nested blocks as lists of objects. */
function bodyValues(body: Body, scope: HclScope, depth: number): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const attribute of body.attributes) {
    if (depth === 0 && META_ARGUMENTS.has(attribute.name)) continue;
    setOwn(values, attribute.name, evaluateHcl(attribute.expr, scope));
  }
  for (const block of body.blocks) {
    if (depth === 0 && META_BLOCKS.has(block.type)) continue;
    if (block.type === 'dynamic' && block.labels[0] !== undefined) {
      setOwn(values, block.labels[0], new Unresolved('expression'));
      continue;
    }
    const list = Object.hasOwn(values, block.type) ? values[block.type] : undefined;
    const value = bodyValues(block.body, scope, depth + 1);
    if (Array.isArray(list)) list.push(value);
    else if (!(list instanceof Unresolved)) setOwn(values, block.type, [value]);
  }
  return values;
}

function recordModule(block: Block, p: Parsed, out: SnapshotCollector, options: HclModuleOptions): void {
  const source = block.body.attributes.find((a) => a.name === 'source')?.expr;
  const text = source?.kind === 'template' && source.parts.every((part) => typeof part === 'string') ? source.parts.join('') : undefined;
  const name = block.labels[0]!;
  const local = text !== undefined && (text.startsWith('./') || text.startsWith('../')) && !isRemote(text);
  if (local && p.file.absPath !== undefined && options.isScannedFolder?.(resolve(dirname(p.file.absPath), text)) === true) return;
  out.fileFailed(
    'terraform',
    `${p.file.file}#module.${name}`,
    { message: `module "${name}" (source ${JSON.stringify(text ?? 'computed')}) is not followed, so its resources are not seen; scan a plan (terraform show -json) to see them${local ? ', or include the module folder in the scan' : ''}`, line: block.line },
    'unsupported',
  );
}

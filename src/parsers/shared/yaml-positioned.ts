import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';
import { InputError, MAX_NESTING } from './input-error.js';
import { lineOf, packPosition, PositionTable, setOwn, type PositionedDocument } from './positions.js';
import { childScope, opensIntrinsic, propertiesScope, recordLine, type LineScope } from './property-lines.js';
import { CFN_SHORT_TAGS, longForm } from './yaml-tags.js';
import { parseYamlFast, YamlFallback } from './yaml-fast.js';

type Options = ParseOptions & DocumentOptions & SchemaOptions;

const identity = (value: unknown): unknown => value;
const CUSTOM_TAGS = CFN_SHORT_TAGS.flatMap((tag) => [
  { tag, resolve: identity as (value: string) => unknown },
  { tag, collection: 'map' as const, resolve: identity },
  { tag, collection: 'seq' as const, resolve: identity },
]);

const OPTIONS: Options = { uniqueKeys: true, prettyErrors: false, customTags: CUSTOM_TAGS, merge: false, version: '1.2', schema: 'core' };

/**
 * Parses YAML keeping positions; short-form tags become their long form. The fast reader handles the YAML templates
 * are written in; anything else goes to the full `yaml` library.
 * Aliases are refused, as CloudFormation refuses them, which also rules out "billion laughs" alias bombs.
 */
export function parseYamlPositioned(text: string, positionDepth = Number.POSITIVE_INFINITY, propertyLines = false): PositionedDocument {
  try {
    return parseYamlFast(text, positionDepth, propertyLines);
  } catch (error) {
    if (!(error instanceof YamlFallback) && !(error instanceof RangeError)) throw error;
  }
  return parseYamlWithLibrary(text, positionDepth, propertyLines);
}

/** The general path: any YAML the library accepts, and its error messages. */
export function parseYamlWithLibrary(text: string, positionDepth = Number.POSITIVE_INFINITY, propertyLines = false): PositionedDocument {
  const lineCounter = new LineCounter();
  let document;
  try {
    document = parseDocument(text, { ...OPTIONS, lineCounter });
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`invalid YAML: values are nested too deeply (more than ${MAX_NESTING} levels)`);
    throw error;
  }
  const firstError = document.errors[0];
  if (firstError) {
    const pos = lineCounter.linePos(firstError.pos[0]);
    const message = firstError.message.split('\n')[0] ?? firstError.code;
    if (/call stack/i.test(message)) throw new InputError(`invalid YAML: values are nested too deeply (more than ${MAX_NESTING} levels)`, pos.line, pos.col);
    throw new InputError(`invalid YAML: ${friendlier(message)}`, pos.line, pos.col);
  }
  const positions = new PositionTable(positionDepth);
  const at = (node: Node | null | undefined): number => {
    const offset = node?.range?.[0];
    if (offset === undefined) return packPosition(1, 1);
    const pos = lineCounter.linePos(offset);
    return packPosition(pos.line, pos.col);
  };
  const fail = (message: string, node: Node | null | undefined): never => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    throw new InputError(message, pos.line, pos.col);
  };

  /** The scope of a child node for property lines: block maps and lists only, not tagged (intrinsic) nodes. */
  const scopeOf = (lines: LineScope | undefined, pointer: string | undefined, node: unknown, line: number): LineScope | undefined => {
    if (lines === undefined || !(isMap(node) || isSeq(node)) || ((node as { tag?: string }).tag ?? '').startsWith('!')) return undefined;
    return childScope(lines, pointer, line);
  };
  const convert = (node: unknown, depth: number, parentKey?: string, scope?: LineScope): unknown => {
    if (node === null || node === undefined) return null;
    if (depth >= MAX_NESTING) fail(`invalid YAML: values are nested deeper than ${MAX_NESTING} levels`, node as Node);
    if (isAlias(node)) return fail('YAML aliases (*name) are not allowed in CloudFormation templates', node);
    let value: unknown;
    if (isScalar(node)) {
      value = node.value instanceof Date ? node.source ?? String(node.value) : node.value;
      if (typeof value === 'bigint') value = Number(value);
    } else if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const where: Array<string | number> = [];
      if (positions.keeps(depth, parentKey)) positions.setEntries(out, where);
      let lines = scope ?? (propertyLines ? propertiesScope(out, depth, parentKey) : undefined);
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = keyNode === null ? '' : isScalar(keyNode) ? String(keyNode.value) : fail('invalid YAML: a map key must be a plain value, not a list or a map', keyNode);
        const packed = at(keyNode ?? (pair.value as Node | null));
        where.push(key, packed);
        let child: LineScope | undefined;
        if (lines !== undefined) {
          if (scope !== undefined && where.length === 2 && opensIntrinsic(key)) lines = undefined;
          else child = scopeOf(lines, recordLine(lines, key, lineOf(packed)), pair.value, lineOf(packed));
        }
        setOwn(out, key, convert(pair.value, depth + 1, key, child));
      }
      value = out;
    } else if (isSeq(node)) {
      const out: unknown[] = [];
      const where: number[] = [];
      if (positions.keeps(depth, parentKey)) positions.setItems(out, where);
      for (const item of node.items) {
        const packed = at(item as Node);
        where.push(packed);
        const child = scope === undefined ? undefined : scopeOf(scope, recordLine(scope, out.length, lineOf(packed)), item, lineOf(packed));
        out.push(convert(item, depth + 1, undefined, child));
      }
      value = out;
    } else {
      return fail('invalid YAML: an unsupported node', node as Node);
    }
    const tag = (node as { tag?: string }).tag;
    if (tag !== undefined && tag.startsWith('!') && !tag.startsWith('!!')) {
      const wrapped = longForm(tag, value);
      positions.setEntries(wrapped, [Object.keys(wrapped)[0]!, at(node as Node)]);
      return wrapped;
    }
    return value;
  };

  positions.root = at(document.contents as Node | null);
  let value: unknown;
  try {
    value = convert(document.contents, 0);
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`invalid YAML: values are nested too deeply (more than ${MAX_NESTING} levels)`);
    throw error;
  }
  return { value, positions };
}

function friendlier(message: string): string {
  if (message.includes('multiple documents')) return 'a template is one YAML document, but this file holds several (---)';
  if (message.includes('Map keys must be unique')) return 'duplicate key: a later value would silently replace an earlier one';
  return message;
}

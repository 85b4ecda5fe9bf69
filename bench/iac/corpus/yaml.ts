// Writes a template as YAML the way people write them: block mappings, short-form intrinsic tags (`!Ref`, `!GetAtt
// a.b`, `!If [c, x, y]`), literal blocks for scripts, quotes only where YAML needs them.
import type { Json } from './intrinsics.js';

const STEP = '  ';
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
const NUMERIC = /^[-+.]?\d/;

function needsQuotes(text: string, flow: boolean): boolean {
  if (text === '' || RESERVED.test(text) || NUMERIC.test(text)) return true;
  if (!/^[A-Za-z0-9_/.$]/.test(text)) return true;
  if (flow) return !/^[A-Za-z0-9_./-]+$/.test(text);
  return !/^[A-Za-z0-9_./:@+=, ()-]+$/.test(text) || text.endsWith(':') || text.endsWith(' ') || text.includes(': ');
}

const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

function scalar(value: string | number | boolean | null, indent: string, flow: boolean): string {
  if (typeof value !== 'string') return String(value);
  if (value.includes('\n') && !flow) {
    const chomp = value.endsWith('\n') ? '|' : '|-';
    const lines = value.replace(/\n$/, '').split('\n');
    return `${chomp}${lines.map((line) => (line === '' ? '\n' : `\n${indent}${line}`)).join('')}`;
  }
  return needsQuotes(value, flow) ? quoted(value) : value;
}

const key = (name: string) => (/^[A-Za-z0-9_.-]+(::[A-Za-z0-9_.-]+)*$/.test(name) && !RESERVED.test(name) ? name : quoted(name));

function intrinsic(value: Json): [name: string, arg: Json] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const name = keys[0]!;
  if (name === 'Ref' || name === 'Condition' || name.startsWith('Fn::')) return [name, value[name]!];
  return undefined;
}

const tagName = (name: string) => `!${name.startsWith('Fn::') ? name.slice(4) : name}`;

/** A value that fits on one line inside `[...]`. */
function flowable(value: Json): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'string' || !value.includes('\n');
  const call = intrinsic(value);
  if (call) return call[0] === 'Fn::GetAtt' || (typeof call[1] !== 'object' || call[1] === null ? flowable(call[1]) : Array.isArray(call[1]) && call[1].every(flowable));
  return Array.isArray(value) && value.every(flowable);
}

function flow(value: Json): string {
  if (value === null || typeof value !== 'object') return scalar(value, '', true);
  const call = intrinsic(value);
  if (call) {
    const [name, arg] = call;
    if (name === 'Fn::GetAtt' && Array.isArray(arg)) return `!GetAtt ${arg.join('.')}`;
    return `${tagName(name)} ${flow(arg)}`;
  }
  return `[${(value as Json[]).map(flow).join(', ')}]`;
}

/** The text after `key:` or `- `: starts with a newline when the value is a block on the following lines. */
function node(value: Json, indent: string, short: boolean): string {
  if (value === null || typeof value !== 'object') return scalar(value, indent, false);
  const call = short ? intrinsic(value) : undefined;
  // A node takes one tag: `Fn::Base64: !Sub |` rather than the invalid `!Base64 !Sub |`.
  if (call && !intrinsic(call[1])) {
    const [name, arg] = call;
    if (name === 'Fn::GetAtt' && Array.isArray(arg) && arg.every((a) => typeof a === 'string')) return `!GetAtt ${arg.join('.')}`;
    if (Array.isArray(arg) && arg.every(flowable)) return `${tagName(name)} ${flow(arg)}`;
    const inner = node(arg, indent, short);
    return `${tagName(name)}${inner.startsWith('\n') ? '' : ' '}${inner}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value
      .map((item) => {
        const text = node(item, indent + STEP, short);
        return `\n${indent}- ${text.startsWith('\n') ? text.slice(1 + indent.length + STEP.length) : text}`;
      })
      .join('');
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return entries
    .map(([name, inner]) => {
      const text = node(inner, indent + STEP, short);
      return `\n${indent}${key(name)}:${text.startsWith('\n') ? '' : ' '}${text}`;
    })
    .join('');
}

/** `short`: intrinsic functions as `!Tags`; otherwise the long `Fn::` form, which some teams prefer. */
export function toYaml(document: Json, short = true): string {
  return `${node(document, '', short).replace(/^\n/, '')}\n`;
}

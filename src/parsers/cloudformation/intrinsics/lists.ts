import { NO_VALUE, Symbolic, Unresolved } from '../../shared/values.js';
import type { Intrinsic } from '../evaluate.js';
import { plainScalar } from './text.js';

/** `Fn::Select`: `[index, list]`. An index into `Fn::GetAZs` gives a symbolic zone (`${Fn::GetAZs[0]}`). */
export const select: Intrinsic = (argument, evaluator, depth, node) => {
  if (!Array.isArray(argument) || argument.length !== 2) {
    evaluator.scope.problem('Fn::Select expects [Index, [Values]]', node, 'Fn::Select');
    return new Unresolved('unresolved:Select');
  }
  const index = plainScalar(evaluator.eval(argument[0], depth), 'Select');
  if (index instanceof Unresolved) return index;
  const position = Number(index);
  if (!Number.isInteger(position) || position < 0) {
    evaluator.scope.problem(`Fn::Select needs a whole number as its index (found ${JSON.stringify(index)})`, node, 'Fn::Select');
    return new Unresolved('unresolved:Select');
  }
  const list = evaluator.eval(argument[1], depth);
  if (list instanceof Unresolved) return list;
  if (list instanceof Symbolic) {
    if (list.azRegion === undefined) return new Unresolved(list.reason ?? 'unresolved:Select');
    evaluator.scope.assume('the Availability Zone is chosen by its index in Fn::GetAZs; different indexes are taken as different zones');
    const region = list.azRegion === '' ? '' : `:${list.azRegion}`;
    return new Symbolic(`\${Fn::GetAZs${region}[${position}]}`);
  }
  if (!Array.isArray(list)) return new Unresolved('unresolved:Select');
  const items = list.filter((item) => item !== NO_VALUE);
  if (position >= items.length) {
    evaluator.scope.problem(`Fn::Select index ${position} is past the end of a list of ${items.length}`, node, 'Fn::Select');
    return new Unresolved('unresolved:Select');
  }
  return items[position];
};

/** `Fn::Length` (AWS::LanguageExtensions). */
export const length: Intrinsic = (argument, evaluator, depth) => {
  const list = evaluator.eval(argument, depth);
  if (list instanceof Unresolved) return list;
  return Array.isArray(list) ? list.filter((item) => item !== NO_VALUE).length : new Unresolved('unresolved:Length');
};

/** `Fn::GetAZs`: the zones are only known at deploy time; only a `Fn::Select` into them can be used. */
export const getAZs: Intrinsic = (argument, evaluator, depth) => {
  const region = evaluator.eval(argument, depth);
  const name = typeof region === 'string' ? region : region instanceof Symbolic && region.text === '${AWS::Region}' ? '' : undefined;
  return new Symbolic('${Fn::GetAZs}', 'unresolved:GetAZs', name ?? '?');
};

/** `Fn::Cidr`: `[ipBlock, count, cidrBits]` for IPv4 blocks known in the template. */
export const cidr: Intrinsic = (argument, evaluator, depth) => {
  if (!Array.isArray(argument) || argument.length !== 3) return new Unresolved('unresolved:Cidr');
  const [block, count, bits] = argument.map((item) => plainScalar(evaluator.eval(item, depth), 'Cidr'));
  for (const part of [block, count, bits]) if (part instanceof Unresolved) return part;
  return subnets(String(block), Number(count), Number(bits)) ?? new Unresolved('unresolved:Cidr');
};

function subnets(block: string, count: number, hostBits: number): string[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(block);
  if (!match || !Number.isInteger(count) || !Number.isInteger(hostBits) || count < 1 || count > 256) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32 || hostBits < 0 || hostBits > 32 - prefix) return undefined;
  const blockSize = 2 ** (32 - prefix);
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const network = address - (address % blockSize);
  const size = 2 ** hostBits;
  if (count * size > blockSize) return undefined;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = network + i * size;
    out.push(`${[24, 16, 8, 0].map((shift) => Math.floor(start / 2 ** shift) % 256).join('.')}/${32 - hostBits}`);
  }
  return out;
}

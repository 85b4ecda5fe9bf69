import type { Intrinsic } from '../evaluate.js';
import { and, condition, equals, fnIf, not, or } from './conditions.js';
import { cidr, getAZs, length, select } from './lists.js';
import { findInMap } from './mappings.js';
import { getAtt, importValue, ref, transform } from './references.js';
import { base64, join, split, sub, toJsonString } from './strings.js';

/** The intrinsic functions the resolver knows, by their long-form key. Any other `Fn::` key is an unknown intrinsic. */
export const INTRINSICS: ReadonlyMap<string, Intrinsic> = new Map<string, Intrinsic>([
  ['Ref', ref],
  ['Condition', condition],
  ['Fn::GetAtt', getAtt],
  ['Fn::Sub', sub],
  ['Fn::Join', join],
  ['Fn::Split', split],
  ['Fn::Select', select],
  ['Fn::FindInMap', findInMap],
  ['Fn::GetAZs', getAZs],
  ['Fn::ImportValue', importValue],
  ['Fn::Transform', transform],
  ['Fn::If', fnIf],
  ['Fn::Equals', equals],
  ['Fn::And', and],
  ['Fn::Or', or],
  ['Fn::Not', not],
  ['Fn::Base64', base64],
  ['Fn::Cidr', cidr],
  ['Fn::Length', length],
  ['Fn::ToJsonString', toJsonString],
]);

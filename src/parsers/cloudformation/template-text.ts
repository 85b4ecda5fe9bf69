import { InputError } from '../shared/input-error.js';
import { parseJsonPositioned } from '../shared/json-positioned.js';
import type { PositionedDocument } from '../shared/positions.js';
import { parseYamlPositioned } from '../shared/yaml-positioned.js';
import { isPlainObject } from '../shared/values.js';

/**
 * How deep every position is kept: sections, resources, their attributes and property names (see PositionTable).
 * Below that, only the lines of property paths are kept, as the template is read (shared/property-lines.ts).
 */
const POSITION_DEPTH = 3;
export const BENCH = { mode: 'on' }; // BENCH-TEMP

/** Parses template text: JSON when it starts with `{`, YAML otherwise. Throws InputError with the line. */
export function parseTemplateText(text: string): PositionedDocument {
  let start = 0;
  while (start < text.length && /\s|\uFEFF/.test(text[start]!)) start++;
  if (start >= text.length) throw new InputError('the file is empty; expected a CloudFormation template');
  return text[start] === '{' ? parseJsonPositioned(text, POSITION_DEPTH, BENCH.mode === 'on') : parseYamlPositioned(text, POSITION_DEPTH, BENCH.mode === 'on');
}

/** A CloudFormation template: `AWSTemplateFormatVersion`, or a `Resources` map of `AWS::`/`Custom::` types. */
export function isCloudFormationTemplate(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  if (Object.hasOwn(value, 'AWSTemplateFormatVersion')) return true;
  const resources = value['Resources'];
  if (!isPlainObject(resources)) return false;
  for (const resource of Object.values(resources)) {
    if (isPlainObject(resource) && typeof resource['Type'] === 'string' && /^(AWS|Custom|Alexa)::/.test(resource['Type'])) return true;
  }
  return false;
}

/** A cheap look at the text before parsing, so a folder walk does not parse every YAML or JSON file it meets. */
export function mayBeCloudFormation(text: string): boolean {
  return text.includes('AWSTemplateFormatVersion') || (text.includes('Resources') && (text.includes('AWS::') || text.includes('Custom::')));
}

import { readFileSync } from 'node:fs';
import { jsonErrorOffset, lineAndColumn, type Problem } from '../../core/index.js';
import { failWith } from '../io/exit.js';

/**
 * Reads `--parameters file.json`: either CloudFormation's own format (`[{ "ParameterKey": "Env", "ParameterValue":
 * "prod" }]`, as `aws cloudformation create-stack --parameters file://…` takes it) or a plain `{ "Env": "prod" }`.
 */
export function readParameters(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    failWith(`--parameters: cannot read ${path}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const where = lineAndColumn(text, jsonErrorOffset(text));
    failWith([{ severity: 'error', code: 'parameters_json', message: 'not valid JSON; expected [{ "ParameterKey": …, "ParameterValue": … }] or { "Name": "value" }', file: path, ...where }]);
  }
  const problem = (message: string): Problem => ({ severity: 'error', code: 'parameters_shape', message, file: path });
  const out: Record<string, string> = {};
  if (Array.isArray(data)) {
    data.forEach((entry, i) => {
      const e = entry as { ParameterKey?: unknown; ParameterValue?: unknown };
      if (typeof e?.ParameterKey !== 'string' || (typeof e.ParameterValue !== 'string' && typeof e.ParameterValue !== 'number' && typeof e.ParameterValue !== 'boolean')) {
        failWith([problem(`entry ${i + 1}: expected { "ParameterKey": "<name>", "ParameterValue": "<value>" }`)]);
      }
      out[e.ParameterKey] = String(e.ParameterValue);
    });
    return out;
  }
  if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') failWith([problem(`parameter ${key}: expected a string, number or boolean`)]);
      out[key] = String(value);
    }
    return out;
  }
  failWith([problem('expected [{ "ParameterKey": …, "ParameterValue": … }] or { "Name": "value" }')]);
}

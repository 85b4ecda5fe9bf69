import type { SnapshotCollector } from '../../shared/collector.js';
import { InputError } from '../../shared/input-error.js';
import { parseJsonPositioned } from '../../shared/json-positioned.js';
import type { PositionTable } from '../../shared/positions.js';
import { isPlainObject, makeRef, Unresolved } from '../../shared/values.js';
import { buildTerraform } from '../build.js';
import type { TfResource } from '../model.js';
import { configAddress, indexConfiguration, parseReference, type ConfigEntry } from './plan-config.js';
import { plannedValues } from './plan-values.js';

/** A Terraform plan or state in JSON (`terraform show -json`): `format_version` and planned or state values. */
export function isTerraformPlanJson(value: unknown): boolean {
  return isPlainObject(value) && typeof value['format_version'] === 'string' && (isPlainObject(value['planned_values']) || Array.isArray(value['resource_changes']) || isPlainObject(value['values']));
}

export function mayBeTerraformPlan(text: string): boolean {
  return text.includes('"format_version"') && (text.includes('"planned_values"') || text.includes('"resource_changes"') || text.includes('"values"'));
}

interface Instance {
  resource: TfResource;
  configAddress: string;
  index: string | undefined;
}

/**
 * Reads a plan: managed resources that exist after apply (from `resource_changes`, with `after_unknown`; resources
 * without a change from `planned_values`, or from a state's `values`). Unknown attributes that the configuration
 * says refer to another resource of the plan become `{ $ref }`, so split S3 settings, rules and attachments still
 * find their targets.
 */
export function readTerraformPlan(text: string, file: string, out: SnapshotCollector): void {
  let root: unknown;
  let positions: PositionTable;
  try {
    const doc = parseJsonPositioned(text);
    root = doc.value;
    positions = doc.positions;
    if (!isTerraformPlanJson(root)) throw new InputError('not a Terraform plan: expected the JSON of `terraform show -json` (format_version with planned_values or resource_changes)', 1);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    out.fileRead('terraform', file, [{ message: error.message, line: error.line, column: error.column }]);
    return;
  }
  const plan = root as Record<string, unknown>;
  const instances: Instance[] = [];
  const seen = new Set<string>();
  const add = (address: string, type: string, values: Record<string, unknown>, container: object, key: number, index: unknown): void => {
    if (seen.has(address)) return;
    seen.add(address);
    const position = positions.of(container, key);
    instances.push({
      resource: { uid: `tf:${file}#${address}`, address, type, file, line: position?.line, column: position?.column, values, assumptions: [], suppressions: [] },
      configAddress: configAddress(address),
      index: index === undefined || index === null ? undefined : `[${JSON.stringify(index)}]`,
    });
  };

  const changes = Array.isArray(plan['resource_changes']) ? plan['resource_changes'] : [];
  changes.forEach((change, i) => {
    if (!isPlainObject(change) || change['mode'] !== 'managed' || typeof change['address'] !== 'string' || typeof change['type'] !== 'string') return;
    const detail = isPlainObject(change['change']) ? change['change'] : {};
    const actions = Array.isArray(detail['actions']) ? detail['actions'] : [];
    if (actions.length === 1 && (actions[0] === 'delete' || actions[0] === 'forget')) return;
    if (detail['after'] === null || detail['after'] === undefined) return;
    add(change['address'], change['type'], plannedValues(detail['after'], detail['after_unknown'], detail['after_sensitive']), changes, i, change['index']);
  });
  const visit = (module: unknown, depth: number): void => {
    if (!isPlainObject(module) || depth > 50) return;
    const resources = Array.isArray(module['resources']) ? module['resources'] : [];
    resources.forEach((resource, i) => {
      if (!isPlainObject(resource) || resource['mode'] !== 'managed' || typeof resource['address'] !== 'string' || typeof resource['type'] !== 'string') return;
      add(resource['address'], resource['type'], plannedValues(resource['values'], undefined, resource['sensitive_values']), resources, i, resource['index']);
    });
    for (const child of Array.isArray(module['child_modules']) ? module['child_modules'] : []) visit(child, depth + 1);
  };
  for (const section of ['planned_values', 'values']) if (isPlainObject(plan[section])) visit((plan[section] as Record<string, unknown>)['root_module'], 0);

  const account = callerAccount(plan['prior_state']);
  if (account !== undefined) for (const instance of instances) instance.resource.account = account;

  const config = indexConfiguration(plan['configuration']);
  const byConfig = new Map<string, Instance[]>();
  for (const instance of instances) {
    const list = byConfig.get(instance.configAddress);
    if (list) list.push(instance);
    else byConfig.set(instance.configAddress, [instance]);
  }
  for (const instance of instances) {
    const entry = config.get(instance.configAddress);
    if (entry) linkReferences(instance.resource.values, entry.expressions, entry, instance, byConfig, 0);
  }
  const problems = [] as { message: string; line?: number }[];
  buildTerraform(instances.map((i) => i.resource), out, () => problems);
  out.fileRead('terraform', file, problems);
}

/**
 * The account the plan deploys into, when it reads `data.aws_caller_identity` (the data sources a plan read are in
 * its `prior_state`) and every such data source names the same account; undefined otherwise (several providers
 * may target several accounts).
 */
function callerAccount(priorState: unknown): string | undefined {
  const accounts = new Set<string>();
  const visit = (module: unknown, depth: number): void => {
    if (!isPlainObject(module) || depth > 50) return;
    for (const resource of Array.isArray(module['resources']) ? module['resources'] : []) {
      if (!isPlainObject(resource) || resource['mode'] !== 'data' || resource['type'] !== 'aws_caller_identity' || !isPlainObject(resource['values'])) continue;
      const id = resource['values']['account_id'];
      if (typeof id === 'string' && /^\d{12}$/.test(id)) accounts.add(id);
    }
    for (const child of Array.isArray(module['child_modules']) ? module['child_modules'] : []) visit(child, depth + 1);
  };
  if (isPlainObject(priorState) && isPlainObject(priorState['values'])) visit(priorState['values']['root_module'], 0);
  return accounts.size === 1 ? [...accounts][0] : undefined;
}

/** Replaces unknown values whose expression refers to a resource of the plan with a `$ref` to that resource. */
function linkReferences(values: Record<string, unknown>, expressions: Record<string, unknown>, entry: ConfigEntry, instance: Instance, byConfig: Map<string, Instance[]>, depth: number): void {
  if (depth > 20) return;
  for (const [key, expression] of Object.entries(expressions)) {
    if (!Object.hasOwn(values, key)) continue;
    const value = values[key];
    if (Array.isArray(expression)) {
      if (Array.isArray(value)) expression.forEach((nested, i) => {
        if (isPlainObject(nested) && isPlainObject(value[i])) linkReferences(value[i] as Record<string, unknown>, nested, entry, instance, byConfig, depth + 1);
      });
      continue;
    }
    if (!isPlainObject(expression) || !Array.isArray(expression['references'])) continue;
    const targets = resolveTargets(expression['references'] as unknown[], entry, instance, byConfig);
    if (value instanceof Unresolved && targets.length > 0) values[key] = targets[0];
    else if (Array.isArray(value) && value.length > 0 && value.length === targets.length && value.every((v) => v instanceof Unresolved)) values[key] = targets;
  }
}

function resolveTargets(references: unknown[], entry: ConfigEntry, instance: Instance, byConfig: Map<string, Instance[]>): unknown[] {
  const out: unknown[] = [];
  const used = new Set<string>();
  for (const reference of references) {
    if (typeof reference !== 'string') continue;
    const parsed = parseReference(reference);
    if (parsed === undefined) continue;
    const candidates = byConfig.get(`${entry.modulePrefix}${parsed.resource}`) ?? [];
    let target: Instance | undefined;
    if (parsed.index !== undefined) target = candidates.find((c) => c.index === parsed.index);
    else if (candidates.length === 1) target = candidates[0];
    else if (instance.index !== undefined) target = candidates.find((c) => c.index === instance.index);
    if (target === undefined || used.has(target.resource.uid)) continue;
    used.add(target.resource.uid);
    out.push(parsed.attribute === undefined || parsed.attribute === 'id' ? makeRef(target.resource.uid) : makeRef(target.resource.uid, parsed.attribute));
  }
  return out;
}

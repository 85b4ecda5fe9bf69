import { isPlainObject } from '../../shared/values.js';

/** The configuration of one resource in a plan: its expressions (with references) and its module path. */
export interface ConfigEntry {
  modulePrefix: string;
  expressions: Record<string, unknown>;
}

/** Indexes `configuration.root_module` (and module calls) by config address (`module.net.aws_subnet.a`). */
export function indexConfiguration(configuration: unknown): Map<string, ConfigEntry> {
  const index = new Map<string, ConfigEntry>();
  const visit = (module: unknown, prefix: string, depth: number): void => {
    if (!isPlainObject(module) || depth > 50) return;
    for (const resource of Array.isArray(module['resources']) ? module['resources'] : []) {
      if (!isPlainObject(resource) || resource['mode'] === 'data' || typeof resource['address'] !== 'string') continue;
      index.set(`${prefix}${resource['address']}`, { modulePrefix: prefix, expressions: isPlainObject(resource['expressions']) ? resource['expressions'] : {} });
    }
    const calls = module['module_calls'];
    if (isPlainObject(calls)) for (const [name, call] of Object.entries(calls)) if (isPlainObject(call)) visit(call['module'], `${prefix}module.${name}.`, depth + 1);
  };
  visit(isPlainObject(configuration) ? configuration['root_module'] : undefined, '', 0);
  return index;
}

/** `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b` (instance keys removed). */
export function configAddress(address: string): string {
  return address.replace(/\[("(?:[^"\\]|\\.)*"|[^\]]*)\]/g, '');
}

/** A reference string of a plan (`aws_s3_bucket.b.id`, `aws_s3_bucket.b[0]`) split into its parts. */
export function parseReference(reference: string): { resource: string; index?: string; attribute?: string } | undefined {
  const match = /^([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)(\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\])?(?:\.([A-Za-z0-9_]+))?/.exec(reference);
  if (!match || ['var', 'local', 'data', 'module', 'each', 'count', 'path', 'terraform', 'self'].includes(match[1]!)) return undefined;
  return { resource: `${match[1]}.${match[2]}`, ...(match[3] !== undefined ? { index: match[3] } : {}), ...(match[4] !== undefined ? { attribute: match[4] } : {}) };
}

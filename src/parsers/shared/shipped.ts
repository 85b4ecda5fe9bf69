import { globMatches, type Resource } from '../../core/index.js';
import { TEMPLATE_TYPE } from '../cloudformation/template-resource.js';

/**
 * The input files a resource belongs to: the file in its uid (`cfn:<root template>#…`, `tf:<file or plan>#…`), so a
 * nested stack ships with the template that nests it, and the file it is written in.
 */
function inputFiles(resource: Resource): string[] {
  const hash = resource.uid.indexOf('#');
  const prefix = /^(cfn|tf):/.exec(resource.uid);
  const root = prefix ? resource.uid.slice(prefix[0].length, hash < 0 ? undefined : hash) : undefined;
  return [root, resource.location.file].filter((f): f is string => f !== undefined && f !== '');
}

/**
 * Marks every resource read from a template shipped to customers (ftr.yaml `customerTemplates`, matched against the
 * file as uids name it) with `shippedToCustomers: true`, so only the customer-template rules judge it (and the
 * template pseudo-resource's `ShippedToCustomers` agrees). Resources are the parser's own fresh objects.
 */
export function markShippedToCustomers(resources: Resource[], globs: readonly string[]): void {
  if (globs.length === 0) return;
  for (const resource of resources) {
    if (!inputFiles(resource).some((file) => globs.some((glob) => globMatches(glob, file)))) continue;
    resource.shippedToCustomers = true;
    if (resource.type === TEMPLATE_TYPE) resource.properties = { ...resource.properties, ShippedToCustomers: true };
  }
}

/**
 * Terraform resources the parser keeps only as `Terraform::Resource` (docs/resource-model.md): their values are not
 * copied, so a rule cannot see what they configure. When such a resource could change a verdict (a listener rule
 * that forwards plain HTTP, an Elastic IP on an instance), the rule must not pass as if it were absent.
 */
import type { Resource, RuleContext } from '../../core/index.js';

const UNMAPPED = 'Terraform::Resource';

/**
 * The first unmapped Terraform resource of one of `terraformTypes` among the Terraform inputs, if any (a module's
 * resources spread over several files, so any Terraform input may hold the one that matters).
 */
export function unmappedTerraform(ctx: RuleContext, from: Resource, terraformTypes: readonly string[]): Resource | undefined {
  if (from.source !== 'terraform') return undefined;
  return ctx.resources(UNMAPPED, { source: 'terraform' }).find((r) => terraformTypes.includes(String(r.properties['TerraformType'])));
}

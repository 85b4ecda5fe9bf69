import { resolve } from 'node:path';
import type { Snapshot } from '../../core/index.js';
import { SnapshotCollector, type ToolInfo } from '../shared/collector.js';
import { markShippedToCustomers } from '../shared/shipped.js';
import { readHclModule } from './hcl/module.js';
import { readTerraformPlan } from './plan/read-plan.js';

export interface ParseTerraformOptions {
  /** How the input is named in uids (`tf:<file>#<address>`) and records. */
  file: string;
  /** Globs of code shipped to customers (ftr.yaml `customerTemplates`), matched against `file`. */
  customerTemplates?: string[] | undefined;
  tool?: ToolInfo | undefined;
}

/** A Terraform plan in JSON (`terraform show -json plan.out`) → a snapshot. */
export function parseTerraformPlan(text: string, options: ParseTerraformOptions): Snapshot {
  const out = new SnapshotCollector();
  readTerraformPlan(text, options.file, out);
  markShippedToCustomers(out.resources, options.customerTemplates ?? []);
  return out.snapshot(options.tool);
}

/** One `.tf` file, read alone (its module's other files, variables files and modules are not seen) → a snapshot. */
export function parseTerraformHcl(text: string, options: ParseTerraformOptions): Snapshot {
  const out = new SnapshotCollector();
  readHclModule([{ file: options.file, absPath: resolve(options.file), text }], [], out);
  markShippedToCustomers(out.resources, options.customerTemplates ?? []);
  return out.snapshot(options.tool);
}

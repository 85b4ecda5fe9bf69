import { resolve } from 'node:path';
import { globMatches, type Snapshot } from '../../core/index.js';
import { SnapshotCollector, type ToolInfo } from '../shared/collector.js';
import { markShippedToCustomers } from '../shared/shipped.js';
import { CloudFormationReader } from './reader.js';

export interface ParseCloudFormationOptions {
  /** How the template is named in uids and records; also where a nested stack's relative TemplateURL starts. */
  file: string;
  parameters?: Record<string, string> | undefined;
  /** Globs of templates shipped to customers (ftr.yaml `customerTemplates`), matched against `file`. */
  customerTemplates?: string[] | undefined;
  maxFileBytes?: number | undefined;
  tool?: ToolInfo | undefined;
}

/** One CloudFormation template (YAML or JSON text) → a snapshot; nested stacks with local templates are followed. */
export function parseCloudFormation(text: string, options: ParseCloudFormationOptions): Snapshot {
  const out = new SnapshotCollector();
  const globs = options.customerTemplates ?? [];
  new CloudFormationReader(out, {
    parameters: options.parameters,
    maxFileBytes: options.maxFileBytes,
    shippedToCustomers: (file) => globs.some((glob) => globMatches(glob, file)),
  }).readRoot(text, options.file, resolve(options.file));
  markShippedToCustomers(out.resources, globs);
  return out.snapshot(options.tool);
}

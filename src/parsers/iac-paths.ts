import { dirname } from 'node:path';
import { globMatches, type Snapshot } from '../core/index.js';
import { readCloudAssembly } from './cloudformation/cdk.js';
import { CloudFormationReader } from './cloudformation/reader.js';
import { isCloudFormationTemplate, mayBeCloudFormation, parseTemplateText } from './cloudformation/template-text.js';
import { discover } from './discover.js';
import { SnapshotCollector, type ToolInfo } from './shared/collector.js';
import { DEFAULT_MAX_FILE_BYTES, displayPath, readHead, readTextFile } from './shared/files.js';
import { InputError } from './shared/input-error.js';
import { markShippedToCustomers } from './shared/shipped.js';
import { readHclModule, type HclFile } from './terraform/hcl/module.js';
import { mayBeTerraformPlan, readTerraformPlan } from './terraform/plan/read-plan.js';

export interface IacOptions {
  /** Template parameter values (from --parameters file.json), also pseudo-parameters such as `AWS::Region`. */
  parameters?: Record<string, string> | undefined;
  /** Globs of templates shipped to customers (ftr.yaml `customerTemplates`). */
  customerTemplates?: string[] | undefined;
  /** Larger files are reported, not read (default 50 MB). */
  maxFileBytes?: number | undefined;
  tool?: ToolInfo | undefined;
}

const SNIFF_BYTES = 64 * 1024;

/**
 * Reads CloudFormation templates (YAML, JSON, SAM), CDK cloud assemblies, Terraform plans and `.tf` folders under
 * the given paths into one snapshot. Every input file gets a collection record; a file that fails is recorded with
 * its line and message and never stops the others. It does not throw for bad input.
 */
export async function parseIacPaths(paths: string[], options: IacOptions = {}): Promise<Snapshot> {
  const out = new SnapshotCollector();
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const globs = options.customerTemplates ?? [];
  const reader = new CloudFormationReader(out, {
    parameters: options.parameters,
    maxFileBytes: maxBytes,
    shippedToCustomers: (file) => globs.some((glob) => globMatches(glob, file)),
  });
  const found = discover(paths);
  for (const missing of found.missing) out.fileFailed('cloudformation', displayPath(missing.path), { message: missing.message });

  const guarded = (file: string, source: 'cloudformation' | 'terraform', work: () => void): void => {
    try {
      work();
    } catch (error) {
      out.fileRead(source, file, [{ message: `could not be read: ${error instanceof Error ? error.message : String(error)}` }]);
    }
  };

  for (const manifest of found.assemblies) guarded(displayPath(manifest), 'cloudformation', () => readCloudAssembly(manifest, reader, out, maxBytes));

  // Each file is read and dropped in turn, so memory holds the model, not every template's text.
  const planFolders = new Set<string>();
  const readAlone: Array<{ path: string; file: string }> = [];
  for (const { path, explicit } of found.documents) {
    if (reader.nestedFiles.has(path)) continue;
    const file = displayPath(path);
    guarded(file, 'cloudformation', () => {
      let text: string;
      try {
        text = readTextFile(path, maxBytes);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        const head = readHead(path, SNIFF_BYTES);
        if (explicit || looksLikeIac(head)) out.fileFailed(mayBeTerraformPlan(head) ? 'terraform' : 'cloudformation', file, { message: error.message });
        return;
      }
      if (text.trimStart().startsWith('{') && text.includes('"format_version"') && mayBeTerraformPlan(text)) {
        readTerraformPlan(text, file, out);
        planFolders.add(dirname(path));
        return;
      }
      if (!explicit && !mayBeCloudFormation(text)) return;
      let doc;
      try {
        doc = parseTemplateText(text);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        if (explicit || text.includes('AWSTemplateFormatVersion') || /^Resources\s*:/m.test(text) || text.includes('"Resources"')) {
          out.fileRead('cloudformation', file, [{ message: error.message, line: error.line, column: error.column }]);
        }
        return;
      }
      if (!isCloudFormationTemplate(doc.value)) {
        if (explicit) out.fileRead('cloudformation', file, [{ message: 'not a CloudFormation template or Terraform plan: expected AWSTemplateFormatVersion, a Resources map of AWS:: types, or the JSON of terraform show -json', line: 1 }]);
        return;
      }
      readAlone.push({ path, file });
      reader.readRoot(doc, file, path);
    });
  }
  // A template read on its own before its parent showed it to be a nested stack keeps only its nested reading (with
  // the parent's parameters), so it is not reported twice, once with unknown parameters.
  const readTwice = readAlone.filter((t) => reader.nestedFiles.has(t.path)).map((t) => `cfn:${t.file}#`);
  if (readTwice.length > 0) out.remove((resource) => readTwice.some((prefix) => resource.uid.startsWith(prefix)));

  const moduleFolders = new Set(found.modules.keys());
  for (const [folder, module] of found.modules) {
    if (planFolders.has(folder)) {
      for (const path of module.tf) out.fileRead('terraform', displayPath(path), [], 'read through the plan in the same folder');
      continue;
    }
    const files: HclFile[] = [];
    const tfvars: HclFile[] = [];
    for (const [list, target] of [[module.tf, files], [module.tfvars, tfvars]] as const) {
      for (const path of list) {
        const file = displayPath(path);
        try {
          target.push({ file, absPath: path, text: readTextFile(path, maxBytes) });
        } catch (error) {
          out.fileFailed('terraform', file, { message: error instanceof Error ? error.message : String(error) });
        }
      }
    }
    guarded(displayPath(folder), 'terraform', () => readHclModule(files, tfvars, out, { isScannedFolder: (abs) => moduleFolders.has(abs) }));
  }
  markShippedToCustomers(out.resources, globs);
  return out.snapshot(options.tool);
}

function looksLikeIac(head: string): boolean {
  return head.includes('AWSTemplateFormatVersion') || (head.includes('Resources') && head.includes('AWS::')) || head.includes('"format_version"');
}

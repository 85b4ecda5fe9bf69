import { existsSync } from 'node:fs';
import {
  defaultChecklistOf,
  loadCatalog,
  loadConfig,
  loadSnapshot,
  selectChecklist,
  type AssessInput,
  type Catalog,
  type LoadedConfig,
  type LoadedSnapshot,
  type Problem,
  type Rule,
} from '../core/index.js';
import { rules as builtInRules } from '../rules/index.js';
import { failWith, printProblems } from './io/exit.js';
import { now, TOOL } from './io/tool.js';

export interface AssessOptions {
  snapshot?: string[];
  attestations?: string;
  /** How reports name the attestations file (the demo's lives inside the package). */
  attestationsDisplayPath?: string;
  checklist?: string;
}

export function loadCatalogOrExit(): Catalog {
  const result = loadCatalog();
  if (!result.value) failWith([{ severity: 'error', code: 'catalog_broken', message: 'the FTR catalog shipped with ftr-ready does not load; reinstall the package' }, ...result.errors]);
  return result.value;
}

/** ftr.yaml: the file named, else ./ftr.yaml when present; none is fine (manual requirements stay unknown). */
export function loadConfigOrExit(path: string | undefined, catalog: Catalog, at: Date, displayPath?: string): { config: LoadedConfig | undefined; warnings: Problem[] } {
  const chosen = path ?? (existsSync('ftr.yaml') ? 'ftr.yaml' : undefined);
  if (chosen === undefined) {
    return {
      config: undefined,
      warnings: [{ severity: 'warning', code: 'no_config', message: 'no ftr.yaml here: requirements that need attestations stay unknown (create one with `ftr init`, or pass --attestations <file>)' }],
    };
  }
  const result = loadConfig(chosen, catalog, at, displayPath);
  if (!result.value) failWith(result.errors);
  const shown = result.value.displayPath;
  return { config: result.value, warnings: result.warnings.map((w) => (w.file === chosen ? { ...w, file: shown } : w)) };
}

export function loadSnapshotsOrExit(paths: readonly string[]): LoadedSnapshot[] {
  const loaded: LoadedSnapshot[] = [];
  const errors: Problem[] = [];
  for (const path of paths) {
    const result = loadSnapshot(path);
    if (result.value) loaded.push(result.value);
    else errors.push(...result.errors);
  }
  if (errors.length > 0) failWith(errors);
  return loaded;
}

/** Everything `assess` needs, loaded and validated; any user error ends the run with exit 2 before anything is written. */
export function prepareAssessment(options: AssessOptions, snapshots: LoadedSnapshot[], extraRules: readonly Rule[] = []): AssessInput {
  const at = now();
  const catalog = loadCatalogOrExit();
  const { config, warnings } = loadConfigOrExit(options.attestations, catalog, at, options.attestationsDisplayPath);
  const spec = options.checklist ?? config?.config.product.checklist ?? (config ? defaultChecklistOf(config.config) : 'partner-hosted');
  const selected = selectChecklist(catalog, spec, at);
  if ('error' in selected) failWith([{ severity: 'error', code: 'bad_checklist', message: `--checklist: ${selected.error}` }]);
  const rules = [...builtInRules, ...extraRules];
  const ruleIds = new Set(rules.map((r) => r.meta.id));
  for (const waiver of config?.waivers ?? []) {
    if (!waiver.rule.includes('*') && !ruleIds.has(waiver.rule)) {
      warnings.push({ severity: 'warning', code: 'unknown_rule', message: `the waiver names rule "${waiver.rule}", which does not exist (see \`ftr rules\`)`, file: config?.displayPath ?? 'ftr.yaml', ...(waiver.line !== undefined ? { line: waiver.line } : {}) });
    }
  }
  printProblems([...warnings, ...selected.warnings]);
  return { snapshots, catalog, selected, config, rules, now: at, tool: TOOL, warnings };
}

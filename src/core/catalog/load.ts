import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadResult, Problem } from '../problems/problem.js';
import { readYaml, zodProblems, type ParsedYaml } from '../yaml/read-yaml.js';
import { checkChecklist } from './cross-refs.js';
import { AlternativePathFile, ChecklistFile } from './schema.js';

/** The catalog folder shipped with the package (`catalog/` at the package root). */
export const BUNDLED_CATALOG_DIR = fileURLToPath(new URL('../../../catalog/', import.meta.url));

export interface Catalog {
  checklists: ReadonlyMap<string, ChecklistFile>;
  alternativePath: AlternativePathFile | undefined;
  /** sha256 over every catalog file, in name order: an assessment records which catalog judged it. */
  hash: string;
  files: string[];
}

function parseFile(path: string, name: string): { parsed: ParsedYaml; text: string } {
  const text = readFileSync(path, 'utf8');
  return { parsed: readYaml(text, name), text };
}

/**
 * Loads every `*.yaml` in the catalog folder: a file with `checklist:` is a checklist, one with
 * `alternativePath:` the alternative path. Shape first, then cross-references; any error and no catalog at all.
 */
export function loadCatalog(dir: string = BUNDLED_CATALOG_DIR): LoadResult<Catalog> {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const checklists = new Map<string, ChecklistFile>();
  let alternativePath: AlternativePathFile | undefined;
  const hash = createHash('sha256');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
  } catch {
    return { value: undefined, errors: [{ severity: 'error', code: 'catalog_missing', message: `cannot read the catalog folder ${dir}` }], warnings };
  }
  for (const name of names) {
    const file = join(dir, name);
    const { parsed, text } = parseFile(file, name);
    hash.update(name).update('\0').update(text);
    if (parsed.errors.length > 0) {
      errors.push(...parsed.errors);
      continue;
    }
    const data = parsed.data as Record<string, unknown> | null;
    if (data && typeof data === 'object' && 'alternativePath' in data) {
      const result = AlternativePathFile.safeParse(data);
      if (result.success) alternativePath = result.data;
      else errors.push(...zodProblems(result.error.issues, name, parsed));
      continue;
    }
    const result = ChecklistFile.safeParse(data);
    if (!result.success) {
      errors.push(...zodProblems(result.error.issues, name, parsed));
      continue;
    }
    const problems = checkChecklist(result.data, name, parsed);
    errors.push(...problems.filter((p) => p.severity === 'error'));
    warnings.push(...problems.filter((p) => p.severity === 'warning'));
    if (checklists.has(result.data.checklist.id)) {
      errors.push({ severity: 'error', code: 'duplicate_checklist', message: `checklist ${result.data.checklist.id} is defined twice`, file: name });
    }
    checklists.set(result.data.checklist.id, result.data);
  }
  if (checklists.size === 0 && errors.length === 0) {
    errors.push({ severity: 'error', code: 'catalog_empty', message: `no checklist found in ${dir}` });
  }
  if (errors.length > 0) return { value: undefined, errors, warnings };
  return { value: { checklists, alternativePath, hash: hash.digest('hex'), files: names }, errors, warnings };
}

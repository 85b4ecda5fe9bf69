import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';

/** What a walk over the given paths found, by kind. Paths are absolute. */
export interface Discovered {
  /** YAML/JSON files that may be templates or plans (decided by their content). */
  documents: Array<{ path: string; explicit: boolean }>;
  /** `.tf` and variable files, by module folder. */
  modules: Map<string, { tf: string[]; tfvars: string[] }>;
  /** CDK cloud assembly manifests (`cdk.out/manifest.json`). */
  assemblies: string[];
  /** Named paths that do not exist or cannot be read. */
  missing: Array<{ path: string; message: string }>;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform', '.aws-sam', '.serverless', '__pycache__', '.venv', 'venv', '.idea', '.vscode']);
const DOCUMENT_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.template', '.tpl', '.cfn']);

/**
 * Walks files and folders: templates and plans are candidates by extension, `.tf` files group by folder, and a
 * folder holding a cloud assembly manifest is read through the manifest only (its asset folders are never walked).
 * Dependency and tool folders (node_modules, .git, .terraform, .aws-sam) and hidden folders are skipped; symbolic
 * link loops are cut.
 */
export function discover(paths: readonly string[]): Discovered {
  const found: Discovered = { documents: [], modules: new Map(), assemblies: [], missing: [] };
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();

  const addFile = (path: string, explicit: boolean): void => {
    if (seenFiles.has(path)) return;
    seenFiles.add(path);
    const name = basename(path);
    const ext = extname(name).toLowerCase();
    if (ext === '.tf') moduleOf(found, dirname(path)).tf.push(path);
    else if (name === 'terraform.tfvars' || name.endsWith('.auto.tfvars')) moduleOf(found, dirname(path)).tfvars.push(path);
    else if (name === 'manifest.json' && isAssemblyFolder(dirname(path))) found.assemblies.push(path);
    else if (DOCUMENT_EXTENSIONS.has(ext) || explicit) found.documents.push({ path, explicit });
  };

  const walk = (root: string): void => {
    const stack = [root];
    while (stack.length > 0) {
      const folder = stack.pop()!;
      let real: string;
      try {
        real = realpathSync(folder);
      } catch {
        continue;
      }
      if (seenFolders.has(real)) continue;
      seenFolders.add(real);
      let entries: Dirent[];
      try {
        entries = readdirSync(folder, { withFileTypes: true });
      } catch (error) {
        if (folder === root) found.missing.push({ path: folder, message: `cannot read the folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
        continue;
      }
      if (isAssembly(folder, entries.map((entry) => entry.name))) {
        addFile(join(folder, 'manifest.json'), false);
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
      for (const entry of entries) {
        const path = join(folder, entry.name);
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          try {
            const stat = statSync(path);
            isDir = stat.isDirectory();
            isFile = stat.isFile();
          } catch {
            continue;
          }
        }
        if (isDir) {
          if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.') && !entry.name.startsWith('asset.')) stack.push(path);
        } else if (isFile) addFile(path, false);
      }
    }
  };

  for (const given of paths) {
    const path = resolve(given);
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      found.missing.push({ path, message: code === 'ENOENT' ? 'no such file or folder' : `cannot read it (${code ?? 'error'})` });
      continue;
    }
    if (stat.isDirectory()) walk(path);
    else addFile(path, true);
  }
  for (const module of found.modules.values()) {
    module.tf.sort();
    module.tfvars.sort();
  }
  found.documents.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  found.assemblies.sort();
  return found;
}

function moduleOf(found: Discovered, folder: string): { tf: string[]; tfvars: string[] } {
  let module = found.modules.get(folder);
  if (!module) found.modules.set(folder, (module = { tf: [], tfvars: [] }));
  return module;
}

/** A CDK cloud assembly: `manifest.json` beside `tree.json` or stack templates, or a folder named cdk.out. */
function isAssembly(folder: string, names: readonly string[]): boolean {
  if (!names.includes('manifest.json')) return false;
  return basename(folder) === 'cdk.out' || names.includes('tree.json') || names.some((n) => n.endsWith('.template.json'));
}

function isAssemblyFolder(folder: string): boolean {
  try {
    return isAssembly(folder, readdirSync(folder));
  } catch {
    return false;
  }
}

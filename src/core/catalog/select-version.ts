import type { Requirement, ChecklistFile, ChecklistVersion } from './schema.js';
import type { Catalog } from './load.js';
import type { Problem } from '../problems/problem.js';

export interface SelectedChecklist {
  checklist: ChecklistFile;
  version: ChecklistVersion;
  /** The requirements of that version, in the checklist's own order. */
  requirements: Requirement[];
  expired: boolean;
  warnings: Problem[];
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Versions newest first (by release date). */
export function versionsNewestFirst(checklist: ChecklistFile): ChecklistVersion[] {
  return [...checklist.versions].sort((a, b) => b.released.localeCompare(a.released));
}

/**
 * Picks `name` or `name@version`. Without a version: the newest one still accepted today, else the newest with a
 * warning that it has expired (ARCHITECTURE §8). Returns an error message for an unknown name or version.
 */
export function selectChecklist(catalog: Catalog, spec: string, today: Date): SelectedChecklist | { error: string } {
  const [name = '', versionId] = spec.split('@');
  const checklist = catalog.checklists.get(name);
  if (!checklist) return { error: `unknown checklist "${name}"; expected one of: ${[...catalog.checklists.keys()].join(', ')}` };
  const day = isoDay(today);
  const ordered = versionsNewestFirst(checklist);
  const warnings: Problem[] = [];
  let version: ChecklistVersion | undefined;
  if (versionId !== undefined) {
    version = checklist.versions.find((v) => v.id === versionId);
    if (!version) return { error: `checklist ${name} has no version "${versionId}"; expected one of: ${ordered.map((v) => v.id).join(', ')}` };
  } else {
    version = ordered.find((v) => v.validFrom <= day && day <= v.acceptedUntil) ?? ordered[0];
  }
  if (!version) return { error: `checklist ${name} has no versions` };
  const expired = version.acceptedUntil < day;
  if (expired) {
    warnings.push({
      severity: 'warning',
      code: 'checklist_expired',
      message: `${checklist.checklist.title} ${version.title} (${version.id}) was accepted until ${version.acceptedUntil}; ${versionId === undefined ? 'no newer version is in the catalog, so it is used anyway' : 'it was chosen explicitly'}. Check the AWS checklist page for a newer version.`,
    });
  }
  if (version.completeness !== 'full') {
    warnings.push({
      severity: 'warning',
      code: 'checklist_reconstructed',
      message: `${version.id} is ${version.completeness === 'partial' ? 'only partly known' : 'reconstructed from secondary sources'}; its requirement set may differ from AWS's text.`,
    });
  }
  const requirements = checklist.requirements.filter((r) => r.versions.includes(version.id));
  return { checklist, version, requirements, expired, warnings };
}

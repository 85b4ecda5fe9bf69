import type { AssessedRequirement, Assessment } from '../../core/index.js';

export interface SectionGroup {
  id: string;
  title: string;
  requirements: AssessedRequirement[];
}

/** Requirements grouped by section, sections in the order they first appear: the checklist's own order. */
export function sectionsInOrder(assessment: Assessment): SectionGroup[] {
  const groups = new Map<string, SectionGroup>();
  for (const requirement of assessment.requirements) {
    let group = groups.get(requirement.section);
    if (!group) {
      group = { id: requirement.section, title: requirement.sectionTitle, requirements: [] };
      groups.set(requirement.section, group);
    }
    group.requirements.push(requirement);
  }
  return [...groups.values()];
}

/** The first reason's message: the one line a summary shows. */
export function topReason(requirement: AssessedRequirement): string | undefined {
  return requirement.reasons[0]?.message;
}

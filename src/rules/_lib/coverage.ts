/**
 * Whether something protects a resource (a backup plan, a snapshot policy), as a three-way answer: a rule passes on
 * `covered`, fails on `uncovered`, and says `unknown` on `uncertain` — never fails on what it could not read.
 */
export type Coverage =
  | { status: 'covered'; by: string }
  | { status: 'uncovered' }
  | { status: 'uncertain'; reason: string };

/** Covered if any source covers; else uncertain if any source was unreadable; else uncovered. */
export function combineCoverage(...answers: Coverage[]): Coverage {
  const covered = answers.find((a) => a.status === 'covered');
  if (covered) return covered;
  const uncertain = answers.find((a) => a.status === 'uncertain');
  return uncertain ?? { status: 'uncovered' };
}

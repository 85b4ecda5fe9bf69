/**
 * The demo's assessment in brief — per requirement its status and reason codes, per rule its status and counts — as
 * `ftr demo` produces it (the bundled live snapshot, the company's templates, its ftr.yaml) on a pinned day. The
 * committed copy, test/fixtures/demo/assessment.golden.json, is what test/unit/demo-snapshot.test.ts compares with;
 * build-demo-snapshot.ts rewrites it after a rebuild, and `UPDATE_GOLDEN=1` rewrites it from the test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoInput, demoTemplates } from '../../src/cli/commands/demo.js';
import { assess, type Assessment } from '../../src/core/index.js';
import { ASSESS_NOW } from '../../test/scenarios/attestations.js';

export const DEMO_GOLDEN_PATH = fileURLToPath(new URL('../../test/fixtures/demo/assessment.golden.json', import.meta.url));
/** The day the demo is assessed as of (the CLI tests pin FTR_NOW to it too). */
export const DEMO_ASSESSED_AT = ASSESS_NOW;

export interface DemoGolden {
  assessedAt: string;
  checklist: string;
  summary: Assessment['summary'];
  requirements: Record<string, { status: string; reasons: string[] }>;
  rules: Record<string, { status: string; counts: Record<string, number> }>;
}

/** Runs `work` with the CLI clock (FTR_NOW) pinned. */
async function asOf<T>(at: string, work: () => Promise<T>): Promise<T> {
  const previous = process.env['FTR_NOW'];
  process.env['FTR_NOW'] = at;
  try {
    return await work();
  } finally {
    if (previous === undefined) delete process.env['FTR_NOW'];
    else process.env['FTR_NOW'] = previous;
  }
}

/** The demo's assessment, as `ftr demo` makes it, as of DEMO_ASSESSED_AT. */
export function demoAssessmentAsOf(at: string = DEMO_ASSESSED_AT): Promise<Assessment> {
  return asOf(at, async () => assess(demoInput([await demoTemplates()])));
}

export function goldenOf(assessment: Assessment, assessedAt: string = DEMO_ASSESSED_AT): DemoGolden {
  const sorted = <T>(entries: Array<[string, T]>) => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    assessedAt,
    checklist: `${assessment.checklist.id}@${assessment.checklist.version}`,
    summary: assessment.summary,
    requirements: Object.fromEntries(assessment.requirements.map((r) => [r.id, { status: r.status, reasons: r.reasons.map((x) => x.code) }])),
    rules: sorted(assessment.rules.map((r) => [r.id, { status: r.status, counts: sorted(Object.entries(r.counts)) }])),
  };
}

export async function computeDemoGolden(): Promise<DemoGolden> {
  return goldenOf(await demoAssessmentAsOf());
}

export function renderGolden(golden: DemoGolden): string {
  return `${JSON.stringify(golden, null, 2)}\n`;
}

export function readGolden(): DemoGolden {
  return JSON.parse(readFileSync(DEMO_GOLDEN_PATH, 'utf8')) as DemoGolden;
}

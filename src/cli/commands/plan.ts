import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { assess, Assessment, type Catalog, type Problem } from '../../core/index.js';
import { renderPlan, PLAN_FORMATS, type AlternativeHint, type PlanFormat } from '../../reporters/plan.js';
import { loadCatalogOrExit, loadSnapshotsOrExit, prepareAssessment } from '../assess-inputs.js';
import { failWith } from '../io/exit.js';
import { emit } from '../io/write-output.js';
import { attestationsOption, checklistOption, outOption } from '../options.js';

export interface AssessmentSource {
  assessment?: string;
  snapshot?: string[];
  attestations?: string;
  checklist?: string;
}

/** Reads an assessment written by `ftr assess --format json`; a bad file ends the run with exit 2. */
export function loadAssessmentFile(path: string): Assessment {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    failWith([{ severity: 'error', code: 'assessment_unreadable', file: path, message: code === 'ENOENT' ? 'no such assessment file' : code !== undefined ? `cannot read the assessment (${code})` : 'not valid JSON; expected an assessment written by `ftr assess --format json`' }]);
  }
  const result = Assessment.safeParse(data);
  if (!result.success) {
    const problems: Problem[] = result.error.issues.slice(0, 20).map((issue) => ({
      severity: 'error',
      code: `schema_${issue.code}`,
      file: path,
      path: issue.path.map(String).join('.'),
      message: `${issue.message}; expected an assessment written by \`ftr assess --format json\``,
    }));
    failWith(problems);
  }
  return result.data;
}

/** The assessment a view command works on: a saved one (`--assessment`), or one made now from the `ftr assess` inputs. */
export function assessmentFrom(options: AssessmentSource, command: string): Assessment {
  if (options.assessment !== undefined) {
    if (options.snapshot !== undefined) failWith(`${command}: give either --assessment or --snapshot, not both`);
    return loadAssessmentFile(options.assessment);
  }
  if (options.snapshot === undefined) failWith(`${command}: give the inputs of \`ftr assess\` (--snapshot …, --attestations ftr.yaml) or a saved --assessment file`);
  return assess(prepareAssessment(options, loadSnapshotsOrExit(options.snapshot)));
}

/** The catalog's attested alternatives of the assessment's checklist, by requirement id. */
export function alternativesOf(catalog: Catalog, checklistId: string): Record<string, AlternativeHint> {
  const checklist = catalog.checklists.get(checklistId);
  return Object.fromEntries(
    (checklist?.requirements ?? []).filter((r) => r.alternative !== undefined).map((r) => [r.id, { title: r.alternative!.title, description: r.alternative!.description }]),
  );
}

export function planCommand(): Command {
  return new Command('plan')
    .summary('remediation plan: what to fix, in which order, by whom and by when')
    .description(
      'Turn an assessment into a tracker: security first, then documentation, then operational tooling; within each, the most severe and widest first. Each item says what to do, with AWS CLI, CloudFormation and Terraform fixes, and the owner and due date from the plan: section of ftr.yaml (items without an owner or past their date are called out).',
    )
    .option('-s, --snapshot <file...>', 'snapshot file(s), as for `ftr assess`')
    .addOption(attestationsOption())
    .addOption(checklistOption())
    .option('--assessment <file>', 'a saved assessment (`ftr assess --format json`) instead of snapshots')
    .addOption(new Option('-f, --format <format>', 'plan format').choices([...PLAN_FORMATS]).default('md'))
    .addOption(outOption())
    .addHelpText('after', '\nExamples:\n  ftr plan -s prod.json -a ftr.yaml --out plan.md\n  ftr plan --assessment assessment.json --format csv --out plan.csv')
    .action((options: AssessmentSource & { format: PlanFormat; out?: string }) => {
      const assessment = assessmentFrom(options, 'ftr plan');
      const alternatives = alternativesOf(loadCatalogOrExit(), assessment.checklist.id);
      emit(renderPlan(assessment, options.format, { alternatives }), options.out);
      if (options.out !== undefined) process.stderr.write(`wrote ${options.out}\n`);
    });
}

import { Command, Option } from 'commander';
import { assess, mergeSnapshots, type ProductFacts, type Resource, type StatusSummary } from '../../core/index.js';
import { renderPathway, PATHWAY_FORMATS, type PathwayFormat } from '../../reporters/pathway.js';
import { loadCatalogOrExit, loadConfigOrExit, loadSnapshotsOrExit, prepareAssessment } from '../assess-inputs.js';
import { useColor } from '../io/color.js';
import { printProblems } from '../io/exit.js';
import { now } from '../io/tool.js';
import { emit } from '../io/write-output.js';
import { attestationsOption, checklistOption, outOption } from '../options.js';

interface PathwayOptions {
  attestations?: string;
  snapshot?: string[];
  checklist?: string;
  format: PathwayFormat;
  out?: string;
}

export function pathwayCommand(): Command {
  return new Command('pathway')
    .summary('standard FTR, or the SOC 2 / Well-Architected alternative?')
    .description(
      'Advise which way through the FTR: the standard review, the SOC 2 Type II alternative or the Well-Architected review alternative. Reads the soc2 and wafr facts of ftr.yaml and, from live snapshots, the Well-Architected Tool (milestones within 12 months, high-risk issues in Security, Reliability and Operational Excellence); says which conditions hold, which do not, and which are unknown.',
    )
    .addOption(attestationsOption())
    .option('-s, --snapshot <file...>', 'snapshot file(s): Well-Architected Tool data, and how far the standard review is')
    .addOption(checklistOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices([...PATHWAY_FORMATS]).default('terminal'))
    .addOption(outOption())
    .addHelpText('after', '\nExamples:\n  ftr pathway -a ftr.yaml\n  ftr pathway -a ftr.yaml -s prod.json --format md --out pathway.md')
    .action((options: PathwayOptions) => {
      const at = now();
      let facts: ProductFacts | undefined;
      let resources: Resource[] | undefined;
      let summary: StatusSummary | undefined;
      const catalog = loadCatalogOrExit();
      if (options.snapshot !== undefined) {
        const snapshots = loadSnapshotsOrExit(options.snapshot);
        const input = prepareAssessment(options, snapshots);
        facts = input.config?.config.product;
        resources = mergeSnapshots(snapshots.map((s) => s.snapshot)).resources;
        summary = assess(input).summary;
      } else {
        const { config, warnings } = loadConfigOrExit(options.attestations, catalog, at);
        printProblems(warnings);
        facts = config?.config.product;
      }
      const color = options.out === undefined && options.format === 'terminal' && useColor(process.stdout);
      const text = renderPathway({ alternativePath: catalog.alternativePath, facts, resources, now: at, ...(summary !== undefined ? { summary } : {}) }, options.format, {
        color,
        width: process.stdout.columns ?? 100,
      });
      emit(text, options.out);
      if (options.out !== undefined) process.stderr.write(`wrote ${options.out}\n`);
    });
}

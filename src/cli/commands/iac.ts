import { Command } from 'commander';
import { assess } from '../../core/index.js';
import { loadCatalogOrExit, loadConfigOrExit, prepareAssessment } from '../assess-inputs.js';
import { now } from '../io/tool.js';
import { snapshotDigest } from '../io/snapshot-digest.js';
import { emit } from '../io/write-output.js';
import { runIac, templatesFromConfig, type IacFlags } from '../iac/run-iac.js';
import { addAssessOptions } from '../options.js';
import { finishReport, type ReportFlags } from './assess.js';

const addIacOptions = (command: Command) =>
  command
    .argument('<paths...>', 'CloudFormation/SAM templates (YAML or JSON), cdk.out folders, Terraform plan JSON or .tf folders')
    .option('--parameters <file.json>', 'template parameter values ([{ParameterKey, ParameterValue}] or {"Name": "value"})')
    .option('--customer-templates <glob...>', 'templates shipped to customers (CAA-002, CAA-007, the Customer-Deployed checks); also ftr.yaml customerTemplates')
    .option('-q, --quiet', 'no summary on stderr');

export function iacCommand(): Command {
  return addIacOptions(new Command('iac').summary('CloudFormation / CDK / Terraform → snapshot'))
    .option('-o, --out <file>', 'write the snapshot here (default: stdout)')
    .action(async (paths: string[], options: IacFlags & { out?: string }) => {
      const config = loadConfigOrExit(undefined, loadCatalogOrExit(), now()).config;
      const snapshot = await runIac(paths, options, config ? templatesFromConfig(config.config.product.customerTemplates, config.dir) : []);
      emit(`${JSON.stringify(snapshot)}\n`, options.out);
    });
}

export function checkCommand(): Command {
  return addAssessOptions(
    addIacOptions(
      new Command('check')
      .summary('iac + assess in one go (the everyday command for code and CI)')
        .description('Read templates and plans, assess them against the FTR checklist, and report; with --fail-on-severity it is a CI gate.'),
    ),
  )
    .addHelpText('after', '\nExamples:\n  ftr check infra/ --format sarif --out ftr.sarif --fail-on-severity high\n  ftr check cdk.out --customer-templates "onboarding/*.yaml"')
    .action(async (paths: string[], options: IacFlags & ReportFlags & { attestations?: string; checklist?: string }) => {
      const config = loadConfigOrExit(options.attestations, loadCatalogOrExit(), now()).config;
      const snapshot = await runIac(paths, options, config ? templatesFromConfig(config.config.product.customerTemplates, config.dir) : []);
      const loaded = { path: '(templates)', sha256: snapshotDigest(snapshot), snapshot };
      finishReport(assess(prepareAssessment(options, [loaded])), options);
    });
}

import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import {
  assess,
  buildFindings,
  evaluateRules,
  ProductFacts,
  ResourceIndex,
  severityRank,
  type AssessInput,
  type Assessment,
  type Finding,
  type LoadedSnapshot,
  type Rule,
  type Snapshot,
} from '../../core/index.js';
import { findDrift, renderDriftMarkdown, renderDriftTerminal } from '../../reporters/drift.js';
import type { ReportFormat } from '../../reporters/index.js';
import { loadCatalogOrExit, loadConfigOrExit, loadSnapshotsOrExit, prepareAssessment } from '../assess-inputs.js';
import { useColor } from '../io/color.js';
import { snapshotDigest } from '../io/snapshot-digest.js';
import { now, PACKAGE_ROOT, TOOL } from '../io/tool.js';
import { writeFileAtomic } from '../io/write-output.js';
import { REPORT_FORMATS } from '../options.js';
import { emitReport, renderReport, writeAllReports } from '../render.js';
import { writeEvidencePack } from './evidence.js';

/** The bundled sample company: a fictitious SaaS vendor with a live snapshot, templates and an ftr.yaml. */
export const DEMO_DIR = fileURLToPath(new URL('demo/brightwave/', PACKAGE_ROOT));
const PACKAGE_DIR = fileURLToPath(PACKAGE_ROOT);
/** How reports name the demo's files, wherever the package is installed and whatever the working folder. */
const TEMPLATES = 'demo/brightwave/templates';
const CONFIG = `${DEMO_DIR}ftr.yaml`;
const CONFIG_SHOWN = 'demo/brightwave/ftr.yaml';
const CODE_FINDINGS_SHOWN = 8;

export function demoSnapshotPaths(): string[] {
  const dir = `${DEMO_DIR}snapshots/`;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => dir + name);
}

/** The demo's inputs: the live snapshot, plus `extra` snapshots (its templates, read by demoTemplates). */
export function demoInput(extra: readonly LoadedSnapshot[] = []) {
  return prepareAssessment({ attestations: CONFIG, attestationsDisplayPath: CONFIG_SHOWN }, [...loadSnapshotsOrExit(demoSnapshotPaths()), ...extra]);
}

/** The live account alone (synchronous; `ftr demo` also reads the templates). */
export function demoAssessment() {
  return assess(demoInput());
}

/**
 * The company's templates through the real parsers, as `ftr check` reads them. They are read from the package root
 * so files are named `demo/brightwave/templates/…` from any working folder, and the ftr.yaml `customerTemplates`
 * globs, relative to the ftr.yaml folder, are turned into that form.
 */
export async function demoTemplates(): Promise<LoadedSnapshot> {
  const config = loadConfigOrExit(CONFIG, loadCatalogOrExit(), now(), CONFIG_SHOWN).config;
  const customerTemplates = (config?.config.product.customerTemplates ?? []).map((glob) => relative(PACKAGE_DIR, resolve(DEMO_DIR, glob)).split('\\').join('/'));
  const { parseIacPaths } = await import('../../parsers/index.js');
  const previous = process.cwd();
  let snapshot: Snapshot;
  try {
    process.chdir(PACKAGE_DIR);
    snapshot = await parseIacPaths([TEMPLATES], { customerTemplates, tool: TOOL });
  } finally {
    process.chdir(previous);
  }
  // The clock the assessment uses (FTR_NOW pins it), so two demo runs give the same bytes.
  snapshot = { ...snapshot, collectedAt: now().toISOString() };
  return { path: TEMPLATES, sha256: snapshotDigest(snapshot), snapshot };
}

/** Rules that read only live accounts, allowed to judge code too; for the drift view only. */
function alsoOnCode(rules: readonly Rule[]): Rule[] {
  return rules
    .filter((r) => r.meta.target !== 'customer-templates' && !r.meta.sources.some((s) => s !== 'live'))
    .map((r) => ({ ...r, meta: { ...r.meta, sources: [...r.meta.sources, 'cloudformation', 'terraform'] } }));
}

/**
 * The findings drift is computed from: the assessment's own, plus, for rules that do not judge code yet, their
 * outcomes on the company's templates. Those extra outcomes are a comparison, never part of the assessment.
 */
function driftFindings(input: AssessInput, assessment: Assessment, code: Snapshot): { findings: Finding[]; compared: Set<string> } {
  const rules = alsoOnCode(input.rules);
  const index = new ResourceIndex(code.resources, code.collection, code.scope);
  const facts = input.config?.config.product ?? ProductFacts.parse({});
  const byUid = new Map(code.resources.map((r) => [r.uid, r]));
  const compared = buildFindings(evaluateRules(rules, index, facts, input.now), input.config?.waivers ?? [], input.now, assessment.checklist.id, (uid) => byUid.get(uid));
  return { findings: [...assessment.findings, ...compared], compared: new Set(rules.map((r) => r.meta.id)) };
}

/** "Code and account side by side": failing findings per source, then the drift between them. */
function codeAndAccount(input: AssessInput, assessment: Assessment, code: LoadedSnapshot) {
  const { findings, compared } = driftFindings(input, assessment, code.snapshot);
  const drift = findDrift(input.snapshots.flatMap((s) => s.snapshot.resources), findings);
  const failing = (live: boolean) => assessment.findings.filter((f) => f.status === 'fail' && (f.resource.source === 'live') === live);
  const files = code.snapshot.collection.filter((r) => r.action === 'parse').length;
  const accounts = assessment.scope.accounts.join(', ');
  const codeFailing = failing(false).sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const sides = [
    { text: `account ${accounts} (live snapshot): ${failing(true).length} failing finding(s)` },
    {
      text: `code (${files} file(s) under ${TEMPLATES}): ${codeFailing.length} failing finding(s)`,
      items: codeFailing.slice(0, CODE_FINDINGS_SHOWN).map((f) => `${f.severity.toUpperCase()} ${f.ruleId}  ${f.resource.name ?? f.resource.uid} (${f.resource.file ?? '?'}:${f.resource.line ?? '?'})`),
    },
  ];
  const note = drift.entries.some((e) => compared.has(e.ruleId))
    ? 'Rules that read live accounts only were also run on the paired template resources for this comparison; those code results are not part of the assessment.'
    : undefined;
  return { drift, sides, ...(note !== undefined ? { note } : {}) };
}

export function demoCommand(): Command {
  return new Command('demo')
    .summary('run the whole pipeline on a bundled sample company (no AWS account needed)')
    .description('Assess Brightwave Analytics, a fictitious SaaS vendor bundled with ftr-ready: a scanned two-Region account, its templates and its ftr.yaml. Prints the summary, with the drift between its templates and its account, and writes every report to --out-dir.')
    .addOption(new Option('--out-dir <dir>', 'folder for all the reports').default('./ftr-demo-output/'))
    .addOption(new Option('-f, --format <format>', 'write only this report (to --out, or stdout)').choices(REPORT_FORMATS))
    .option('-o, --out <file>', 'with --format: the file to write')
    .option('--evidence <pack.zip>', 'also write the evidence pack of the sample company')
    .action(async (options: { outDir: string; format?: ReportFormat; out?: string; evidence?: string }) => {
      const templates = await demoTemplates();
      const input = demoInput([templates]);
      const assessment = assess(input);
      if (options.evidence !== undefined) writeEvidencePack(input, assessment, options.evidence);
      if (options.format !== undefined) {
        emitReport(assessment, options.format, options.out);
        return;
      }
      const color = useColor(process.stdout);
      const { drift, ...text } = codeAndAccount(input, assessment, templates);
      process.stdout.write(renderReport(assessment, 'terminal', color));
      process.stdout.write(`\n${renderDriftTerminal(drift, { color, width: process.stdout.columns ?? 100, ...text })}`);
      const written = writeAllReports(assessment, options.outDir);
      const driftPath = `${options.outDir.replace(/\/$/, '')}/drift.md`;
      writeFileAtomic(driftPath, `# Brightwave Analytics: code and account\n\n${renderDriftMarkdown(drift, text)}`);
      process.stderr.write(`\nreports written to ${options.outDir}: ${[...written, driftPath].map((w) => w.split('/').pop()).join(', ')}\n`);
    });
}

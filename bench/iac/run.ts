/**
 * The IaC performance benchmark (bench/README.md): ftr check against checkov on the same generated corpus.
 *   npx tsx bench/iac/run.ts [--count 1000] [--seed 1] [--tools ftr,checkov,checkov-restricted] [--ftr-repeat 3]
 *                            [--no-build] [--no-big] [--checks all|current]
 * Generates the corpus into .cache/bench/iac (reused while seed, count and generator version match), builds the CLI,
 * installs checkov 3.3.30 into .cache/checkov-venv when missing, times every tool on the corpus and on one ~5 MB
 * template, and writes bench/results/iac.json. A run limited to some tools keeps the others' earlier numbers when
 * they were measured on the same corpus.
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateBigTemplate, generateCorpus, GENERATOR_VERSION, type CorpusStats } from './generate.js';
import { measure, type Measurement } from './measure.js';
import { printReport } from './report.js';
import {
  checkovCommand,
  checkovVersion,
  cloudFormationRules,
  ftrCommand,
  loadEquivalents,
  readCheckovResult,
  readFtrResult,
  REPO,
  TOOLS,
  type CheckovResult,
  type FtrResult,
  type ToolName,
} from './tools.js';

export interface Run {
  tool: ToolName;
  input: 'corpus' | 'big';
  measurement: Measurement;
  /** Every measurement when the run was repeated; `measurement` is the median by wall time. */
  repeats?: Measurement[];
  ftr?: FtrResult;
  checkov?: CheckovResult;
}

export interface Results {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; checkov?: string | undefined };
  corpus: CorpusStats & { path: string };
  big: { path: string; resources: number; bytes: number };
  restrictedChecks: { mode: string; ids: string[]; ftrCloudFormationRules: string[] };
  runs: Run[];
}

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
};
const count = Number(flag('--count', '1000'));
const seed = Number(flag('--seed', '1'));
const tools = flag('--tools', TOOLS.join(',')).split(',') as ToolName[];
const ftrRepeat = Number(flag('--ftr-repeat', '3'));
const checksMode = flag('--checks', 'current');
const withBig = !args.includes('--no-big');
const scratch = join(REPO, '.cache', 'bench', 'iac');
const resultsFile = join(REPO, 'bench', 'results', 'iac.json');
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function prepareCorpus(): CorpusStats & { path: string } {
  const path = join(scratch, `corpus-s${seed}-n${count}-v${GENERATOR_VERSION}`);
  const manifest = join(path, '..', `corpus-s${seed}-n${count}-v${GENERATOR_VERSION}.json`);
  if (existsSync(manifest) && existsSync(path)) return { ...(JSON.parse(readFileSync(manifest, 'utf8')) as CorpusStats), path };
  log(`generating ${count} templates (seed ${seed}) into ${path}`);
  rmSync(path, { recursive: true, force: true });
  const stats = generateCorpus(path, count, seed);
  writeFileSync(manifest, JSON.stringify(stats, null, 2));
  return { ...stats, path };
}

function prepareBig(): { path: string; resources: number; bytes: number } {
  const path = join(scratch, `big-s${seed}-v${GENERATOR_VERSION}`, 'monolith.template.json');
  const manifest = `${path}.stats.json`;
  if (existsSync(manifest) && existsSync(path)) return { path, ...(JSON.parse(readFileSync(manifest, 'utf8')) as { resources: number; bytes: number }) };
  log('generating the ~5 MB template');
  const stats = generateBigTemplate(path, 5, seed);
  writeFileSync(manifest, JSON.stringify(stats));
  return { path, ...stats };
}

function build(): void {
  if (args.includes('--no-build')) return;
  log('building the CLI (tsc -p tsconfig.build.json)');
  try {
    execFileSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO, 'tsconfig.build.json')], { cwd: REPO, stdio: 'inherit' });
  } catch {
    // tsc still writes dist/ when some file has a type error; a broken build shows up as a failed ftr run below.
    log('warning: tsc reported errors; dist/ may hold files from before them');
  }
}

function installCheckov(): void {
  log('checking checkov (bench/iac/install-checkov.sh)');
  execFileSync('sh', [join(import.meta.dirname, 'install-checkov.sh')], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** The median run by wall time: one slow run (a cold disk cache) does not decide the result. */
function median(runs: Measurement[]): Measurement {
  const sorted = [...runs].sort((a, b) => a.wallSeconds - b.wallSeconds);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

async function timeTool(tool: ToolName, input: 'corpus' | 'big', target: string, checks: string[]): Promise<Run> {
  const dir = join(scratch, 'out');
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `${tool}-${input}`);
  const isFile = input === 'big';
  if (tool === 'ftr') {
    const repeats: Measurement[] = [];
    for (let n = 0; n < Math.max(1, ftrRepeat); n++) {
      log(`ftr check on the ${input} (${n + 1}/${ftrRepeat})`);
      repeats.push(await measure(ftrCommand(target, `${base}.json`), { cwd: scratch, stdoutFile: `${base}.stdout`, stderrFile: `${base}.stderr` }));
    }
    return { tool, input, measurement: median(repeats), repeats, ftr: readFtrResult(`${base}.json`, `${base}.stderr`) };
  }
  log(`${tool} on the ${input}${tool === 'checkov-restricted' ? ` (${checks.length} checks)` : ''}`);
  const command = checkovCommand(target, isFile, tool === 'checkov-restricted' ? checks : undefined);
  const measurement = await measure(command, { cwd: scratch, stdoutFile: `${base}.json`, stderrFile: `${base}.stderr` });
  const result = readCheckovResult(`${base}.json`);
  return { tool, input, measurement, ...(result ? { checkov: result } : {}) };
}

async function main(): Promise<void> {
  mkdirSync(scratch, { recursive: true });
  const corpus = prepareCorpus();
  const big = withBig ? prepareBig() : { path: '', resources: 0, bytes: 0 };
  if (tools.includes('ftr')) build();
  if (tools.some((t) => t !== 'ftr')) installCheckov();

  const equivalents = loadEquivalents();
  const ftrRules = cloudFormationRules();
  const current = equivalents.checks.filter((c) => c.rules.some((r) => ftrRules.includes(r))).map((c) => c.id);
  const ids = checksMode === 'all' || current.length === 0 ? equivalents.checks.map((c) => c.id) : current;
  if (checksMode !== 'all' && current.length === 0) log('warning: no rule runs on CloudFormation in this build; the restricted run uses every mapped check');

  const previous: Results | undefined = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Results) : undefined;
  const sameCorpus = previous?.corpus.seed === corpus.seed && previous.corpus.templates === corpus.templates && previous.corpus.generatorVersion === corpus.generatorVersion;
  const runs: Run[] = sameCorpus ? previous!.runs.filter((r) => !tools.includes(r.tool)) : [];
  for (const tool of tools) {
    runs.push(await timeTool(tool, 'corpus', corpus.path, ids));
    if (withBig) runs.push(await timeTool(tool, 'big', big.path, ids));
  }
  runs.sort((a, b) => TOOLS.indexOf(a.tool) - TOOLS.indexOf(b.tool) || a.input.localeCompare(b.input));

  const results: Results = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version, checkov: checkovVersion() },
    corpus: { ...corpus, path: relative(REPO, corpus.path) },
    big: { ...big, path: big.path && relative(REPO, big.path) },
    restrictedChecks: { mode: checksMode, ids, ftrCloudFormationRules: ftrRules },
    runs,
  };
  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  printReport(results);
  log(`results written to ${resultsFile}`);
}

await main();

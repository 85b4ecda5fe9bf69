/**
 * The live-scan benchmark (bench/README.md): Prowler's FTR framework against `ftr run` on two moto accounts
 * seeded with the same ~2,200-resource estate over three Regions.
 *   npx tsx bench/live/run.ts [--repeat 3] [--via both|proxy|direct] [--scale 1] [--tools prowler,ftr] [--no-build]
 *                             [--ftr-cpu-prof] [--no-capacity] [--seed-concurrency 16]
 * Installs moto (.ci/install-moto.sh) and Prowler 5.46.0 (bench/live/install-prowler.sh) when missing, builds the CLI,
 * starts one moto server with the fault proxy in front, seeds account 111111111111 (scanned by Prowler) and
 * 222222222222 (scanned by ftr), and runs the tools one after the other, alternating which goes first. Each repeat
 * has two passes: through the proxy, which logs every call with its account (the call counts), and straight at moto
 * (the timings without the proxy's own cost per call). Writes bench/results/live.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { MOTO_VERSION, startAwsHarness, type AwsHarness } from '../../test/harness/index.js';
import { ACCOUNTS, seedAccounts, type BenchAccount } from './accounts.js';
import { summarizeCalls, type CallSummary } from './calls.js';
import { measureCapacity, type Capacity } from './capacity.js';
import { BENCH_REGIONS, estateSize } from './estate.js';
import { findProcess, measure, processCpuSeconds, type Measurement } from './measure.js';
import { printReport } from './report.js';
import { ftrRun, PROWLER_VERSION, prowlerRun, readFtrResult, readProwlerResult, REPO, type FtrResult, type ProwlerResult } from './tools.js';

export type Tool = 'prowler' | 'ftr';
/** `proxy`: through the fault proxy (calls counted, stand-ins answer what moto lacks); `direct`: straight at moto. */
export type Via = 'proxy' | 'direct';

export interface ToolRunResult {
  tool: Tool;
  via: Via;
  /** 1-based repeat, and whether this tool went first in its pass. */
  repeat: number;
  first: boolean;
  measurement: Measurement;
  /** Through the proxy only. */
  calls?: CallSummary;
  /** CPU seconds moto and (through the proxy) the proxy — this process — spent while the tool ran. */
  motoCpuSeconds?: number;
  proxyCpuSeconds?: number;
  prowler?: ProwlerResult;
  ftr?: FtrResult;
}

export interface LiveResults {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; loadBefore: number[]; loadAfter: number[] };
  versions: { prowler: string; moto: string; ftr: string };
  settings: { regions: string[]; repeat: number; scale: number; via: Via[]; accounts: typeof ACCOUNTS };
  estate: { total: number; seeded: Record<string, number>; alongside: Record<string, number>; seedSeconds: number; seedCalls: number };
  capacity: Array<Capacity & { via: Via }>;
  runs: ToolRunResult[];
  /** Per pass and tool, the run with the median wall time. */
  medians: Partial<Record<Via, Partial<Record<Tool, ToolRunResult>>>>;
  /** Prowler ÷ ftr per pass, from the medians (calls: from the proxy pass). */
  ratios: Partial<Record<Via, Ratios>>;
}

export interface Ratios {
  wall?: number;
  calls?: number;
  cpu?: number;
  rss?: number;
  /** Prowler's moto CPU ÷ ftr's: how much emulator work each tool's calls cost. */
  motoCpu?: number;
}

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
};
const repeat = Math.max(1, Number(flag('--repeat', '1')));
const scale = Number(flag('--scale', '1'));
const tools = flag('--tools', 'prowler,ftr').split(',') as Tool[];
const seedConcurrency = Number(flag('--seed-concurrency', '16'));
const passes: Via[] = flag('--via', 'both') === 'both' ? ['proxy', 'direct'] : [flag('--via', 'both') as Via];
const scratch = join(REPO, '.cache', 'bench', 'live');
const resultsFile = join(REPO, 'bench', 'results', 'live.json');
const log = (message: string) => process.stderr.write(`[bench:live] ${message}\n`);

function build(): void {
  if (args.includes('--no-build') || !tools.includes('ftr')) return;
  log('building the CLI (tsc -p tsconfig.build.json)');
  try {
    execFileSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO, 'tsconfig.build.json')], { cwd: REPO, stdio: 'inherit' });
  } catch {
    // tsc still writes dist/ when some file has a type error; a broken build shows up as a failed ftr run below.
    log('warning: tsc reported errors; dist/ may hold files from before them');
  }
}

function installProwler(): void {
  if (!tools.includes('prowler')) return;
  log(`checking Prowler ${PROWLER_VERSION} (bench/live/install-prowler.sh)`);
  execFileSync('sh', [join(import.meta.dirname, 'install-prowler.sh')], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
}

function median(runs: ToolRunResult[]): ToolRunResult | undefined {
  const sorted = [...runs].sort((a, b) => a.measurement.wallSeconds - b.measurement.wallSeconds);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

async function runTool(h: AwsHarness, motoPid: number | undefined, via: Via, tool: Tool, account: BenchAccount, n: number, first: boolean): Promise<ToolRunResult> {
  const dir = join(scratch, `${tool}-${via}-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const regions = [...BENCH_REGIONS];
  const stdoutFile = join(dir, 'stdout.txt');
  const stderrFile = join(dir, 'stderr.txt');
  const assessment = join(dir, 'assessment.json');
  const profile = args.includes('--ftr-cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${join(dir, 'prof')}`] : [];
  const endpoint = via === 'proxy' ? h.endpoint : h.moto.endpoint;
  const command = tool === 'prowler' ? prowlerRun(endpoint, account.credentials, regions, join(dir, 'output')) : ftrRun(endpoint, account.credentials, regions, assessment, profile);

  h.proxy.clearCalls();
  const motoBefore = motoPid === undefined ? undefined : processCpuSeconds(motoPid);
  const proxyBefore = process.cpuUsage();
  log(`run ${n} (${via}): ${tool} on account ${account.accountId}`);
  const measurement = await measure(command.argv, { cwd: dir, env: command.env, stdoutFile, stderrFile });
  const proxyUsage = process.cpuUsage(proxyBefore);
  const motoAfter = motoPid === undefined ? undefined : processCpuSeconds(motoPid);
  const calls = via === 'proxy' ? summarizeCalls(h.proxy.calls) : undefined;
  h.proxy.clearCalls();
  log(`  ${tool}: ${measurement.wallSeconds.toFixed(1)} s${calls ? `, ${calls.total} calls` : ''}, exit ${measurement.exitCode}`);
  if (measurement.exitCode !== 0) log(`  ${tool} failed; see ${stderrFile}`);
  const attributed = calls?.byAccount[account.accountId] ?? 0;
  if (calls && attributed !== calls.total) log(`  warning: ${calls.total - attributed} of ${calls.total} calls were filed under other accounts: ${JSON.stringify(calls.byAccount)}`);
  return {
    tool,
    via,
    repeat: n,
    first,
    measurement,
    ...(calls ? { calls, proxyCpuSeconds: (proxyUsage.user + proxyUsage.system) / 1e6 } : {}),
    ...(motoBefore !== undefined && motoAfter !== undefined ? { motoCpuSeconds: motoAfter - motoBefore } : {}),
    ...(tool === 'prowler' ? { prowler: readProwlerResult(join(dir, 'output'), [stdoutFile, stderrFile]) } : {}),
    ...(tool === 'ftr' ? { ftr: readFtrResult(assessment, stderrFile) } : {}),
  };
}

async function main(): Promise<void> {
  mkdirSync(scratch, { recursive: true });
  installProwler();
  build();
  const loadBefore = loadavg();
  log(`starting moto ${MOTO_VERSION} (installs into .cache/moto-venv on first use) and the fault proxy`);
  const h = await startAwsHarness();
  try {
    const motoPort = String(h.moto.port);
    const motoPid = findProcess((a) => a.some((x) => x.includes('moto.server')) && a.includes(motoPort));
    if (motoPid === undefined) log('warning: moto process not found; its CPU time will not be reported');
    const size = estateSize(scale);
    log(`seeding accounts ${ACCOUNTS.prowler} and ${ACCOUNTS.ftr} (scale ${scale})`);
    const accounts = await seedAccounts(h, size, seedConcurrency);
    const estate = accounts.ftr.counts;
    log(`seeded ${estate.total} resources per account in ${accounts.prowler.seedSeconds.toFixed(1)} s and ${accounts.ftr.seedSeconds.toFixed(1)} s`);

    const capacity: LiveResults['capacity'] = [];
    if (!args.includes('--no-capacity')) {
      for (const via of passes) {
        for (const concurrency of [1, 16]) capacity.push({ via, ...(await measureCapacity(via === 'proxy' ? h.endpoint : h.moto.endpoint, accounts.ftr.credentials, concurrency)) });
      }
      h.proxy.clearCalls();
      log(`emulator capacity: ${capacity.map((c) => `${c.via} ${c.concurrency} in flight ${c.callsPerSecond.toFixed(0)}/s`).join(', ')}`);
    }

    const runs: ToolRunResult[] = [];
    let turn = 0;
    for (let n = 1; n <= repeat; n++) {
      for (const via of passes) {
        // Alternate the order, so neither tool always meets a warmer (or more loaded) emulator.
        const order = turn++ % 2 === 0 ? tools : [...tools].reverse();
        for (const [i, tool] of order.entries()) runs.push(await runTool(h, motoPid, via, tool, accounts[tool], n, i === 0));
      }
    }

    const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);
    const medians: LiveResults['medians'] = {};
    const ratios: LiveResults['ratios'] = {};
    for (const via of passes) {
      const byTool: Partial<Record<Tool, ToolRunResult>> = {};
      for (const tool of tools) {
        const m = median(runs.filter((r) => r.tool === tool && r.via === via));
        if (m) byTool[tool] = m;
      }
      medians[via] = byTool;
      const p = byTool.prowler;
      const f = byTool.ftr;
      const counted = { p: medians.proxy?.prowler?.calls?.total, f: medians.proxy?.ftr?.calls?.total };
      ratios[via] = {
        wall: ratio(p?.measurement.wallSeconds, f?.measurement.wallSeconds),
        calls: ratio(counted.p, counted.f),
        cpu: ratio(p?.measurement.cpuSeconds, f?.measurement.cpuSeconds),
        rss: ratio(p?.measurement.peakTreeRssMb, f?.measurement.peakTreeRssMb),
        motoCpu: ratio(p?.motoCpuSeconds, f?.motoCpuSeconds),
      };
    }
    const results: LiveResults = {
      generatedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version, loadBefore, loadAfter: loadavg() },
      versions: { prowler: PROWLER_VERSION, moto: MOTO_VERSION, ftr: (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version },
      settings: { regions: [...BENCH_REGIONS], repeat, scale, via: passes, accounts: ACCOUNTS },
      estate: { total: estate.total, seeded: estate.seeded, alongside: estate.alongside, seedSeconds: accounts.ftr.seedSeconds, seedCalls: accounts.ftr.seedCalls },
      capacity,
      runs,
      medians,
      ratios,
    };
    mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    printReport(results);
    log(`results written to ${resultsFile}; tool outputs under ${scratch}`);
  } finally {
    await h.stop();
  }
}

await main();

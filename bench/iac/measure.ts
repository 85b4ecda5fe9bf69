// Runs one command and measures it: wall time, CPU time of the whole process tree, the largest single process's
// peak RSS (GNU time's %M, else the kernel's VmHWM) and the peak of the tree's summed PSS (sampled from /proc, so
// tools that fork workers, as checkov does, are measured as a whole).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measurement {
  command: string;
  exitCode: number;
  wallSeconds: number;
  /** User + system CPU seconds of the process and every child it waited for (GNU time); absent without it. */
  cpuSeconds?: number;
  /** The largest resident set of any single process of the run, in MB. */
  maxProcessRssMb: number;
  /** The largest sum of proportional set sizes (PSS; RSS where unavailable) over the process tree at one sample, in MB. */
  peakTreeRssMb: number;
  samples: number;
  /** The 1-minute load average when the run started and ended: other work on the machine slows wall time. */
  load: { before: number; after: number };
}

const GNU_TIME = '/usr/bin/time';
const PAGE_BYTES = 4096;
const MB = 1024 * 1024;

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Every process below `root` (and root), from /proc/<pid>/task/<tid>/children: no scan of the whole /proc. */
function processTree(root: number): number[] {
  const tree: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    tree.push(pid);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      for (const child of readOrEmpty(`/proc/${pid}/task/${task}/children`).split(' ')) if (child.trim() !== '') stack.push(Number(child));
    }
  }
  return tree;
}

function sample(root: number): { treeBytes: number; maxHwmBytes: number } {
  let treeBytes = 0;
  let maxHwmBytes = 0;
  for (const pid of processTree(root)) {
    // PSS shares copy-on-write pages among forked workers instead of counting them once per process.
    const pss = /^Pss:\s+(\d+) kB/m.exec(readOrEmpty(`/proc/${pid}/smaps_rollup`));
    treeBytes += pss ? Number(pss[1]) * 1024 : Number(readOrEmpty(`/proc/${pid}/statm`).split(' ')[1] ?? 0) * PAGE_BYTES;
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readOrEmpty(`/proc/${pid}/status`));
    if (hwm) maxHwmBytes = Math.max(maxHwmBytes, Number(hwm[1]) * 1024);
  }
  return { treeBytes, maxHwmBytes };
}

export interface MeasureOptions {
  cwd: string;
  /** Where the command's stdout goes (checkov prints its JSON there). */
  stdoutFile: string;
  stderrFile: string;
  env?: NodeJS.ProcessEnv;
  /** Sampling interval after the first 5 s (default 250 ms; 50 ms before). */
  intervalMs?: number;
}

export async function measure(argv: readonly string[], options: MeasureOptions): Promise<Measurement> {
  const timeFile = join(tmpdir(), `ftr-bench-time-${process.pid}-${Date.now()}.txt`);
  const withTime = existsSync(GNU_TIME);
  const [program, ...args] = withTime ? [GNU_TIME, '-f', '%e %U %S %M', '-o', timeFile, ...argv] : argv;
  const out = openSync(options.stdoutFile, 'w');
  const err = openSync(options.stderrFile, 'w');
  const loadBefore = loadavg()[0] ?? 0;
  const started = performance.now();
  const child = spawn(program!, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', out, err] });
  let peakTree = 0;
  let maxHwm = 0;
  let samples = 0;
  const poll = () => {
    if (child.pid === undefined) return;
    const { treeBytes, maxHwmBytes } = sample(child.pid);
    peakTree = Math.max(peakTree, treeBytes);
    maxHwm = Math.max(maxHwm, maxHwmBytes);
    samples++;
  };
  // Frequent samples while short runs may end, fewer later: the sampler shares the CPUs with what it measures.
  let timer = setInterval(poll, 50);
  const slower = setTimeout(() => {
    clearInterval(timer);
    timer = setInterval(poll, options.intervalMs ?? 250);
  }, 5_000);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  clearTimeout(slower);
  closeSync(out);
  closeSync(err);
  const measurement: Measurement = {
    command: argv.join(' '),
    exitCode,
    wallSeconds,
    maxProcessRssMb: maxHwm / MB,
    peakTreeRssMb: peakTree / MB,
    samples,
    load: { before: loadBefore, after: loadavg()[0] ?? 0 },
  };
  if (withTime) {
    // GNU time's last line holds the format (earlier lines may say "Command exited with non-zero status").
    const fields = readOrEmpty(timeFile).trim().split('\n').pop()?.split(' ').map(Number) ?? [];
    rmSync(timeFile, { force: true });
    const [, user, system, maxKb] = fields;
    if (user !== undefined && system !== undefined) measurement.cpuSeconds = user + system;
    if (maxKb !== undefined && Number.isFinite(maxKb)) measurement.maxProcessRssMb = Math.max(measurement.maxProcessRssMb, (maxKb * 1024) / MB);
  }
  measurement.peakTreeRssMb = Math.max(measurement.peakTreeRssMb, measurement.maxProcessRssMb);
  return measurement;
}

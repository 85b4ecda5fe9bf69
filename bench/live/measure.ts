// Runs one command and measures it: wall time, CPU time of the process tree (GNU time), and peak memory — the
// largest single process's peak RSS (VmHWM / GNU time's %M) and the peak of the tree's summed RSS, sampled from
// /proc. Also reads the CPU time of another running process (moto), to show which side of the wire was busy.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measurement {
  exitCode: number;
  wallSeconds: number;
  /** User + system CPU seconds of the command and every child it waited for (GNU time); absent without it. */
  cpuSeconds?: number;
  /** The largest resident set of any single process of the run, in MB. */
  peakRssMb: number;
  /** The largest sum of resident sets over the process tree at one sample, in MB. */
  peakTreeRssMb: number;
}

const GNU_TIME = '/usr/bin/time';
const MB = 1024 * 1024;
let clockTicks: number | undefined;

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces): index 0 is the state. */
function statFields(pid: number): string[] {
  const stat = readOrEmpty(`/proc/${pid}/stat`);
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** User + system CPU seconds a running process has used so far (undefined once it is gone). */
export function processCpuSeconds(pid: number): number | undefined {
  const fields = statFields(pid);
  if (fields.length < 13) return undefined;
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/** The first process whose arguments satisfy `matches`. */
export function findProcess(matches: (args: string[]) => boolean): number | undefined {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    if (matches(readOrEmpty(`/proc/${name}/cmdline`).split('\0'))) return Number(name);
  }
  return undefined;
}

function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const parent = Number(statFields(Number(name))[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function sample(root: number): { treeBytes: number; maxHwmBytes: number } {
  let treeBytes = 0;
  let maxHwmBytes = 0;
  for (const pid of processTree(root)) {
    const status = readOrEmpty(`/proc/${pid}/status`);
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    if (rss) treeBytes += Number(rss[1]) * 1024;
    if (hwm) maxHwmBytes = Math.max(maxHwmBytes, Number(hwm[1]) * 1024);
  }
  return { treeBytes, maxHwmBytes };
}

export interface MeasureOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutFile: string;
  stderrFile: string;
}

export async function measure(argv: readonly string[], options: MeasureOptions): Promise<Measurement> {
  const timeFile = join(tmpdir(), `ftr-live-bench-time-${process.pid}-${Date.now()}.txt`);
  const withTime = existsSync(GNU_TIME);
  const [program, ...args] = withTime ? [GNU_TIME, '-f', '%e %U %S %M', '-o', timeFile, ...argv] : argv;
  const out = openSync(options.stdoutFile, 'w');
  const err = openSync(options.stderrFile, 'w');
  const started = performance.now();
  const child = spawn(program!, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', out, err] });
  let peakTree = 0;
  let maxHwm = 0;
  const timer = setInterval(() => {
    if (child.pid === undefined) return;
    const { treeBytes, maxHwmBytes } = sample(child.pid);
    peakTree = Math.max(peakTree, treeBytes);
    maxHwm = Math.max(maxHwm, maxHwmBytes);
  }, 100);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  closeSync(out);
  closeSync(err);
  const measurement: Measurement = { exitCode, wallSeconds, peakRssMb: maxHwm / MB, peakTreeRssMb: peakTree / MB };
  if (withTime) {
    // The last line holds the format (an earlier one may say "Command exited with non-zero status").
    const fields = readOrEmpty(timeFile).trim().split('\n').pop()?.split(' ').map(Number) ?? [];
    rmSync(timeFile, { force: true });
    const [, user, system, maxKb] = fields;
    if (user !== undefined && system !== undefined && Number.isFinite(user + system)) measurement.cpuSeconds = user + system;
    if (maxKb !== undefined && Number.isFinite(maxKb)) measurement.peakRssMb = Math.max(measurement.peakRssMb, (maxKb * 1024) / MB);
  }
  measurement.peakTreeRssMb = Math.max(measurement.peakTreeRssMb, measurement.peakRssMb);
  return measurement;
}

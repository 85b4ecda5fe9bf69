// Test-only: starts and stops a private moto server (the local AWS emulator) on a free 127.0.0.1 port.
// Each server belongs to the test process that started it; reset() only ever targets that server.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.js';
import { ensureMotoInstalled } from './moto-install.js';

export interface MotoOptions {
  /** MOTO_IAM_LOAD_MANAGED_POLICIES: load ~1,400 AWS-managed policies per account (slow first IAM call). */
  loadManagedPolicies?: boolean;
  /** INITIAL_NO_AUTH_ACTION_COUNT: after this many requests moto enforces SigV4 and IAM policies. */
  initialNoAuthActionCount?: number;
  /** Extra environment variables for the server process (e.g. MOTO_ACM_VALIDATION_WAIT). */
  env?: Record<string, string>;
  /** How long to wait for the first answer; default 60 s. */
  startTimeoutMs?: number;
}

export interface MotoServer {
  /** `http://127.0.0.1:PORT` */
  readonly endpoint: string;
  readonly port: number;
  /** Stops the server (and anything it spawned). Safe to call twice. */
  stop(): Promise<void>;
  /** POST /moto-api/reset: wipes every account and region of this server. */
  reset(): Promise<void>;
  /** POST /moto-api/reset-auth: enforce IAM auth after `count` more requests, or never again ('off'). */
  resetAuth(count: number | 'off'): Promise<void>;
  /** The last lines the server printed, for diagnosing failures. */
  logTail(): string;
}

// moto's own entry point (moto_server = moto.server:main), plus a watchdog thread: when the test process dies
// for any reason (even SIGKILL) its end of our stdin pipe closes and the server exits instead of lingering.
const LAUNCHER = [
  'import os, sys, threading',
  'def _watch():',
  '    while sys.stdin.buffer.read(4096):',
  '        pass',
  '    os._exit(0)',
  'threading.Thread(target=_watch, daemon=True).start()',
  'from moto.server import main',
  'main(sys.argv[1:])',
].join('\n');

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

export async function startMoto(options: MotoOptions = {}): Promise<MotoServer> {
  const python = await ensureMotoInstalled();
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launch(python, await freePort(), options);
    } catch (error) {
      lastError = error;
      if (!(error instanceof PortTakenError)) throw error;
    }
  }
  throw lastError;
}

class PortTakenError extends Error {}

async function launch(python: string, port: number, options: MotoOptions): Promise<MotoServer> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    MOTO_EC2_LOAD_DEFAULT_AMIS: 'false',
    MOTO_PORT: String(port),
    ...options.env,
  };
  // A server-wide account id would defeat per-request accounts (x-moto-account-id, AssumeRole).
  delete env.MOTO_ACCOUNT_ID;
  if (options.loadManagedPolicies !== undefined) env.MOTO_IAM_LOAD_MANAGED_POLICIES = String(options.loadManagedPolicies);
  if (options.initialNoAuthActionCount !== undefined) {
    env.INITIAL_NO_AUTH_ACTION_COUNT = String(options.initialNoAuthActionCount);
  }

  const child = spawn(python, ['-c', LAUNCHER, '-H', '127.0.0.1', '-p', String(port)], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  installExitHook();

  const log: string[] = [];
  const keep = (chunk: Buffer): void => {
    log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.once('exit', () => running.delete(child));

  const endpoint = `http://127.0.0.1:${port}`;
  const logTail = (): string => log.slice(-40).join('\n');
  try {
    await waitUntilAnswering(endpoint, child, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    killGroup(child, 'SIGKILL');
    await exited;
    if (/address already in use/i.test(log.join('\n'))) throw new PortTakenError(`port ${port} was taken`);
    throw new Error(`moto server did not start on ${endpoint}: ${String(error)}\n${logTail()}`);
  }

  let stopped: Promise<void> | undefined;
  const post = async (path: string, body?: string): Promise<void> => {
    const response = await fetch(`${endpoint}${path}`, { method: 'POST', body });
    if (!response.ok) throw new Error(`POST ${path} on ${endpoint} answered ${response.status}: ${await response.text()}`);
  };

  return {
    endpoint,
    port,
    logTail,
    reset: () => post('/moto-api/reset'),
    resetAuth: (count) => post('/moto-api/reset-auth', count === 'off' ? 'inf' : String(count)),
    stop: () => {
      stopped ??= (async () => {
        child.stdin?.end();
        killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopped;
    },
  };
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server process exited (${child.exitCode ?? child.signalCode})`);
    }
    try {
      // Any HTTP answer means werkzeug is serving; the config endpoint is small and has no side effects.
      await fetch(`${endpoint}/moto-api/config`, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  throw new Error(`no answer within ${timeoutMs} ms`);
}

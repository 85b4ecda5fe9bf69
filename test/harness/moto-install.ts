// Test-only: makes sure the pinned moto server (the local AWS emulator) is installed before a test starts one.
// The install itself is .ci/install-moto.sh, so CI and `npm test` share one implementation (and its lock file).
import { execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const MOTO_VERSION = '5.2.5';

const execFileAsync = promisify(execFile);

/** The repository root (this file lives in test/harness/). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `.cache/moto-venv`, or `$MOTO_VENV` when set (the install script honours the same variable). */
export function motoVenvDir(): string {
  return process.env.MOTO_VENV ?? join(REPO_ROOT, '.cache', 'moto-venv');
}

export function motoPython(): string {
  return join(motoVenvDir(), 'bin', 'python');
}

/** The version importable from the venv (moto, flask and flask_cors must all import), or undefined. */
export async function installedMotoVersion(): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync(motoPython(), ['-c', 'import moto,flask,flask_cors;print(moto.__version__)']);
    return stdout.trim();
  } catch {
    return undefined;
  }
}

let pending: Promise<string> | undefined;

/**
 * Resolves to the venv's python once moto[server]==5.2.5 is importable from it, installing it on first use.
 * Rejects loudly (with the install log's tail) when the install fails or another version is found.
 */
export function ensureMotoInstalled(): Promise<string> {
  pending ??= install().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

async function install(): Promise<string> {
  if ((await installedMotoVersion()) === MOTO_VERSION) return motoPython();
  const logPath = join(REPO_ROOT, '.cache', 'moto-install.log');
  mkdirSync(dirname(logPath), { recursive: true });
  const code = await runInstallScript(logPath);
  const found = await installedMotoVersion();
  if (code !== 0 || found !== MOTO_VERSION) {
    throw new Error(
      `moto[server]==${MOTO_VERSION} is not usable in ${motoVenvDir()} (install exit code ${code}, ` +
        `import check gives ${found ?? 'an import error'}). Run \`sh .ci/install-moto.sh\` to see why. Log tail:\n` +
        tail(logPath, 30),
    );
  }
  return motoPython();
}

function runInstallScript(logPath: string): Promise<number> {
  return new Promise((done, fail) => {
    const log = createWriteStream(logPath, { flags: 'a' });
    log.write(`\n== .ci/install-moto.sh, ${new Date().toISOString()}\n`);
    const child = spawn('sh', [join(REPO_ROOT, '.ci', 'install-moto.sh')], {
      cwd: REPO_ROOT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', fail);
    child.on('close', (code) => {
      log.end(() => done(code ?? 1));
    });
  });
}

function tail(path: string, lines: number): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

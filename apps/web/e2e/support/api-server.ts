import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BOOT_TIMEOUT_MS = 90_000;

/**
 * The directory clock of the test server (TEST_CLOCK_AT; it stands still): Monday 30 November 2026, 06:00 UTC. It is
 * 11:00 in Tashkent and Almaty, 09:00 in Moscow, 09:30 in Tehran and 07:00 in Rome, so office hours (Monday to Friday,
 * 09:00–18:00) have begun in Central Asia and not yet in Italy: "can answer now" splits a test's counterparts by
 * their own clocks (e2e/directory.spec.ts), and the demo network's local times and availability, on screens and in
 * screenshots, are the same on every run. It drives only availableNow and localTime: sessions, tokens, vetting and
 * staleness keep the system time.
 */
export const TEST_CLOCK_AT = '2026-11-30T06:00:00.000Z';

/** A running API: its URL, its log, and how to stop it (idempotent). */
export interface ApiServer {
  url: string;
  log: string;
  folder: string;
  stop: () => Promise<void>;
}

/** A port nobody listens on right now (the OS picks it; closed again before the server takes it). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((done) => child.once('exit', () => done()));
}

const tail = (log: string) =>
  existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-40).join('\n') : '';

async function waitForHealth(url: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The API exited with ${child.exitCode} while booting:\n${tail(log)}`);
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The API did not answer ${url}/health within ${BOOT_TIMEOUT_MS / 1000} s:\n${tail(log)}`);
}

/**
 * Starts the built API of the repository at `root` (it serves the built client at `/`) on a free port of 127.0.0.1
 * with a fresh SQLite file in a new temporary folder, as in development: migrations, the demo network seeded, demo
 * logins allowed, the directory clock fixed at TEST_CLOCK_AT unless `clockAt` says otherwise. Nothing is built here:
 * `npm run -s build:api && npm run -s web:build` first. Used by the browser tests' global setup and by
 * `npm run bench:web`. `stop` ends the server and removes its folder (kept with
 * `keepData`); when the boot fails the server is stopped before the error is thrown.
 */
export async function startApiServer(options: {
  root: string;
  label: string;
  keepData?: boolean;
  /** The directory clock's fixed instant (default TEST_CLOCK_AT); null for the system time. */
  clockAt?: string | null;
}): Promise<ApiServer> {
  const main = join(options.root, 'dist/apps/api/apps/api/src/main.js');
  if (!existsSync(main) || !existsSync(join(options.root, 'dist/web/index.html'))) {
    throw new Error('Build first: npm run -s build:api && npm run -s web:build');
  }
  const folder = mkdtempSync(join(tmpdir(), `counterpart-${options.label}-`));
  const log = join(folder, 'api.log');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    SQLITE_PATH: join(folder, 'counterpart.sqlite'),
  };
  // SQLite and in-memory pub/sub whatever the shell has; the server's own origin is allowed without a list; the clock
  // is ours (the server refuses both test-clock variables at once).
  for (const name of [
    'DATABASE_URL',
    'REDIS_URL',
    'CHAT_ALLOWED_ORIGINS',
    'CHAT_EMBEDDED',
    'TEST_CLOCK_AT',
    'TEST_CLOCK_OFFSET_MS',
  ]) {
    delete env[name];
  }
  const clockAt = options.clockAt === undefined ? TEST_CLOCK_AT : options.clockAt;
  if (clockAt) {
    env.TEST_CLOCK_AT = clockAt;
  }
  const output = createWriteStream(log);
  const child = spawn(process.execPath, [main], {
    cwd: options.root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(output);
  child.stderr.pipe(output);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited(child);
        clearTimeout(killer);
      }
      await new Promise<void>((done) => output.end(done));
      if (!options.keepData) {
        rmSync(folder, { recursive: true, force: true });
      }
    })());

  try {
    await waitForHealth(url, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, log, folder, stop };
}

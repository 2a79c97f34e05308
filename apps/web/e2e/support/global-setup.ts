import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVER_URL_VARIABLE } from './context';

const ROOT = resolve(__dirname, '../../../..');
const MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const BOOT_TIMEOUT_MS = 90_000;

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

const tail = (log: string) =>
  existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-40).join('\n') : '';

/**
 * Starts the built API (it serves the built client at `/`) on a free port of 127.0.0.1 with a fresh SQLite file, as in
 * development: migrations, the demo network seeded, demo logins allowed. Nothing is built here (`npm run
 * test:browser` builds first). Returns the teardown: stop the server, remove its folder (kept when KEEP_E2E_DATA=1).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(MAIN) || !existsSync(join(ROOT, 'dist/web/index.html'))) {
    throw new Error(
      'Build first: npm run -s build:api && npm run -s web:build (npm run test:browser does both)',
    );
  }
  const folder = mkdtempSync(join(tmpdir(), 'counterpart-browser-'));
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
  // SQLite and in-memory pub/sub whatever the shell has; the server's own origin is allowed without a list.
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'CHAT_ALLOWED_ORIGINS', 'CHAT_EMBEDDED']) {
    delete env[name];
  }
  const output = createWriteStream(log);
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(output);
  child.stderr.pipe(output);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(killer);
    }
    output.end();
    if (process.env.KEEP_E2E_DATA === '1') {
      console.log(`Browser tests: API log and database kept in ${folder}`);
    } else {
      rmSync(folder, { recursive: true, force: true });
    }
  };

  try {
    await waitForHealth(url, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  process.env[SERVER_URL_VARIABLE] = url;
  console.log(`Browser tests: API at ${url} (log ${log})`);
  return stop;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
export const API_MAIN = resolve(ROOT, 'dist/apps/api/apps/api/src/main.js');
export const API_CLI = resolve(ROOT, 'dist/apps/api/apps/api/src/cli.js');
export const CHAT_MAIN = resolve(ROOT, 'dist/apps/chat/apps/chat/src/main.js');
export const DEMO_CHAT = resolve(ROOT, 'dist/apps/api/apps/api/src/demo/demo-chat.js');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  /** Resolves with the first match of `pattern` in stdout; rejects if the process exits or time runs out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  finished: Promise<Finished>;
}

/** Only what a process needs: no developer variables leak into boot tests. */
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG'];
  return Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k] as string]));
}

function requireBuilt(script: string): void {
  if (!existsSync(script)) {
    throw new Error(
      `${script} is missing: build first with "npm run build" (npm test builds before testing)`,
    );
  }
}

/** Starts a built entry point with an explicit environment, in its own process group. */
export function startNode(script: string, env: Record<string, string>, args: string[] = []): Running {
  requireBuilt(script);
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { ...baseEnv(), LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    listeners.forEach((listener) => listener());
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const finished = new Promise<Finished>((resolveExit) => {
    child.on('exit', (code, signal) => {
      // Let the pipes drain before reporting.
      setImmediate(() => resolveExit({ code, signal, stdout, stderr }));
    });
  });
  return {
    child,
    output: () => ({ stdout, stderr }),
    finished,
    waitFor: (pattern, timeoutMs = 30_000) =>
      new Promise((resolveMatch, reject) => {
        const check = () => {
          const match = stdout.match(pattern);
          if (match) {
            cleanup();
            resolveMatch(match);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${pattern}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void finished.then((result) => {
          if (listeners.has(check)) {
            cleanup();
            reject(
              new Error(`exited (${result.code}) before ${pattern}\nstdout:\n${stdout}\nstderr:\n${stderr}`),
            );
          }
        });
        check();
      }),
  };
}

/** Runs a built entry point to completion (bounded by `timeoutMs`). */
export async function runNode(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
  { timeoutMs = 30_000, input }: { timeoutMs?: number; input?: string } = {},
): Promise<Finished> {
  const running = startNode(script, env, args);
  running.child.stdin?.end(input ?? '');
  const timer = setTimeout(() => running.child.kill('SIGKILL'), timeoutMs);
  try {
    return await running.finished;
  } finally {
    clearTimeout(timer);
  }
}

/** A stack trace line as Node prints it. */
export const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;

/** A port nothing listens on at 127.0.0.1 right now: the OS picks it, and it is released before this resolves. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { Client } from 'pg';
import { redactUrl } from '@app/config';
import { BackupError, BackupErrorCode } from './backup-error';

/** A running pg_dump or pg_restore, and its end: resolves on exit 0, rejects with its last error line otherwise. */
export interface PgTool {
  child: ChildProcess;
  exited: Promise<void>;
}

/**
 * Starts a PostgreSQL client tool from PATH (Debian: postgresql-client-15, or /usr/lib/postgresql/15/bin) on the
 * database at `url`. The password goes in PGPASSWORD, never on the command line where `ps` would show it.
 */
export function startPgTool(tool: 'pg_dump' | 'pg_restore', url: string, args: string[]): PgTool {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const child = spawn(tool, [...args, `--dbname=${parsed.toString()}`], {
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = `${stderr}${chunk.toString()}`.slice(-4096);
  });
  const exited = new Promise<void>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new BackupError(
          BackupErrorCode.TOOL_FAILED,
          error.code === 'ENOENT'
            ? `${tool} was not found on PATH: install the PostgreSQL client tools of the server's version.`
            : `${tool} could not start: ${error.message}.`,
        ),
      );
    });
    child.once('close', (code, signal) => {
      if (code === 0) {
        return resolve();
      }
      const last = stderr.trim().split('\n').pop() ?? '';
      reject(
        new BackupError(
          BackupErrorCode.TOOL_FAILED,
          `${tool} failed (${signal ?? `exit ${code}`}) on ${redactUrl(url)}${last ? `: ${last}` : ''}`,
        ),
      );
    });
  });
  return { child, exited };
}

/** `pg_dump -Fc`: the custom format, compressed, that pg_restore reads from a pipe. */
export function startPgDump(url: string): PgTool & { output: Readable } {
  const tool = startPgTool('pg_dump', url, ['--format=custom']);
  return { ...tool, output: tool.child.stdout as Readable };
}

/**
 * Restores a custom-format dump written to the returned `input`, in one transaction: anything short of a clean end
 * (pg_restore's own error, or the caller killing it) leaves the database as it was. Owners and grants of the
 * source are not restored: the target's user owns everything.
 */
export function startPgRestore(url: string): PgTool & { input: Writable } {
  const tool = startPgTool('pg_restore', url, [
    '--no-owner',
    '--no-acl',
    '--single-transaction',
    '--exit-on-error',
  ]);
  return { ...tool, input: tool.child.stdin as Writable };
}

/** The newest migration applied to the database; refuses a database without the Counterpart schema. */
export async function pgNewestMigration(url: string): Promise<string> {
  const rows = await pgQuery<{ name: string }>(
    url,
    `SELECT name FROM schema_migration ORDER BY timestamp DESC LIMIT 1`,
  ).catch((error: { code?: string }) => {
    if (error.code === '42P01') {
      return [];
    }
    throw error;
  });
  if (!rows[0]) {
    throw new BackupError(
      BackupErrorCode.NO_SCHEMA,
      `${redactUrl(url)} holds no Counterpart schema (run: npm run cli -- migrate): nothing to back up.`,
    );
  }
  return rows[0].name;
}

/** Refuses unless the database has no tables or views outside PostgreSQL's own schemas. */
export async function assertPgTargetFresh(url: string): Promise<void> {
  const [{ count }] = await pgQuery<{ count: string }>(
    url,
    `SELECT count(*) AS count FROM information_schema.tables
      WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  if (Number(count) > 0) {
    throw new BackupError(
      BackupErrorCode.TARGET_NOT_FRESH,
      `${redactUrl(url)} already has ${count} table(s): restore only into a new, empty database (createdb).`,
    );
  }
}

async function pgQuery<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end().catch(() => undefined);
  }
}

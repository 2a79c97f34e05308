import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { chmod, link, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { BackupError, BackupErrorCode } from './backup-error';

/**
 * Copy every page in one step. A step is one read transaction, which on a WAL database sees one snapshot and never
 * blocks the server's writers; copying in smaller steps would restart each time the server commits, and a busy
 * server could keep a large backup from ever finishing.
 */
const ALL_PAGES = 0x7fffffff;

export interface SqliteSnapshot {
  /** The consistent copy, in a private temporary folder. */
  stream(): Readable;
  bytes: number;
  /** The newest migration in the copy. */
  schema: string;
}

/**
 * Copies the live database with SQLite's online backup API into a file of its own (0600 in a 0700 temporary
 * folder), hands it to `work`, and deletes it afterwards, also when anything fails or SIGINT/SIGTERM ends the
 * command (not after a SIGKILL: see signalSafeTempFolder).
 */
export async function withSqliteSnapshot<T>(
  path: string,
  busyTimeoutMs: number,
  work: (snapshot: SqliteSnapshot) => Promise<T>,
): Promise<T> {
  if (!existsSync(path)) {
    throw new BackupError(BackupErrorCode.NO_SCHEMA, `There is no SQLite database at ${path} (SQLITE_PATH).`);
  }
  const { folder, release } = signalSafeTempFolder('counterpart-backup-');
  try {
    await chmod(folder, 0o700);
    const copy = join(folder, 'snapshot.sqlite');
    await writeFile(copy, '', { mode: 0o600 });
    const source = new Database(path, { fileMustExist: true, timeout: busyTimeoutMs });
    try {
      await source.backup(copy, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    const schema = newestMigration(copy, path);
    const { size } = await stat(copy);
    return await work({ stream: () => createReadStream(copy), bytes: size, schema });
  } finally {
    await rm(folder, { recursive: true, force: true });
    release();
  }
}

/**
 * A new folder in the OS temporary directory that SIGINT (Ctrl-C) and SIGTERM (a cron timeout, systemd) delete
 * until `release` is called, ending the process with 128 + the signal's number, as a shell reports it. Node's
 * default for both ends the process at once, skipping every `finally`, which would leave a plaintext copy behind.
 * SIGKILL and the OOM killer cannot be caught: after one the folder stays until the OS clears its temporary directory.
 */
function signalSafeTempFolder(prefix: string): { folder: string; release: () => void } {
  let folder = '';
  // Listening before the folder exists: a signal that arrives while it is made is handled once mkdtempSync returns
  // (signal listeners run between tasks, never inside synchronous code), so it always knows the folder.
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      if (folder) {
        rmSync(folder, { recursive: true, force: true });
      }
      process.stderr.write(`Backup interrupted (${signal}): its temporary copy was deleted.\n`);
      process.exit(128 + constants.signals[signal]);
    };
    process.once(signal, handler);
    return { signal, handler };
  });
  folder = mkdtempSync(join(tmpdir(), prefix));
  return {
    folder,
    release: () => handlers.forEach(({ signal, handler }) => process.off(signal, handler)),
  };
}

/** Refuses unless `path` (and its WAL files) do not exist: a restore never overwrites a database. */
export function assertSqliteTargetFresh(path: string): void {
  const existing = ['', '-wal', '-shm'].map((suffix) => `${path}${suffix}`).find((file) => existsSync(file));
  if (existing) {
    throw new BackupError(
      BackupErrorCode.TARGET_NOT_FRESH,
      `${existing} already exists: restore only into a new file (point SQLITE_PATH at a path that does not exist).`,
    );
  }
}

/**
 * Writes the decrypted database to a private file beside `target`, checks it, and only then links it into place
 * (a link never replaces an existing file). A failure leaves no file at `target`.
 */
export async function restoreSqlite(target: string, write: (sink: Writable) => Promise<void>): Promise<void> {
  assertSqliteTargetFresh(target);
  await mkdir(dirname(target), { recursive: true });
  const folder = await mkdtemp(join(dirname(target), '.counterpart-restore-'));
  try {
    const restored = join(folder, 'restored.sqlite');
    await write(createWriteStream(restored, { flags: 'wx', mode: 0o600 }));
    assertIntact(restored);
    await link(restored, target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') {
        assertSqliteTargetFresh(target);
      }
      throw error;
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function newestMigration(copy: string, source: string): string {
  const db = new Database(copy, { fileMustExist: true });
  try {
    const row = db.prepare('SELECT name FROM schema_migration ORDER BY timestamp DESC LIMIT 1').get() as
      { name: string } | undefined;
    if (row) {
      return row.name;
    }
  } catch {
    // No migrations table: not a Counterpart database.
  } finally {
    db.close();
  }
  throw new BackupError(
    BackupErrorCode.NO_SCHEMA,
    `${source} holds no Counterpart schema (run: npm run cli -- migrate): nothing to back up.`,
  );
}

function assertIntact(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') {
      throw new BackupError(
        BackupErrorCode.DAMAGED,
        `The restored database fails SQLite's check: ${String(result)}.`,
      );
    }
  } finally {
    db.close();
  }
}

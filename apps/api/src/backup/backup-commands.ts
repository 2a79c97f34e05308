import { createReadStream } from 'node:fs';
import { open, rm, stat, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable, type Readable } from 'node:stream';
import { loadConfiguration, redactUrl, type DatabaseConfig } from '@app/config';
import { assertDatabaseReachable, MIGRATIONS } from '@app/database';
import { BackupError, BackupErrorCode } from './backup-error';
import {
  assertKeyMatches,
  decryptBackup,
  encryptBackup,
  readBackupHeader,
  type BackupEngine,
  type BackupHeader,
} from './backup-format';
import { readBackupKeyFile, writeBackupKeyFile, type BackupKey } from './backup-key';
import { assertPgTargetFresh, pgNewestMigration, startPgDump, startPgRestore } from './postgres-backup';
import { progressMeter } from './progress';
import { restoreSqlite, withSqliteSnapshot } from './sqlite-backup';

/** The options of the CLI's command line. */
export type CommandArgs = Record<string, string | boolean | undefined>;

const print = (text: string) => process.stdout.write(`${text}\n`);
const warn = (text: string) => process.stderr.write(`${text}\n`);
const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** `backup-key --out <file>`: a new random key, 0600, never over an existing file. */
export async function createBackupKey(args: CommandArgs): Promise<void> {
  const [out] = required(args, ['out'], 'backup-key --out <file>');
  const key = await writeBackupKeyFile(out);
  print(`Backup key ${key.id} written to ${out} (readable by you only).`);
  print(
    'Keep it apart from the backups (a password manager or a safe, with a second copy): without it no backup can ' +
      'be restored, and whoever holds both can read them.',
  );
}

/**
 * `backup --key <keyfile> --out <file>`: the configured database, encrypted. PostgreSQL: pg_dump's custom format
 * piped into the encryptor. SQLite: a consistent copy from the online backup API (safe while the server runs),
 * encrypted, then deleted. No plaintext is left on disk (SIGINT/SIGTERM included; a SIGKILL cannot be caught); a
 * failed backup leaves no output file.
 */
export async function backupDatabase(args: CommandArgs): Promise<void> {
  const [keyFile, out] = required(args, ['key', 'out'], 'backup --key <keyfile> --out <file>');
  const key = await readBackupKeyFile(keyFile, warn);
  const config = loadConfiguration().database;
  await assertDatabaseReachable(config);
  if (config.dialect === 'postgres') {
    const url = config.url as string;
    const schema = await pgNewestMigration(url);
    await withOutput(out, (output) => {
      const dump = startPgDump(url);
      return encryptInto(
        output,
        key,
        { engine: 'postgres', schema },
        { stream: dump.output, producer: dump.exited },
      );
    });
  } else {
    await withOutput(out, (output) =>
      withSqliteSnapshot(resolve(config.sqlitePath), config.busyTimeoutMs, (snapshot) =>
        encryptInto(
          output,
          key,
          { engine: 'sqlite', schema: snapshot.schema },
          { stream: snapshot.stream(), totalBytes: snapshot.bytes },
        ),
      ),
    );
  }
  const { size } = await stat(out);
  print(
    `Backup of ${describeTarget(config)} written to ${out} (${mib(size)}, encrypted with key ${key.id}).`,
  );
}

/**
 * `restore --key <keyfile> --in <file>`: into the configured database, which must be new (SQLite: no file yet;
 * PostgreSQL: no tables). Key, engine and schema are checked from the header before anything is touched, and the
 * whole backup authenticates before PostgreSQL sees a byte (SQLite: before the file is put in place). The CLI then
 * verifies the restored audit chain.
 */
export async function restoreDatabase(args: CommandArgs): Promise<void> {
  const [keyFile, input] = required(args, ['key', 'in'], 'restore --key <keyfile> --in <file>');
  const key = await readBackupKeyFile(keyFile, warn);
  const header = await readBackupHeader(input);
  assertKeyMatches(header, key, input);
  const config = loadConfiguration().database;
  assertRestorable(header, config.dialect, input);
  const { size } = await stat(input);
  const decryptInto = (label: string) => (sink: Writable) =>
    pipeline(
      createReadStream(input),
      progressMeter({ label, totalBytes: size }),
      decryptBackup(key, input),
      sink,
    );
  if (config.dialect === 'postgres') {
    const url = config.url as string;
    await assertDatabaseReachable(config);
    await assertPgTargetFresh(url);
    await decryptInto('Checked')(discard());
    const restore = startPgRestore(url);
    const [fed, restored] = await Promise.allSettled([
      decryptInto('Restored')(restore.input).catch((error: unknown) => {
        // Killed before its COMMIT: the single transaction rolls back.
        restore.child.kill('SIGKILL');
        throw error;
      }),
      restore.exited,
    ]);
    throwFirstFailure(
      fed.status === 'rejected' && fed.reason instanceof BackupError ? [fed, restored] : [restored, fed],
    );
  } else {
    await restoreSqlite(resolve(config.sqlitePath), decryptInto('Restored'));
  }
  print(
    `Restored ${input} (${header.engine}, made ${header.createdAt}, schema ${header.schema}) into ${describeTarget(config)}.`,
  );
}

/**
 * Creates the backup file (0600; an existing file is never replaced), lets `work` fill it, and syncs it to disk.
 * On any failure the partial file is deleted.
 */
async function withOutput(out: string, work: (output: FileHandle) => Promise<void>): Promise<void> {
  const output = await open(out, 'wx', 0o600).catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(
      BackupErrorCode.OUTPUT_EXISTS,
      error.code === 'EEXIST'
        ? `${out} already exists: a backup never replaces a file.`
        : `${out} cannot be created: ${error.code ?? error.message}.`,
    );
  });
  try {
    await work(output);
    await syncToDisk(out);
  } catch (error) {
    await output.close().catch(() => undefined);
    await rm(out, { force: true });
    throw isFileSystemError(error)
      ? new BackupError(BackupErrorCode.OUTPUT_FAILED, `The backup to ${out} failed: ${error.message}.`)
      : error;
  }
}

/** What is backed up: a stream, its size when known, and the process feeding it (pg_dump) when there is one. */
interface BackupSource {
  stream: Readable;
  totalBytes?: number;
  producer?: Promise<void>;
}

/**
 * Encrypts the source into `output` (and closes it). The producer's failure fails the backup even when its stream
 * ended cleanly.
 */
async function encryptInto(
  output: FileHandle,
  key: BackupKey,
  meta: { engine: BackupEngine; schema: string },
  source: BackupSource,
): Promise<void> {
  const controller = new AbortController();
  const [piped, produced] = await Promise.allSettled([
    pipeline(
      source.stream,
      progressMeter({ label: 'Encrypted', totalBytes: source.totalBytes }),
      encryptBackup(key, meta),
      output.createWriteStream(),
      { signal: controller.signal },
    ),
    (source.producer ?? Promise.resolve()).catch((error: unknown) => {
      controller.abort();
      throw error;
    }),
  ]);
  // A write that fails (a full disk: ENOSPC) also ends pg_dump (EPIPE): the write's error is the cause then.
  throwFirstFailure(
    piped.status === 'rejected' && isFileSystemError(piped.reason) ? [piped, produced] : [produced, piped],
  );
}

/** An error of a file system call (ENOSPC, EIO, EACCES…), as opposed to a tool's or the format's. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/** fsync: the backup is on disk, not only in the page cache, when the command says it is written. */
async function syncToDisk(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The backup's engine must be the configured one, and its schema one this build knows (older is fine: migrate). */
function assertRestorable(header: BackupHeader, dialect: BackupEngine, input: string): void {
  if (header.engine !== dialect) {
    const variable = dialect === 'postgres' ? 'DATABASE_URL' : 'SQLITE_PATH';
    throw new BackupError(
      BackupErrorCode.ENGINE_MISMATCH,
      `${input} is a ${header.engine} backup but the configured database is ${dialect} (${variable}): ` +
        'restore it into the engine it came from.',
    );
  }
  if (!MIGRATIONS.some((migration) => new migration().name === header.schema)) {
    throw new BackupError(
      BackupErrorCode.NEWER_SCHEMA,
      `${input} has schema ${header.schema}, which this version of Counterpart does not know: restore it with ` +
        'the version that made it (or a newer one).',
    );
  }
}

/** Rethrows the first failure of settled work, in the given order of interest. */
function throwFirstFailure(outcomes: PromiseSettledResult<unknown>[]): void {
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) {
    throw failed.reason;
  }
}

function required(args: CommandArgs, names: string[], usage: string): string[] {
  const values = names.map((name) => args[name]);
  if (values.some((value) => typeof value !== 'string' || value === '')) {
    throw new BackupError(BackupErrorCode.USAGE, `Usage: npm run cli -- ${usage}`);
  }
  return values as string[];
}

function describeTarget(config: DatabaseConfig): string {
  return config.dialect === 'postgres' ? redactUrl(config.url as string) : resolve(config.sqlitePath);
}

/** A sink that drops what it is given: the checking pass of a PostgreSQL restore. */
function discard(): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });
}

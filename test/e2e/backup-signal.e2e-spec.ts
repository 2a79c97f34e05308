import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { writeBackupKeyFile } from '../../apps/api/src/backup/backup-key';
import { API_CLI, startNode, STACK_LINE, type Running } from '../utils/processes';
import { TEST_TMP_DIR } from '../utils/template-database';

// A built CLI process per signal, each held for BUSY_MS in SQLite's busy wait.
jest.setTimeout(60_000);

/** How long the CLI waits on the locked source: the signal lands in that window. */
const BUSY_MS = 2_000;

describe('a SQLite backup interrupted by a signal', () => {
  const dir = join(TEST_TMP_DIR, `backup-signal-${randomBytes(4).toString('hex')}`);
  const keyFile = join(dir, 'backup.key');
  let running: Running | undefined;
  let holder: Database.Database | undefined;
  let watcher: FSWatcher | undefined;

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    await writeBackupKeyFile(keyFile);
  });

  afterEach(() => {
    running?.child.kill('SIGKILL');
    holder?.close();
    watcher?.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'should delete its plaintext copy on %s and exit non-zero',
    async (signal) => {
      // The CLI's own temporary directory, so the copy it makes there can be watched for.
      const tmp = join(dir, `tmp-${signal}`);
      mkdirSync(tmp);
      const source = join(dir, `${signal}.sqlite`);
      // A rollback-journal database under an exclusive lock: the backup cannot read it and waits (BUSY_MS), with its
      // temporary folder made, so the signal arrives while the copy exists on every run.
      holder = new Database(source);
      holder.pragma('journal_mode = DELETE');
      holder.exec('CREATE TABLE member (email TEXT)');
      holder.exec('BEGIN EXCLUSIVE');

      const copyMade = new Promise<void>((resolve) => {
        watcher = watch(tmp, () => {
          if (readdirSync(tmp).some((name) => name.startsWith('counterpart-backup-'))) {
            resolve();
          }
        });
      });
      const out = join(dir, `${signal}.cpbak`);
      running = startNode(
        API_CLI,
        { SQLITE_PATH: source, TMPDIR: tmp, DB_BUSY_TIMEOUT_MS: String(BUSY_MS) },
        ['backup', '--key', keyFile, '--out', out],
      );
      const early = await Promise.race([copyMade, running.finished]);
      if (early) {
        throw new Error(`the backup ended before its copy was made (${early.code}): ${early.stderr}`);
      }
      running.child.kill(signal);
      const finished = await running.finished;

      expect(readdirSync(tmp)).toEqual([]);
      expect(finished.signal).toBeNull();
      expect(finished.code).not.toBe(0);
      expect(finished.stderr).not.toMatch(STACK_LINE);
    },
  );
});

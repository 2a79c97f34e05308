import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { openEnvelope, publicKeysOf, TweetnaclDeviceSecrets } from '@app/crypto';
import { AuditAction, AuditEntryEntity, AuditService } from '@app/identity';
import { MessageEntity } from '@app/messaging';
import { decryptBackup, encryptBackup } from '../../apps/api/src/backup/backup-format';
import { readBackupKeyFile } from '../../apps/api/src/backup/backup-key';
import { FACTORY_PASSWORD } from '../factories/member.factory';
import { findCanary } from '../utils/canary';
import { chatUser, type ChatUser } from '../utils/chat';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { API_CLI, API_MAIN, runNode, STACK_LINE, startNode } from '../utils/processes';
import { postGraphql } from '../utils/remote';
import {
  TEMPLATE_ENV,
  TEST_TMP_DIR,
  testDatabasePrefix,
  testDialect,
  withAdminClient,
  withDatabaseName,
} from '../utils/template-database';

// Every test runs built CLI processes (1–3 s each on a loaded machine) and one boots a whole API.
jest.setTimeout(120_000);

/** A database to restore into, new and empty: a SQLite path with no file yet, or a PostgreSQL database with no tables. */
interface RestoreTarget {
  env: Record<string, string>;
  /** True while nothing was written: no SQLite file, no PostgreSQL table. */
  untouched(): Promise<boolean>;
  drop(): Promise<void>;
}

async function freshTarget(): Promise<RestoreTarget> {
  const id = `${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  if (testDialect() === 'sqlite') {
    const file = join(TEST_TMP_DIR, `restore_${id}.sqlite`);
    return {
      env: { SQLITE_PATH: file },
      untouched: () => Promise.resolve(!existsSync(file)),
      drop: () => {
        ['', '-wal', '-shm'].forEach((suffix) => rmSync(`${file}${suffix}`, { force: true }));
        return Promise.resolve();
      },
    };
  }
  // Named like the run's other test databases, so the global teardown drops it even after a crash.
  const name = `${testDatabasePrefix(process.env[TEMPLATE_ENV] as string)}restore_${id}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabaseName(process.env.DATABASE_URL as string, name);
  return {
    env: { DATABASE_URL: url },
    untouched: async () => (await tableCount(url)) === 0,
    drop: async () => {
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function tableCount(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) AS count FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}

const cli = (env: Record<string, string>, ...args: string[]) =>
  runNode(API_CLI, env, args, { timeoutMs: 60_000 });

/**
 * Backups that verify and stay private (issue 19): the built CLI backs up a live database into an encrypted file,
 * restores it into a fresh database of the same engine (SQLite under `npm test`, PostgreSQL under `npm run test:pg`),
 * verifies the audit chain there, and a member signs in on an API running on the copy and reads their history —
 * still end-to-end encrypted, byte for byte the envelopes they had.
 */
describe(`backup and restore (${testDialect()})`, () => {
  let api: TestApp;
  let folder: string;
  let keyFile: string;
  let backupFile: string;
  let alice: ChatUser;
  let bob: ChatUser;
  let conversationId: string;
  let originals: MessageEntity[];
  let auditEntries: number;
  const opened: { close(): void }[] = [];
  const targets: RestoreTarget[] = [];

  const target = async () => {
    const created = await freshTarget();
    targets.push(created);
    return created;
  };

  beforeAll(async () => {
    api = await createTestApp();
    folder = mkdtempSync(join(tmpdir(), 'counterpart-backup-e2e-'));
    [alice, bob] = [await chatUser(api, opened), await chatUser(api, opened)];
    const started = await api.graphql(
      'mutation($id: ID!) { startDirectConversation(memberId: $id) { id } }',
      { id: bob.member.id },
      alice.token,
    );
    conversationId = started.body.data.startDirectConversation.id as string;
    const client = alice.client();
    await client.connect();
    for (const text of ['Shipment via Termez on Friday', 'Two trucks', 'Plates end in 77']) {
      await client.send(conversationId, { text });
    }
    client.close();
    const audit = api.app.get(AuditService);
    for (const reason of ['backup drill 1', 'backup drill 2']) {
      await audit.record({ actorId: alice.member.id, action: AuditAction.ROLE_CHANGED, reason });
    }
    originals = await api.dataSource
      .getRepository(MessageEntity)
      .find({ where: { conversationId }, order: { seq: 'ASC' } });
    auditEntries = await api.dataSource.getRepository(AuditEntryEntity).count();

    keyFile = join(folder, 'backup.key');
    backupFile = join(folder, 'counterpart.cpbak');
    const key = await cli({}, 'backup-key', '--out', keyFile);
    expect(key.code).toBe(0);
    // The server keeps running (and could write) while the backup is taken.
    const backup = await cli(api.database.env, 'backup', '--key', keyFile, '--out', backupFile);
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining(`written to ${backupFile}`) });
  });

  afterAll(async () => {
    opened.splice(0).forEach((client) => client.close());
    await api?.close();
    for (const created of targets) {
      await created.drop();
    }
    rmSync(folder, { recursive: true, force: true });
  });

  it('should make a key file readable by its owner only, say what it is for, and never replace it', async () => {
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const path = join(folder, 'second.key');
    const made = await cli({}, 'backup-key', '--out', path);
    expect(made.stdout).toMatch(new RegExp(`Backup key [0-9a-f]{16} written to ${path}`));
    expect(made.stdout).toMatch(/apart from the backups.*without it no backup can be restored/s);
    const contents = readFileSync(path);

    const again = await cli({}, 'backup-key', '--out', path);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists and is never replaced/);
    expect(again.stderr).not.toMatch(STACK_LINE);
    expect(readFileSync(path).equals(contents)).toBe(true);
  });

  it('should write a private backup that holds nothing in the clear', async () => {
    const backup = readFileSync(backupFile);
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(backup.subarray(0, 8).toString()).toBe('CPBACKUP');
    const key = await readBackupKeyFile(keyFile, () => undefined);
    const plaintext = await buffer(Readable.from([backup]).pipe(decryptBackup(key)));
    // The search finds what the database holds in the clear in the decrypted copy (pg_dump compresses table data,
    // not its table of contents) …
    expect(findCanary(plaintext, 'schema_migration')).toContain('utf8');
    // … and none of it, nor the members' addresses or a message's ciphertext, in the file.
    const { ciphertext } = JSON.parse(originals[0].envelope) as { ciphertext: string };
    for (const secret of [
      'schema_migration',
      alice.member.email,
      bob.member.email,
      ciphertext.slice(0, 32),
    ]) {
      expect({ secret, found: findCanary(backup, secret) }).toEqual({ secret, found: [] });
    }
  });

  it('should restore into a fresh database, verify the audit chain, and serve the member their sealed history', async () => {
    const restored = await target();
    const result = await cli(restored.env, 'restore', '--key', keyFile, '--in', backupFile);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`Restored .* \\(${testDialect()}, made .*, schema \\w+\\)`));
    expect(result.stdout).toContain(`Audit chain valid: ${auditEntries} entries`);

    const server = startNode(API_MAIN, {
      ...restored.env,
      PORT: '0',
      NODE_ENV: 'development',
      DB_SEED_ON_BOOT: 'false',
    });
    try {
      const [, url] = await server.waitFor(/Counterpart is running at (http:\/\/localhost:\d+)/, 60_000);
      const signedIn = await postGraphql<{ signIn: { accessToken: string } }>(
        url,
        '',
        'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
        { input: { email: bob.member.email, password: FACTORY_PASSWORD } },
      );
      const history = await postGraphql<{
        messages: {
          messages: { seq: number; clientMessageId: string; senderDeviceId: string; envelope: string }[];
        };
      }>(
        url,
        signedIn.data?.signIn.accessToken as string,
        'query($id: ID!) { messages(conversationId: $id, last: 10) { messages { seq clientMessageId senderDeviceId envelope } } }',
        { id: conversationId },
      );
      const messages = history.data?.messages.messages ?? [];
      expect(messages.map(({ seq, envelope }) => ({ seq, envelope }))).toEqual(
        originals.map(({ seq, envelope }) => ({ seq, envelope })),
      );
      const texts = await Promise.all(
        messages.map(async (message) => {
          const body = await openEnvelope(JSON.parse(message.envelope), {
            conversationId,
            clientMessageId: message.clientMessageId,
            sender: { deviceId: alice.deviceId, ...publicKeysOf(alice.keys) },
            deviceId: bob.deviceId,
            secrets: new TweetnaclDeviceSecrets(bob.keys),
          });
          return body.text;
        }),
      );
      expect(texts).toEqual(['Shipment via Termez on Friday', 'Two trucks', 'Plates end in 77']);
    } finally {
      server.child.kill('SIGTERM');
      await server.finished;
    }
  });

  it('should refuse a wrong key in one clear line, before writing anything', async () => {
    const restored = await target();
    const otherKey = join(folder, 'other.key');
    await cli({}, 'backup-key', '--out', otherKey);
    const result = await cli(restored.env, 'restore', '--key', otherKey, '--in', backupFile);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Wrong backup key: .* was encrypted with key [0-9a-f]{16}, the key file holds key/,
    );
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stdout).toBe('');
    expect(await restored.untouched()).toBe(true);
  });

  it('should refuse a backup with one altered byte and leave the target untouched', async () => {
    const restored = await target();
    const tampered = join(folder, 'tampered.cpbak');
    const bytes = readFileSync(backupFile);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(tampered, bytes, { mode: 0o600 });
    const result = await cli(restored.env, 'restore', '--key', keyFile, '--in', tampered);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /tampered\.cpbak is damaged or was altered: chunk \d+ failed authentication/,
    );
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(await restored.untouched()).toBe(true);
  });

  it('should refuse a backup of the other engine, and a database that is not new', async () => {
    const otherEngine: Record<string, string> =
      testDialect() === 'sqlite'
        ? { DATABASE_URL: 'postgres://counterpart@127.0.0.1:1/never_contacted' }
        : { SQLITE_PATH: join(folder, 'other-engine.sqlite') };
    const mismatch = await cli(otherEngine, 'restore', '--key', keyFile, '--in', backupFile);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toMatch(
      new RegExp(`is a ${testDialect()} backup but the configured database is (sqlite|postgres)`),
    );
    expect(existsSync(join(folder, 'other-engine.sqlite'))).toBe(false);

    const before = await api.dataSource.getRepository(AuditEntryEntity).count();
    const live = await cli(api.database.env, 'restore', '--key', keyFile, '--in', backupFile);
    expect(live.code).toBe(1);
    expect(live.stderr).toMatch(/already (exists|has \d+ table\(s\)): restore only into a new/);
    expect(live.stderr).not.toMatch(STACK_LINE);
    expect(await api.dataSource.getRepository(AuditEntryEntity).count()).toBe(before);
  });

  it('should refuse a backup from a newer Counterpart (a schema it does not know), before writing anything', async () => {
    const restored = await target();
    const future = join(folder, 'future.cpbak');
    const key = await readBackupKeyFile(keyFile, () => undefined);
    const encryptor = encryptBackup(key, { engine: testDialect(), schema: 'AddTimeTravel9999999999999' });
    await pipeline(Readable.from([Buffer.from('not a database')]), encryptor, createWriteStream(future));
    const result = await cli(restored.env, 'restore', '--key', keyFile, '--in', future);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /has schema AddTimeTravel9999999999999, which this version of Counterpart does not know/,
    );
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(await restored.untouched()).toBe(true);
  });

  it('should take a consistent copy while the server keeps writing', async () => {
    const audit = api.app.get(AuditService);
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await audit.record({ actorId: null, action: AuditAction.ROLE_CHANGED, reason: `write ${written}` });
        written += 1;
        // SQLite queries run synchronously: without a turn of the event loop, nothing else (the CLI's exit) is heard.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const live = join(folder, 'live.cpbak');
    let atStart: number;
    try {
      while (written === 0) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      atStart = await api.dataSource.getRepository(AuditEntryEntity).count();
      const backup = await cli(api.database.env, 'backup', '--key', keyFile, '--out', live);
      expect(backup.code).toBe(0);
    } finally {
      writing = false;
      await writer;
    }
    const atEnd = await api.dataSource.getRepository(AuditEntryEntity).count();

    const restored = await target();
    const result = await cli(restored.env, 'restore', '--key', keyFile, '--in', live);
    expect(result.code).toBe(0);
    const [, entries] = result.stdout.match(/Audit chain valid: (\d+) entries/) ?? [];
    expect(Number(entries)).toBeGreaterThanOrEqual(atStart);
    expect(Number(entries)).toBeLessThanOrEqual(atEnd);
  });
});

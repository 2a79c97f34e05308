import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { reportBootFailure } from '@app/common';
import { AppConfigModule, loadConfiguration, loadDotEnv } from '@app/config';
import { assertDatabaseReachable, DatabaseModule, dataSourceOptions, migrateDatabase } from '@app/database';
import { DemoSeedService } from '@app/database/seed';
import { DirectoryModule } from '@app/directory';
import {
  AuditService,
  IdentityModule,
  MembershipService,
  SessionRetentionService,
  TotpRekeyService,
} from '@app/identity';
import { backupDatabase, createBackupKey, restoreDatabase } from './backup/backup-commands';
import { API_RESOLVERS } from './schema';

/** Command output goes to stdout; failures to stderr through reportBootFailure. */
const print = (text: string) => process.stdout.write(`${text}\n`);

/** A mistake the operator fixes from the message alone: printed without a stack trace. */
class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate         apply pending database migrations (also: npm run db:migrate)
  seed            add the demo network to a development database; idempotent (also: npm run db:seed)
  print-schema    write apps/api/schema.gql from the code-first types, without a database (npm run schema:print)
  create-admin --email <e>
                  create the first admin; the password is read from stdin (never from the command line)
  verify-audit    recompute the audit hash chain; exit code 1 when it is broken
  rekey-totp      re-encrypt every TOTP secret under the current TOTP key; exit code 1 if any cannot be decrypted
  prune-sessions  delete ended sessions past SESSION_RETENTION_DAYS, old rotated tokens, spent throttle counters
                  (the API does it hourly; this runs it now)
  backup-key --out <file>
                  write a new backup key (0600); keep it apart from the backups: losing it loses them
  backup --key <keyfile> --out <file>
                  write an encrypted backup of the configured database (safe while the server runs)
  restore --key <keyfile> --in <file>
                  restore a backup into the configured, empty database, then verify its audit chain
`;

@Module({
  imports: [AppConfigModule, DatabaseModule, IdentityModule, DirectoryModule],
  providers: [DemoSeedService],
})
class CliModule {}

/** Boots the domain without HTTP, runs `work`, closes. */
async function withContext<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const config = loadConfiguration();
  await assertDatabaseReachable(config.database);
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** The whole of stdin (piped), or one line typed at a prompt (not echoed when stdin is a terminal). */
async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (stdin.isTTY) {
    process.stderr.write(prompt);
    stdin.setRawMode(true);
  }
  const CTRL_C = String.fromCharCode(3);
  let input = '';
  for await (const chunk of stdin) {
    input += String(chunk);
    if (stdin.isTTY && /[\r\n]/.test(input)) {
      break;
    }
    if (stdin.isTTY && input.includes(CTRL_C)) {
      break;
    }
  }
  if (stdin.isTTY) {
    stdin.setRawMode(false);
    process.stderr.write('\n');
  }
  if (input.includes(CTRL_C)) {
    throw new CliUsageError('Cancelled.');
  }
  return input.split(/\r?\n|\r/)[0];
}

async function createAdmin(args: Record<string, string | boolean | undefined>): Promise<void> {
  const email = typeof args.email === 'string' ? args.email : '';
  if (!email.includes('@')) {
    throw new CliUsageError('Usage: npm run cli -- create-admin --email <address>  (password on stdin)');
  }
  const password = await readPassword('Password for the new admin: ');
  await withContext(async (app) => {
    const admin = await app.get(MembershipService).createAdmin(email, password);
    print(`Admin ${admin.email} created (id ${admin.id}). Sign in and enable two-factor authentication.`);
  });
}

async function verifyAudit(): Promise<void> {
  await withContext(async (app) => {
    const status = await app.get(AuditService).verify();
    if (status.valid) {
      print(`Audit chain valid: ${status.length} entries, head ${status.headHash ?? '(empty)'}.`);
    } else {
      process.stderr.write(
        `Audit chain BROKEN at seq ${status.firstBrokenSeq} (${status.length} entries).\n`,
      );
      process.exitCode = 1;
    }
  });
}

async function rekeyTotp(): Promise<void> {
  await withContext(async (app) => {
    const { reencrypted, alreadyCurrent, unreadable } = await app.get(TotpRekeyService).rekeyAll();
    print(
      `TOTP secrets: re-encrypted ${reencrypted}, already current ${alreadyCurrent}, unreadable ${unreadable}.`,
    );
    if (unreadable > 0) {
      process.stderr.write(
        `${unreadable} TOTP secret(s) could not be decrypted with any key of the ring: put the retired key back in TOTP_PREVIOUS_KEYS and run rekey-totp again, or give those members an account reset (issueAccountReset).\n`,
      );
      process.exitCode = 1;
    }
  });
}

async function pruneSessions(): Promise<void> {
  await withContext(async (app) => {
    const { sessions, refreshTokens, throttleCounters } = await app.get(SessionRetentionService).prune();
    print(
      `Pruned ${sessions} ended session(s), ${refreshTokens} refresh token(s), ${throttleCounters} throttle counter(s).`,
    );
  });
}

async function migrate(): Promise<void> {
  const config = loadConfiguration();
  await assertDatabaseReachable(config.database);
  const dataSource = await new DataSource(dataSourceOptions(config.database)).initialize();
  try {
    const applied = await migrateDatabase(dataSource, { log: print });
    print(
      applied.length === 0
        ? 'Database is up to date.'
        : `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m.name}`).join('\n')}`,
    );
  } finally {
    await dataSource.destroy();
  }
}

async function seed(): Promise<void> {
  const config = loadConfiguration();
  if (config.server.isProduction) {
    throw new CliUsageError('The demo network is never seeded in production (NODE_ENV=production).');
  }
  await withContext(async (app) => {
    const { created, skipped } = await app.get(DemoSeedService).seed();
    print(`Demo network: ${created} practitioner(s) added, ${skipped} already present.`);
  });
}

async function printApiSchema(): Promise<void> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(API_RESOLVERS);
    const target = resolve('apps/api/schema.gql');
    writeFileSync(target, `${printSchema(lexicographicSortSchema(schema))}\n`);
    print(`Wrote ${target}`);
  } finally {
    await app.close();
  }
}

const COMMANDS: Record<string, (args: Record<string, string | boolean | undefined>) => Promise<void>> = {
  migrate,
  seed,
  'print-schema': printApiSchema,
  'create-admin': createAdmin,
  'verify-audit': verifyAudit,
  'rekey-totp': rekeyTotp,
  'prune-sessions': pruneSessions,
  'backup-key': createBackupKey,
  backup: backupDatabase,
  restore: async (args) => {
    await restoreDatabase(args);
    await verifyAudit();
  },
};

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    strict: false,
    options: {
      email: { type: 'string' },
      key: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
    },
  });
  const command = COMMANDS[positionals[0] ?? ''];
  if (!command) {
    process.stderr.write(USAGE);
    process.exitCode = 2;
    return;
  }
  loadDotEnv();
  try {
    await command(values);
  } catch (error) {
    reportBootFailure(`cli ${positionals[0]}`, error);
    process.exitCode = 1;
  }
}

// A command whose work was left waiting on nothing would end the process quietly with exit code 0 (Node exits when
// its event loop is empty, skipping pending `finally` blocks): say so and fail instead.
let settled = false;
process.on('exit', (code) => {
  if (!settled && code === 0) {
    process.stderr.write('\nThe command stopped before it finished.\n');
    process.exitCode = 1;
  }
});
void main().finally(() => {
  settled = true;
});

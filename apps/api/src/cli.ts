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
import { assertDatabaseReachable, DatabaseModule, dataSourceOptions } from '@app/database';
import { DemoSeedService } from '@app/database/seed';
import { DirectoryModule } from '@app/directory';
import { AuditService, IdentityModule, MembershipService } from '@app/identity';
import { API_RESOLVERS } from './schema';

/** Command output goes to stdout; failures to stderr through reportBootFailure. */
const print = (text: string) => process.stdout.write(`${text}\n`);

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate         apply pending database migrations (also: npm run db:migrate)
  seed            add the demo network to a development database; idempotent (also: npm run db:seed)
  print-schema    write apps/api/schema.gql from the code-first types, without a database (npm run schema:print)
  create-admin --email <e>
                  create the first admin; the password is read from stdin (never from the command line)
  verify-audit    recompute the audit hash chain; exit code 1 when it is broken
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
    throw new Error('Cancelled.');
  }
  return input.split(/\r?\n|\r/)[0];
}

async function createAdmin(args: Record<string, string | boolean | undefined>): Promise<void> {
  const email = typeof args.email === 'string' ? args.email : '';
  if (!email.includes('@')) {
    throw new Error('Usage: npm run cli -- create-admin --email <address>  (password on stdin)');
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

async function migrate(): Promise<void> {
  const config = loadConfiguration();
  await assertDatabaseReachable(config.database);
  const dataSource = await new DataSource(dataSourceOptions(config.database)).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
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
    throw new Error('The demo network is never seeded in production (NODE_ENV=production).');
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
};

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    strict: false,
    options: { email: { type: 'string' } },
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

void main();

import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { reportBootFailure } from '@app/common';
import { AppConfigModule, loadConfiguration, loadDotEnv } from '@app/config';
import { assertDatabaseReachable, DatabaseModule, dataSourceOptions } from '@app/database';
import { DemoSeedService } from '@app/database/seed';
import { DirectoryModule } from '@app/directory';
import { IdentityModule } from '@app/identity';
import { API_RESOLVERS } from './schema';

/** Command output goes to stdout; failures to stderr through reportBootFailure. */
const print = (text: string) => process.stdout.write(`${text}\n`);

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate         apply pending database migrations (also: npm run db:migrate)
  seed            add the demo network to a development database; idempotent (also: npm run db:seed)
  print-schema    write apps/api/schema.gql from the code-first types, without a database (npm run schema:print)
`;

@Module({
  imports: [AppConfigModule, DatabaseModule, IdentityModule, DirectoryModule],
  providers: [DemoSeedService],
})
class SeedCliModule {}

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
  await assertDatabaseReachable(config.database);
  const app = await NestFactory.createApplicationContext(SeedCliModule, { logger: ['error', 'warn'] });
  try {
    const { created, skipped } = await app.get(DemoSeedService).seed();
    print(`Demo network: ${created} practitioner(s) added, ${skipped} already present.`);
  } finally {
    await app.close();
  }
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

const COMMANDS: Record<string, () => Promise<void>> = {
  migrate,
  seed,
  'print-schema': printApiSchema,
};

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, strict: false });
  const command = COMMANDS[positionals[0] ?? ''];
  if (!command) {
    process.stderr.write(USAGE);
    process.exitCode = 2;
    return;
  }
  loadDotEnv();
  try {
    await command();
  } catch (error) {
    reportBootFailure(`cli ${positionals[0]}`, error);
    process.exitCode = 1;
  }
}

void main();

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { databaseConfig, type DatabaseConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';
import { initializeMigrated } from './migration-runner';
import { SqliteCheckpointer } from './sqlite-checkpointer';
import { TransactionModule } from './transaction.module';

/**
 * The one TypeORM data source. Feature libs register their entities with `TypeOrmModule.forFeature`
 * (autoLoadEntities); migrations run at boot unless DB_MIGRATE_ON_BOOT=false, under the migration lock
 * (migrateDatabase), before any provider gets the data source. On SQLite, WAL checkpoints run on a worker thread
 * (SqliteCheckpointer).
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (config: DatabaseConfig) => ({
        ...dataSourceOptions(config),
        autoLoadEntities: true,
        migrationsRun: config.migrateOnBoot,
        // main.ts checks reachability first and reports it clearly; do not spend a minute retrying.
        retryAttempts: 1,
        retryDelay: 0,
      }),
      dataSourceFactory: (options) => initializeMigrated(options as DataSourceOptions),
    }),
    TransactionModule,
  ],
  providers: [SqliteCheckpointer],
  exports: [TransactionModule],
})
export class DatabaseModule {}

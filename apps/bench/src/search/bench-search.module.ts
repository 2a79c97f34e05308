import { Module } from '@nestjs/common';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { DirectoryModule } from '@app/directory';

/** The search domain alone, as the API uses it: configuration, database, directory. */
@Module({ imports: [AppConfigModule, DatabaseModule, DirectoryModule] })
export class BenchSearchModule {}

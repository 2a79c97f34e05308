import { existsSync } from 'node:fs';
import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CONFIG_NAMESPACES } from './configuration';

/**
 * Loads `./.env` into `process.env` when it exists (never under NODE_ENV=test, so a developer's file cannot leak into
 * tests). Variables already set in the environment win. Entry points call it first, before anything reads the config.
 */
export function loadDotEnv(path = '.env'): void {
  if (process.env.NODE_ENV !== 'test' && existsSync(path)) {
    process.loadEnvFile(path);
  }
}

/** Global, validated configuration; works with no `.env` at all (development defaults). */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      ignoreEnvFile: true,
      load: CONFIG_NAMESPACES,
    }),
  ],
})
export class AppConfigModule {}

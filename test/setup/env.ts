import { Logger } from '@nestjs/common';

// Runs in every test worker before any module is loaded: a quiet, cheap, deterministic environment.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'silent';
// argon2 at its cheapest allowed cost: tests hash many passwords; production cost comes from config.
process.env.ARGON2_MEMORY_KIB = '1024';
process.env.ARGON2_TIME_COST = '1';
process.env.DB_SEED_ON_BOOT = 'false';
// Factories write beside the app (like another process): every search replays the change log first.
process.env.SEARCH_INDEX_MAX_STALENESS_MS ??= '0';

// Nest's static logger (used by services before pino takes over) stays quiet unless LOG_LEVEL asks otherwise.
if (process.env.LOG_LEVEL === 'silent') {
  Logger.overrideLogger(false);
}

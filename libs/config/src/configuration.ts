import { ConfigValidationError, type Env } from './env';
import { authConfig, type AuthConfig } from './auth.config';
import { chatConfig, type ChatConfig } from './chat.config';
import { clockConfig, type ClockConfig } from './clock.config';
import { databaseConfig, type DatabaseConfig } from './database.config';
import { operationsConfig, type OperationsConfig } from './operations.config';
import { redisConfig, type RedisConfig } from './redis.config';
import { searchConfig, type SearchConfig } from './search.config';
import { serverConfig, type ServerConfig } from './server.config';

/** The whole configuration, one key per namespace; `ConfigService<AppConfig, true>` reads it typed. */
export interface AppConfig {
  server: ServerConfig;
  database: DatabaseConfig;
  auth: AuthConfig;
  chat: ChatConfig;
  redis: RedisConfig;
  search: SearchConfig;
  clock: ClockConfig;
  operations: OperationsConfig;
}

export const CONFIG_NAMESPACES = [
  serverConfig,
  databaseConfig,
  authConfig,
  chatConfig,
  redisConfig,
  searchConfig,
  clockConfig,
  operationsConfig,
];

/**
 * Validates every namespace at once and reports all problems together, so an operator fixes the environment in one
 * go. Used before Nest boots (main, CLI) so a bad environment ends with a message, not a stack trace.
 */
export function loadConfiguration(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const attempt = <T>(parse: (env: Env) => T): T | undefined => {
    try {
      return parse(env);
    } catch (error) {
      if (error instanceof ConfigValidationError) {
        problems.push(...error.problems);
        return undefined;
      }
      throw error;
    }
  };
  const config = {
    server: attempt(serverConfig.parse),
    database: attempt(databaseConfig.parse),
    auth: attempt(authConfig.parse),
    chat: attempt(chatConfig.parse),
    redis: attempt(redisConfig.parse),
    search: attempt(searchConfig.parse),
    clock: attempt(clockConfig.parse),
    operations: attempt(operationsConfig.parse),
  };
  if (problems.length > 0) {
    throw new ConfigValidationError([...new Set(problems)]);
  }
  return config as AppConfig;
}

export * from './app-config.module';
export * from './auth.config';
export * from './chat.config';
export * from './configuration';
export * from './database.config';
export { ConfigValidationError, MIN_SECRET_LENGTH, type Env, type NodeEnv } from './env';
export * from './redis.config';
export * from './search.config';
export * from './server.config';

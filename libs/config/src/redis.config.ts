import { IsOptional, Matches } from 'class-validator';
import { defineNamespace } from './env';

class RedisEnv {
  @IsOptional()
  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;
}

export interface RedisConfig {
  /** When unset, chat uses the in-memory adapter (one node). */
  url?: string;
}

export const redisConfig = defineNamespace('redis', RedisEnv, (vars): RedisConfig => ({
  url: vars.REDIS_URL,
}));

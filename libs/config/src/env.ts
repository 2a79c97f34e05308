import { plainToInstance, Transform } from 'class-transformer';
import {
  registerDecorator,
  validateSync,
  type ValidationArguments,
  type ValidationError,
  type ValidationOptions,
} from 'class-validator';
import { registerAs, type ConfigObject } from '@nestjs/config';

export type Env = Record<string, string | undefined>;
export type NodeEnv = 'development' | 'production' | 'test';

/** Thrown when the environment is not a valid configuration; the message names every offending variable. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

export function nodeEnvOf(env: Env): NodeEnv {
  const value = env.NODE_ENV;
  return value === 'production' || value === 'test' ? value : 'development';
}

/** Empty strings count as unset, so `FOO=` in a .env file falls back to the default. */
function withoutEmpty(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => Object.values(error.constraints ?? {}));
}

/** Validates the variables a namespace reads and returns them typed; throws ConfigValidationError otherwise. */
export function validateEnv<T extends object>(schema: new () => T, env: Env): T {
  const instance = plainToInstance(schema, withoutEmpty(env), { enableImplicitConversion: true });
  const errors = validateSync(instance, { whitelist: false, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigValidationError(describe(errors));
  }
  return instance;
}

export interface ConfigNamespace<T extends ConfigObject> {
  (): T;
  readonly KEY: string;
  /** Parses an explicit environment (used by the boot preflight and the CLI). */
  parse(this: void, env: Env): T;
}

/** One validated `registerAs` namespace: the env schema is checked, then mapped to the typed config object. */
export function defineNamespace<S extends object, T extends ConfigObject>(
  name: string,
  schema: new () => S,
  build: (vars: S, env: Env) => T,
): ConfigNamespace<T> {
  const parse = (env: Env): T => build(validateEnv(schema, env), env);
  const factory = registerAs(name, () => parse(process.env));
  return Object.assign(factory, { parse }) as unknown as ConfigNamespace<T>;
}

/** `true|false|1|0|yes|no` → boolean; anything else stays a string so IsBoolean reports it. */
export function BooleanEnv(): PropertyDecorator {
  return Transform(({ obj, key }: { obj: Env; key: string }) => {
    const raw = obj[key];
    if (raw === undefined) {
      return undefined;
    }
    const value = String(raw).trim().toLowerCase();
    if (['true', '1', 'yes'].includes(value)) {
      return true;
    }
    if (['false', '0', 'no'].includes(value)) {
      return false;
    }
    return raw;
  });
}

/** Comma-separated list → trimmed, non-empty strings. */
export function ListEnv(): PropertyDecorator {
  return Transform(({ obj, key }: { obj: Env; key: string }) =>
    obj[key] === undefined
      ? undefined
      : String(obj[key])
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item.length > 0),
  );
}

export const MIN_SECRET_LENGTH = 32;

/** How the placeholder secrets of docker/.env.example begin: they are public, so never a production secret. */
const PLACEHOLDER_PREFIX = 'change-me';

function isProduction(args: ValidationArguments): boolean {
  return (args.object as { NODE_ENV?: string }).NODE_ENV === 'production';
}

function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith(PLACEHOLDER_PREFIX);
}

function placeholderMessage(variable: string): string {
  return `${variable} is a placeholder from docker/.env.example: set a secret of your own, e.g. openssl rand -hex 32`;
}

/**
 * In production, refuses a value copied unchanged from docker/.env.example. With `keyEntries`, the value is a list of
 * `kid:secret` entries and each secret is checked.
 */
export function NoPlaceholderInProduction(options?: { keyEntries?: boolean }): PropertyDecorator {
  const secretOf = (entry: unknown) =>
    options?.keyEntries && typeof entry === 'string' ? entry.slice(entry.indexOf(':') + 1) : entry;
  return (target: object, propertyKey: string | symbol) => {
    registerDecorator({
      name: 'noPlaceholderInProduction',
      target: target.constructor,
      propertyName: propertyKey as string,
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const values: unknown[] = Array.isArray(value) ? value : [value];
          return !isProduction(args) || !values.some((entry) => isPlaceholder(secretOf(entry)));
        },
        defaultMessage(args: ValidationArguments): string {
          return placeholderMessage(args.property);
        },
      },
    });
  };
}

/**
 * A secret with a development default. In production it must be set, at least 32 characters long, different from
 * the development default and not a placeholder of docker/.env.example; the error names the variable.
 */
export function ProductionSecret(developmentDefault: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyKey: string | symbol) => {
    registerDecorator({
      name: 'productionSecret',
      target: target.constructor,
      propertyName: propertyKey as string,
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const production = isProduction(args);
          if (value === undefined) {
            return !production;
          }
          if (typeof value !== 'string') {
            return false;
          }
          return (
            !production ||
            (value.length >= MIN_SECRET_LENGTH && value !== developmentDefault && !isPlaceholder(value))
          );
        },
        defaultMessage(args: ValidationArguments): string {
          if (isProduction(args) && isPlaceholder(args.value)) {
            return placeholderMessage(args.property);
          }
          return `${args.property} must be set in production to a secret of at least ${MIN_SECRET_LENGTH} characters (not the development default)`;
        },
      },
    });
  };
}

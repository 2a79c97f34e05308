import { DEV_JWT_SECRET } from './auth.config';
import { loadConfiguration } from './configuration';
import { redactUrl } from './database.config';
import { ConfigValidationError } from './env';

const SECRET = 'x'.repeat(40);
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: SECRET, TOTP_ENCRYPTION_KEY: `${SECRET}y` };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfiguration(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as ConfigValidationError).problems;
  }
  throw new Error('expected the configuration to be rejected');
}

describe(loadConfiguration.name, () => {
  it('should work with no environment at all (development defaults)', () => {
    const config = loadConfiguration({});
    expect(config.server).toMatchObject({ nodeEnv: 'development', port: 3000, isProduction: false });
    expect(config.database).toMatchObject({
      dialect: 'sqlite',
      sqlitePath: './data/counterpart.sqlite',
      migrateOnBoot: true,
      seedOnBoot: true,
    });
    expect(config.auth.jwtKeys).toEqual([{ id: 'k1', secret: DEV_JWT_SECRET }]);
    expect(config.chat).toMatchObject({ embedded: true, path: '/socket.io', maxHttpBufferSize: 65_536 });
    expect(config.chat.allowedOrigins).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
    expect(config.redis.url).toBeUndefined();
  });

  it('should honour PORT for the server and for the socket origin allowlist', () => {
    const config = loadConfiguration({ PORT: '4100', CHAT_ALLOWED_ORIGINS: 'https://app.example.org' });
    expect(config.server.port).toBe(4100);
    expect(config.chat.allowedOrigins).toEqual([
      'http://localhost:4100',
      'http://127.0.0.1:4100',
      'https://app.example.org',
    ]);
  });

  it('should switch to PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfiguration({ DATABASE_URL: 'postgres://cp:pw@db:5432/counterpart' });
    expect(config.database.dialect).toBe('postgres');
    expect(config.database.url).toBe('postgres://cp:pw@db:5432/counterpart');
  });

  it('should parse booleans strictly', () => {
    expect(loadConfiguration({ CHAT_EMBEDDED: 'false' }).chat.embedded).toBe(false);
    expect(loadConfiguration({ CHAT_EMBEDDED: '0' }).chat.embedded).toBe(false);
    expect(problemsOf({ CHAT_EMBEDDED: 'maybe' }).join('\n')).toMatch(/CHAT_EMBEDDED/);
  });

  it('should trust proxies by a hop count only, refusing "trust any"', () => {
    expect(loadConfiguration({}).server.trustProxy).toBe(0);
    expect(loadConfiguration({ TRUST_PROXY: '1' }).server.trustProxy).toBe(1);
    for (const value of ['true', 'yes', '-1', '1.5', '11']) {
      expect(problemsOf({ TRUST_PROXY: value })).toEqual([
        'TRUST_PROXY must be the number of reverse proxies in front of the app (0-10; 1 for one nginx), not true or false',
      ]);
    }
  });

  it('should treat an empty variable as unset', () => {
    expect(loadConfiguration({ PORT: '', DATABASE_URL: '' }).database.dialect).toBe('sqlite');
  });

  it('should name every malformed variable at once', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'http://r' }).join(
      '\n',
    );
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/REDIS_URL/);
  });

  it('should refuse a production boot without secrets, naming them', () => {
    const problems = problemsOf({ NODE_ENV: 'production' }).join('\n');
    expect(problems).toMatch(/JWT_SECRET must be set in production/);
    expect(problems).toMatch(/TOTP_ENCRYPTION_KEY must be set in production/);
  });

  it('should refuse the development default or a short secret in production', () => {
    expect(problemsOf({ ...PRODUCTION, JWT_SECRET: DEV_JWT_SECRET }).join()).toMatch(/JWT_SECRET/);
    expect(problemsOf({ ...PRODUCTION, TOTP_ENCRYPTION_KEY: 'short' }).join()).toMatch(/TOTP_ENCRYPTION_KEY/);
  });

  it('should refuse the placeholders of docker/.env.example in production, naming each variable', () => {
    const placeholder = 'change-me-openssl-rand-hex-32-change-me';
    const problems = problemsOf({
      ...PRODUCTION,
      JWT_SECRET: placeholder,
      TOTP_ENCRYPTION_KEY: placeholder,
      METRICS_TOKEN: placeholder,
      JWT_PREVIOUS_KEYS: `k0:${placeholder}`,
      TOTP_PREVIOUS_KEYS: `t0:${'p'.repeat(40)},t1:${placeholder}`,
    });
    const advice =
      'is a placeholder from docker/.env.example: set a secret of your own, e.g. openssl rand -hex 32';
    expect(problems.sort()).toEqual(
      ['JWT_PREVIOUS_KEYS', 'JWT_SECRET', 'METRICS_TOKEN', 'TOTP_ENCRYPTION_KEY', 'TOTP_PREVIOUS_KEYS'].map(
        (variable) => `${variable} ${advice}`,
      ),
    );
    expect(
      loadConfiguration({ JWT_SECRET: placeholder, METRICS_TOKEN: placeholder }).auth.jwtKeys[0].secret,
    ).toBe(placeholder);
  });

  it('should accept a complete production environment and never seed demo data there', () => {
    const config = loadConfiguration({ ...PRODUCTION, DB_SEED_ON_BOOT: 'true' });
    expect(config.server.isProduction).toBe(true);
    expect(config.database.seedOnBoot).toBe(false);
    expect(config.auth.requireTwoFactorForStaff).toBe(true);
    expect(config.server.prettyLogs).toBe(false);
  });

  it('should build key rings: the current key first, retired keys after it', () => {
    const config = loadConfiguration({
      ...PRODUCTION,
      JWT_KEY_ID: '2026-11',
      JWT_PREVIOUS_KEYS: `2026-05:${'o'.repeat(40)}`,
      TOTP_KEY_ID: 't2',
      TOTP_PREVIOUS_KEYS: `t1:${'p'.repeat(40)}`,
    });
    expect(config.auth.jwtKeys.map((key) => key.id)).toEqual(['2026-11', '2026-05']);
    expect(config.auth.jwtKeys[0].secret).toBe(SECRET);
    expect(config.auth.totpKeys.map((key) => key.id)).toEqual(['t2', 't1']);
    expect(problemsOf({ JWT_PREVIOUS_KEYS: 'no-colon' }).join()).toMatch(/JWT_PREVIOUS_KEYS/);
  });

  it('should keep the system clock unless a test server sets one, and refuse a test clock in production', () => {
    expect(loadConfiguration({}).clock).toEqual({ fixedAt: null, offsetMs: 0 });
    expect(loadConfiguration({ TEST_CLOCK_AT: '2026-11-30T09:30:00+05:00' }).clock.fixedAt).toEqual(
      new Date('2026-11-30T04:30:00Z'),
    );
    expect(loadConfiguration({ NODE_ENV: 'test', TEST_CLOCK_OFFSET_MS: '-3600000' }).clock.offsetMs).toBe(
      -3_600_000,
    );
    expect(problemsOf({ TEST_CLOCK_AT: '2026-11-30T09:30' }).join()).toMatch(
      /TEST_CLOCK_AT must be an ISO 8601/,
    );
    expect(problemsOf({ TEST_CLOCK_OFFSET_MS: '1.5' }).join()).toMatch(/TEST_CLOCK_OFFSET_MS/);
    expect(problemsOf({ TEST_CLOCK_AT: '2026-11-30T04:30:00Z', TEST_CLOCK_OFFSET_MS: '1' }).join()).toMatch(
      /not both/,
    );
    expect(problemsOf({ ...PRODUCTION, TEST_CLOCK_AT: '2026-11-30T04:30:00Z' })).toEqual([
      'TEST_CLOCK_AT must not be set in production (it sets a test clock)',
    ]);
    expect(problemsOf({ ...PRODUCTION, TEST_CLOCK_OFFSET_MS: '60000' })).toEqual([
      'TEST_CLOCK_OFFSET_MS must not be set in production (it sets a test clock)',
    ]);
  });

  it('should reject origins that are not plain origins', () => {
    expect(problemsOf({ CHAT_ALLOWED_ORIGINS: 'https://ok.example,not-a-url' }).join()).toMatch(
      /CHAT_ALLOWED_ORIGINS/,
    );
  });
});

describe(redactUrl.name, () => {
  it('should hide the password of a connection URL', () => {
    expect(redactUrl('postgres://cp:secret@db:5432/x')).toBe('postgres://cp:***@db:5432/x');
    expect(redactUrl('not a url')).toBe('(unparseable URL)');
  });
});

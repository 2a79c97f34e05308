import { ConfigValidationError } from './env';
import { DEFAULT_SHUTDOWN_GRACE_MS, operationsConfig } from './operations.config';

describe('operationsConfig', () => {
  it('should leave /metrics unserved and give the default grace when nothing is set', () => {
    expect(operationsConfig.parse({})).toEqual({
      metricsToken: undefined,
      shutdownGraceMs: DEFAULT_SHUTDOWN_GRACE_MS,
    });
  });

  it('should take a long enough token and a grace in milliseconds', () => {
    const token = 'm'.repeat(32);
    expect(operationsConfig.parse({ METRICS_TOKEN: token, SHUTDOWN_GRACE_MS: '25000' })).toEqual({
      metricsToken: token,
      shutdownGraceMs: 25_000,
    });
  });

  it('should refuse a short token and a grace out of range, naming the variables', () => {
    const problems = (env: Record<string, string>) => {
      try {
        operationsConfig.parse(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigValidationError);
        return (error as ConfigValidationError).problems.join('\n');
      }
      throw new Error('expected a refusal');
    };
    expect(problems({ METRICS_TOKEN: 'short' })).toMatch(/METRICS_TOKEN must be at least 32 characters/);
    expect(problems({ SHUTDOWN_GRACE_MS: '10' })).toMatch(/SHUTDOWN_GRACE_MS/);
    expect(problems({ SHUTDOWN_GRACE_MS: 'soon' })).toMatch(/SHUTDOWN_GRACE_MS must be a whole number/);
  });
});

import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ConfigValidationError, defineNamespace, nodeEnvOf } from './env';

/** Ten years either way: enough for any test, small enough to stay a valid Date. */
const MAX_OFFSET_MS = 10 * 366 * 24 * 3600 * 1000;

class ClockEnv {
  @IsOptional()
  @Matches(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$/, {
    message: 'TEST_CLOCK_AT must be an ISO 8601 instant with a zone, e.g. 2026-11-30T04:30:00Z',
  })
  TEST_CLOCK_AT?: string;

  @IsOptional()
  @IsInt({ message: 'TEST_CLOCK_OFFSET_MS must be a whole number of milliseconds' })
  @Min(-MAX_OFFSET_MS)
  @Max(MAX_OFFSET_MS)
  TEST_CLOCK_OFFSET_MS?: number;
}

export interface ClockConfig {
  /** The clock stands still at this instant (a test server). */
  fixedAt: Date | null;
  /** Added to the system time (a test server); 0 in production. */
  offsetMs: number;
}

/**
 * The clock the directory asks "what time is it for them?" (availableNow, localTime). Real time unless a
 * non-production server sets a test clock: TEST_CLOCK_AT (fixed) or TEST_CLOCK_OFFSET_MS (shifted), never both.
 * Vetting, sessions and tokens always use the system time.
 */
export const clockConfig = defineNamespace('clock', ClockEnv, (vars, env): ClockConfig => {
  const set = (['TEST_CLOCK_AT', 'TEST_CLOCK_OFFSET_MS'] as const).filter((name) => vars[name] !== undefined);
  if (set.length > 0 && nodeEnvOf(env) === 'production') {
    throw new ConfigValidationError(
      set.map((name) => `${name} must not be set in production (it sets a test clock)`),
    );
  }
  if (set.length > 1) {
    throw new ConfigValidationError(['Set TEST_CLOCK_AT or TEST_CLOCK_OFFSET_MS, not both']);
  }
  const fixedAt = vars.TEST_CLOCK_AT ? new Date(vars.TEST_CLOCK_AT) : null;
  if (fixedAt && Number.isNaN(fixedAt.getTime())) {
    throw new ConfigValidationError(['TEST_CLOCK_AT is not a valid instant']);
  }
  return { fixedAt, offsetMs: vars.TEST_CLOCK_OFFSET_MS ?? 0 };
});

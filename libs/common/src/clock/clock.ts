import { Logger, Module } from '@nestjs/common';
import { clockConfig, type ClockConfig } from '@app/config';

/**
 * What time it is for questions of the time of day: whether a practitioner is within their working hours, their
 * local time. Injected so tests, and test servers through TEST_CLOCK_AT / TEST_CLOCK_OFFSET_MS, can set it.
 * Security decisions (vetting expiry, sessions, tokens, throttling) read the system time, never this.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** Stands still at one instant. */
export class FixedClock extends Clock {
  constructor(private readonly at: Date) {
    super();
  }

  now(): Date {
    return new Date(this.at.getTime());
  }
}

/** The system time shifted by a constant. */
export class OffsetClock extends Clock {
  constructor(private readonly offsetMs: number) {
    super();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** The clock the configuration asks for: the system's unless a (non-production) test clock is set. */
export function clockFrom(config: ClockConfig): Clock {
  if (config.fixedAt) {
    return new FixedClock(config.fixedAt);
  }
  return config.offsetMs !== 0 ? new OffsetClock(config.offsetMs) : new SystemClock();
}

/** Provides `Clock` from the `clock` configuration namespace; says so in the log when a test clock is set. */
@Module({
  providers: [
    {
      provide: Clock,
      inject: [clockConfig.KEY],
      useFactory: (config: ClockConfig): Clock => {
        const clock = clockFrom(config);
        if (!(clock instanceof SystemClock)) {
          new Logger('Clock').warn(
            config.fixedAt
              ? `Test clock: fixed at ${config.fixedAt.toISOString()} (TEST_CLOCK_AT)`
              : `Test clock: system time ${config.offsetMs >= 0 ? '+' : ''}${config.offsetMs} ms (TEST_CLOCK_OFFSET_MS)`,
          );
        }
        return clock;
      },
    },
  ],
  exports: [Clock],
})
export class ClockModule {}

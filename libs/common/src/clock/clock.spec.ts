import { Clock, clockFrom, FixedClock, OffsetClock, SystemClock } from './clock';

describe(Clock.name, () => {
  it('should be the system clock when no test clock is configured', () => {
    const clock = clockFrom({ fixedAt: null, offsetMs: 0 });
    expect(clock).toBeInstanceOf(SystemClock);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('should stand still at a fixed instant, and hand out copies', () => {
    const clock = clockFrom({ fixedAt: new Date('2026-11-30T04:30:00Z'), offsetMs: 0 });
    expect(clock).toBeInstanceOf(FixedClock);
    const first = clock.now();
    first.setUTCFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-11-30T04:30:00.000Z');
  });

  it('should shift the system time by an offset', () => {
    const clock = clockFrom({ fixedAt: null, offsetMs: -6 * 3600_000 });
    expect(clock).toBeInstanceOf(OffsetClock);
    expect(Math.abs(clock.now().getTime() - (Date.now() - 6 * 3600_000))).toBeLessThan(1000);
  });
});

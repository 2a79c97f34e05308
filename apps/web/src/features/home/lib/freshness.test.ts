import { describe, expect, it } from 'vitest';
import { freshnessOf, wholeMonthsBetween } from './freshness';

const at = (iso: string) => new Date(iso);

describe(wholeMonthsBetween.name, () => {
  it('should count whole calendar months, as the API does for stale', () => {
    expect(wholeMonthsBetween(at('2026-01-15T10:00:00Z'), at('2026-02-15T09:59:59Z'))).toBe(0);
    expect(wholeMonthsBetween(at('2026-01-15T10:00:00Z'), at('2026-02-15T10:00:00Z'))).toBe(1);
    expect(wholeMonthsBetween(at('2025-01-31T00:00:00Z'), at('2025-12-31T00:00:00Z'))).toBe(11);
    expect(wholeMonthsBetween(at('2024-05-01T00:00:00Z'), at('2026-05-02T00:00:00Z'))).toBe(24);
    expect(wholeMonthsBetween(at('2026-06-01T00:00:00Z'), at('2026-05-01T00:00:00Z'))).toBe(0);
  });
});

describe(freshnessOf.name, () => {
  const now = at('2026-11-30T12:00:00Z');

  it('should ask from the eleventh month on, when stale, and when never confirmed', () => {
    expect(freshnessOf({ confirmedAt: '2026-01-30T11:00:00Z', stale: false }, now)).toEqual({
      months: 10,
      due: false,
    });
    expect(freshnessOf({ confirmedAt: '2025-12-30T11:00:00Z', stale: false }, now)).toEqual({
      months: 11,
      due: true,
    });
    expect(freshnessOf({ confirmedAt: '2026-11-01T00:00:00Z', stale: true }, now).due).toBe(true);
    expect(freshnessOf({ confirmedAt: null, stale: true }, now)).toEqual({ months: null, due: true });
  });
});

import { describe, expect, it } from 'vitest';
import { shortens, suggestedUntil, vettedUntilOf, vettedUntilProblem, vettingBounds } from './vetting';

/** The API's limit: 36 months of 30.44 days (libs/identity membership.service.ts). */
const API_LIMIT_MS = 36 * 30.44 * 24 * 3600 * 1000;

describe(vettingBounds.name, () => {
  it('should suggest 24 calendar months ahead, from tomorrow, and a last day the API accepts', () => {
    for (const at of ['2026-12-01T00:30:00Z', '2026-12-01T23:30:00Z', '2027-02-28T12:00:00Z']) {
      const now = new Date(at);
      const bounds = vettingBounds(now);
      expect(Date.parse(vettedUntilOf(bounds.min))).toBeGreaterThan(now.getTime());
      expect(Date.parse(vettedUntilOf(bounds.max))).toBeLessThanOrEqual(now.getTime() + API_LIMIT_MS);
      // The day after the last one would be past the limit: no day the API takes is withheld.
      expect(Date.parse(vettedUntilOf(bounds.max)) + 24 * 3600 * 1000).toBeGreaterThan(
        now.getTime() + API_LIMIT_MS,
      );
    }
    expect(vettingBounds(new Date('2026-12-01T10:00:00Z')).initial).toBe('2028-12-01');
  });
});

describe(vettedUntilProblem.name, () => {
  const bounds = vettingBounds(new Date('2026-12-01T10:00:00Z'));

  it('should accept the days within the bounds and name the problem otherwise, as the API would', () => {
    expect(vettedUntilProblem(bounds.initial, bounds)).toBeUndefined();
    expect(vettedUntilProblem(bounds.max, bounds)).toBeUndefined();
    expect(vettedUntilProblem('', bounds)).toEqual({ path: 'vettedUntil', code: 'REQUIRED' });
    expect(vettedUntilProblem('2026-12-01', bounds)).toEqual({ path: 'vettedUntil', code: 'OUT_OF_RANGE' });
    expect(vettedUntilProblem('2029-12-01', bounds)).toEqual({ path: 'vettedUntil', code: 'OUT_OF_RANGE' });
    expect(vettedUntilProblem('1 June', bounds)).toEqual({ path: 'vettedUntil', code: 'INVALID_DATE' });
  });
});

describe(suggestedUntil.name, () => {
  const bounds = vettingBounds(new Date('2026-12-01T10:00:00Z'));

  it('should suggest 24 months ahead for an approval, a vetting with no end or one that ends sooner', () => {
    expect(suggestedUntil(bounds)).toBe('2028-12-01');
    expect(suggestedUntil(bounds, null)).toBe('2028-12-01');
    expect(suggestedUntil(bounds, '2026-11-01T12:00:00.000Z')).toBe('2028-12-01');
    expect(suggestedUntil(bounds, '2027-06-01T12:00:00.000Z')).toBe('2028-12-01');
  });

  it('should keep a later current end, within the 36-month maximum', () => {
    expect(suggestedUntil(bounds, '2029-03-15T12:00:00.000Z')).toBe('2029-03-15');
    expect(suggestedUntil(bounds, '2031-01-01T12:00:00.000Z')).toBe(bounds.max);
  });
});

describe(shortens.name, () => {
  it('should hold only for a day before the current end', () => {
    expect(shortens('2029-03-14', '2029-03-15T12:00:00.000Z')).toBe(true);
    expect(shortens('2029-03-15', '2029-03-15T12:00:00.000Z')).toBe(false);
    expect(shortens('2029-04-01', '2029-03-15T12:00:00.000Z')).toBe(false);
    expect(shortens('2027-01-01', null)).toBe(false);
    expect(shortens('', '2029-03-15T12:00:00.000Z')).toBe(false);
  });
});

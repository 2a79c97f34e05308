import { medianOfHistogram, monthKey, waitingBuckets, WaitingRange } from './network-statistics.service';

describe('network statistics arithmetic', () => {
  it('should take the middle day of an odd count and the rounded-down mean of the two middle ones otherwise', () => {
    expect(medianOfHistogram([])).toBeNull();
    expect(medianOfHistogram([{ days: 4, count: 0 }])).toBeNull();
    expect(medianOfHistogram([{ days: 9, count: 1 }])).toBe(9);
    expect(
      medianOfHistogram([
        { days: 100, count: 1 },
        { days: 2, count: 1 },
        { days: 40, count: 1 },
      ]),
    ).toBe(40);
    expect(
      medianOfHistogram([
        { days: 2, count: 1 },
        { days: 10, count: 1 },
        { days: 41, count: 1 },
        { days: 100, count: 1 },
      ]),
    ).toBe(25);
    // Counts weigh: 3, 3, 3, 50 → the 2nd and 3rd of four are both 3.
    expect(
      medianOfHistogram([
        { days: 50, count: 1 },
        { days: 3, count: 3 },
      ]),
    ).toBe(3);
  });

  it('should put each whole day in exactly one range, zero-filled, in order', () => {
    const histogram = [0, 6, 7, 29, 30, 89, 90, 400].map((days) => ({ days, count: 1 }));
    expect(waitingBuckets(histogram)).toEqual([
      { range: WaitingRange.UNDER_WEEK, count: 2 },
      { range: WaitingRange.WEEK_TO_MONTH, count: 2 },
      { range: WaitingRange.MONTH_TO_QUARTER, count: 2 },
      { range: WaitingRange.OVER_QUARTER, count: 2 },
    ]);
    expect(waitingBuckets([]).map((bucket) => bucket.count)).toEqual([0, 0, 0, 0]);
  });

  it('should name a month by its UTC year and month', () => {
    expect(monthKey(new Date('2026-12-31T23:30:00-02:00'))).toBe('2027-01');
  });
});

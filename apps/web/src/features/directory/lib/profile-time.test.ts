import { describe, expect, it } from 'vitest';
import { backTarget } from './profile-back';
import { hoursIn, parseLocalTime, sameWallClock, workingDaysText, workingInstants } from './profile-time';

describe('profile time', () => {
  it('should read the API local time as an instant, their date and their offset', () => {
    const now = parseLocalTime('2026-11-30T09:30+05:00');
    expect(now).toEqual({
      instant: Date.parse('2026-11-30T04:30:00Z'),
      year: 2026,
      month: 11,
      day: 30,
      offset: 300,
    });
    expect(parseLocalTime('yesterday')).toBeUndefined();
  });

  it('should convert today’s working hours to the viewer’s clock, a shift over midnight ending the next day', () => {
    const now = parseLocalTime('2026-11-30T09:30+05:00')!;
    const day = workingInstants(now, '09:00', '18:00')!;
    const reference = { zone: 'Asia/Tashkent', instant: now.instant };
    expect(hoursIn('Asia/Tashkent', 'en-GB', day, reference)).toBe('09:00–18:00');
    expect(hoursIn('Europe/Berlin', 'en-GB', day, reference)).toBe('05:00–14:00');
    const night = workingInstants(now, '22:00', '06:00')!;
    expect(night.to - night.from).toBe(8 * 3600_000);
    expect(hoursIn('Europe/Berlin', 'en-GB', night, reference)).toBe('Mon 18:00–Tue 02:00');
  });

  it('should tell when two zones show the same clock', () => {
    const instant = Date.parse('2026-11-30T04:30:00Z');
    expect(sameWallClock('Asia/Tashkent', 'Asia/Karachi', [instant])).toBe(true);
    expect(sameWallClock('Asia/Tashkent', 'Europe/Moscow', [instant])).toBe(false);
  });

  it('should say working days as ranges and lists in the reader’s language', () => {
    expect(workingDaysText([5, 1, 2, 3, 4], 'en-GB')).toBe('Mon–Fri');
    expect(workingDaysText([1, 3, 6, 7], 'en-GB')).toBe('Mon, Wed, Sat, Sun');
    expect(workingDaysText([1, 2, 3, 4, 5, 6], 'ru')).toBe('пн–сб');
    expect(workingDaysText([6, 7], 'ru')).toBe('сб, вс');
  });
});

describe(backTarget.name, () => {
  it('should go back to the search the viewer came from, and nowhere else', () => {
    expect(backTarget(null, '/directory?q=%D0%B0%D0%B9&country=KZ')).toBe(
      '/directory?q=%D0%B0%D0%B9&country=KZ',
    );
    expect(backTarget({ from: '/directory?country=UZ' }, null)).toBe('/directory?country=UZ');
    expect(backTarget(null, 'https://evil.example/directory')).toBe('/directory');
    expect(backTarget(null, '//evil.example')).toBe('/directory');
    expect(backTarget(null, '/sessions')).toBe('/directory');
    expect(backTarget(undefined, null)).toBe('/directory');
  });
});

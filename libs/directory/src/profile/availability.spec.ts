import { isAvailable, isStale, localMoment, type Schedule } from './availability';

const office: Schedule = {
  timeZone: 'Asia/Tashkent',
  workingDays: [1, 2, 3, 4, 5],
  workingHoursStart: '09:00',
  workingHoursEnd: '18:00',
  available24x7: false,
};

describe(localMoment.name, () => {
  it('should give the wall clock and offset in the practitioner’s zone', () => {
    expect(localMoment('Asia/Tashkent', new Date('2026-11-30T04:30:00Z'))).toEqual({
      weekday: 1,
      minutes: 9 * 60 + 30,
      wallClock: '2026-11-30T09:30',
      offset: '+05:00',
    });
    expect(localMoment('Asia/Tehran', new Date('2026-11-30T04:30:00Z')).offset).toBe('+03:30');
    expect(localMoment('UTC', new Date('2026-11-30T04:30:00Z')).offset).toBe('+00:00');
  });

  it('should follow daylight saving time', () => {
    expect(localMoment('Europe/Rome', new Date('2026-07-01T12:00:00Z')).wallClock).toBe('2026-07-01T14:00');
    expect(localMoment('Europe/Rome', new Date('2026-12-01T12:00:00Z')).wallClock).toBe('2026-12-01T13:00');
  });
});

describe(isAvailable.name, () => {
  it('should be available inside working hours on a working day, in their zone', () => {
    expect(isAvailable(office, new Date('2026-11-30T04:30:00Z'))).toBe(true); // Mon 09:30 Tashkent
    expect(isAvailable(office, new Date('2026-11-30T03:30:00Z'))).toBe(false); // Mon 08:30
    expect(isAvailable(office, new Date('2026-11-30T13:00:00Z'))).toBe(false); // Mon 18:00, end excluded
    expect(isAvailable(office, new Date('2026-11-29T06:00:00Z'))).toBe(false); // Sunday
  });

  it('should honour a Saturday-to-Wednesday week', () => {
    const tehran = { ...office, timeZone: 'Asia/Tehran', workingDays: [6, 7, 1, 2, 3] };
    expect(isAvailable(tehran, new Date('2026-11-28T07:00:00Z'))).toBe(true); // Sat 10:30
    expect(isAvailable(tehran, new Date('2026-12-03T07:00:00Z'))).toBe(false); // Thu
  });

  it('should handle a shift over midnight', () => {
    const night = { ...office, workingHoursStart: '22:00', workingHoursEnd: '06:00', workingDays: [5] };
    expect(isAvailable(night, new Date('2026-12-04T18:00:00Z'))).toBe(true); // Fri 23:00
    expect(isAvailable(night, new Date('2026-12-04T23:00:00Z'))).toBe(true); // Sat 04:00, Friday's shift
    expect(isAvailable(night, new Date('2026-12-05T18:00:00Z'))).toBe(false); // Sat 23:00
  });

  it('should always be available when 24/7', () => {
    expect(isAvailable({ ...office, available24x7: true }, new Date('2026-11-29T23:00:00Z'))).toBe(true);
  });
});

describe(isStale.name, () => {
  const now = new Date('2026-11-29T12:00:00Z');
  it('should mark profiles unconfirmed for more than 12 months', () => {
    expect(isStale(new Date('2025-12-01T00:00:00Z'), now)).toBe(false);
    expect(isStale(new Date('2025-11-28T00:00:00Z'), now)).toBe(true);
    expect(isStale(null, now)).toBe(true);
  });
});

describe(`${isAvailable.name} at the edges`, () => {
  it('should open at the start minute and close at the end minute, midnight included', () => {
    const dawn = { ...office, workingHoursStart: '00:00', workingHoursEnd: '08:00' };
    expect(isAvailable(dawn, new Date('2026-11-29T19:00:00Z'))).toBe(true); // Mon 00:00 Tashkent
    expect(isAvailable(dawn, new Date('2026-11-29T18:59:00Z'))).toBe(false); // Sun 23:59
    expect(isAvailable(dawn, new Date('2026-11-30T02:59:59Z'))).toBe(true); // Mon 07:59:59
    expect(isAvailable(dawn, new Date('2026-11-30T03:00:00Z'))).toBe(false); // Mon 08:00
    const evening = { ...office, workingHoursStart: '18:00', workingHoursEnd: '00:00' };
    expect(isAvailable(evening, new Date('2026-11-30T18:59:00Z'))).toBe(true); // Mon 23:59
    expect(isAvailable(evening, new Date('2026-11-30T19:00:00Z'))).toBe(false); // Tue 00:00: the shift is over
    expect(isAvailable(evening, new Date('2026-12-04T13:00:00Z'))).toBe(true); // Fri 18:00
    expect(isAvailable(evening, new Date('2026-12-05T13:00:00Z'))).toBe(false); // Sat 18:00
  });

  it('should take the weekday in their zone, not the server’s', () => {
    const auckland = { ...office, timeZone: 'Pacific/Auckland' }; // +13:00 in November (daylight time)
    const sundayInUtc = new Date('2026-11-29T23:30:00Z');
    expect(localMoment('Pacific/Auckland', sundayInUtc)).toMatchObject({ weekday: 1, offset: '+13:00' });
    expect(isAvailable(auckland, sundayInUtc)).toBe(true); // Mon 12:30 there
    expect(isAvailable(office, sundayInUtc)).toBe(false); // Mon 04:30 in Tashkent
    const hawaii = { ...office, timeZone: 'Pacific/Honolulu' }; // -10:00
    expect(isAvailable(hawaii, new Date('2026-11-30T04:30:00Z'))).toBe(false); // Sun 18:30 there
  });

  it('should treat Sunday as 7 and close a week that ends on Saturday', () => {
    const sundayOnly = { ...office, workingDays: [7] };
    expect(isAvailable(sundayOnly, new Date('2026-11-29T06:00:00Z'))).toBe(true); // Sun 11:00
    expect(isAvailable(sundayOnly, new Date('2026-11-30T06:00:00Z'))).toBe(false); // Mon 11:00
    // A Sunday night shift carries into Monday morning (yesterday of weekday 1 is 7).
    const sundayNight = { ...sundayOnly, workingHoursStart: '22:00', workingHoursEnd: '06:00' };
    expect(isAvailable(sundayNight, new Date('2026-11-29T22:00:00Z'))).toBe(true); // Mon 03:00
    expect(isAvailable(sundayNight, new Date('2026-11-30T22:00:00Z'))).toBe(false); // Tue 03:00
  });

  it('should honour half- and quarter-hour offsets to the minute', () => {
    const kabul = { ...office, timeZone: 'Asia/Kabul' }; // +04:30
    expect(isAvailable(kabul, new Date('2026-11-30T04:29:00Z'))).toBe(false); // Mon 08:59
    expect(isAvailable(kabul, new Date('2026-11-30T04:30:00Z'))).toBe(true); // Mon 09:00
    const tehran = { ...office, timeZone: 'Asia/Tehran' }; // +03:30, no daylight time any more
    expect(isAvailable(tehran, new Date('2026-07-06T14:29:00Z'))).toBe(true); // Mon 17:59
    expect(isAvailable(tehran, new Date('2026-07-06T14:30:00Z'))).toBe(false); // Mon 18:00
    const kathmandu = { ...office, timeZone: 'Asia/Kathmandu' }; // +05:45
    expect(localMoment('Asia/Kathmandu', new Date('2026-11-30T03:15:00Z'))).toMatchObject({
      minutes: 9 * 60,
      offset: '+05:45',
    });
    expect(isAvailable(kathmandu, new Date('2026-11-30T03:14:00Z'))).toBe(false);
    expect(isAvailable(kathmandu, new Date('2026-11-30T03:15:00Z'))).toBe(true);
  });

  it('should follow daylight saving time: the same UTC instant is inside hours in summer, outside in winter', () => {
    const rome = { ...office, timeZone: 'Europe/Rome' };
    expect(isAvailable(rome, new Date('2026-03-23T07:30:00Z'))).toBe(false); // Mon 08:30 CET
    expect(isAvailable(rome, new Date('2026-03-30T07:30:00Z'))).toBe(true); // Mon 09:30 CEST
    expect(isAvailable(rome, new Date('2026-10-26T16:30:00Z'))).toBe(true); // Mon 17:30 CET
    expect(isAvailable(rome, new Date('2026-10-19T16:30:00Z'))).toBe(false); // Mon 18:30 CEST
  });

  it('should apply a night shift by the wall clock across the DST changes', () => {
    const saturdayNight = {
      ...office,
      timeZone: 'Europe/Rome',
      workingDays: [6],
      workingHoursStart: '22:00',
      workingHoursEnd: '02:30',
    };
    // Spring forward, 29 March 2026: 02:00 CET becomes 03:00 CEST, so the shift ends an hour earlier in UTC.
    expect(isAvailable(saturdayNight, new Date('2026-03-29T00:29:00Z'))).toBe(true); // 01:29 CET
    expect(isAvailable(saturdayNight, new Date('2026-03-29T01:00:00Z'))).toBe(false); // 03:00 CEST
    // Fall back, 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:00–02:59 happens twice and the rule follows the
    // wall clock: off at 02:45 CEST, on again at 02:15 CET.
    expect(isAvailable(saturdayNight, new Date('2026-10-24T23:45:00Z'))).toBe(true); // 01:45 CEST
    expect(isAvailable(saturdayNight, new Date('2026-10-25T00:45:00Z'))).toBe(false); // 02:45 CEST
    expect(isAvailable(saturdayNight, new Date('2026-10-25T01:15:00Z'))).toBe(true); // 02:15 CET
    expect(isAvailable(saturdayNight, new Date('2026-10-25T01:30:00Z'))).toBe(false); // 02:30 CET
  });

  it('should never be available with equal start and end or no working days, unless 24/7', () => {
    const closed = { ...office, workingHoursEnd: '09:00' };
    expect(isAvailable(closed, new Date('2026-11-30T04:00:00Z'))).toBe(false);
    const noDays = { ...office, workingDays: [] };
    expect(isAvailable(noDays, new Date('2026-11-30T06:00:00Z'))).toBe(false);
    expect(isAvailable({ ...noDays, available24x7: true }, new Date('2026-11-30T06:00:00Z'))).toBe(true);
  });
});

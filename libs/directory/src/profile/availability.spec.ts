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

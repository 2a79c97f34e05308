/** How long a confirmation stays fresh; after that the profile shows `stale: true`. */
export const STALE_AFTER_MONTHS = 12;

export interface Schedule {
  timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** Local HH:MM; an end before the start means a shift over midnight. */
  workingHoursStart: string;
  workingHoursEnd: string;
  available24x7: boolean;
}

export interface LocalMoment {
  /** ISO weekday 1-7 in the time zone. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
  /** `YYYY-MM-DDTHH:MM` wall-clock time in the time zone. */
  wallClock: string;
  /** UTC offset like `+05:00`. */
  offset: string;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = FORMATTERS.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'longOffset',
    });
    FORMATTERS.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock moment `now` in `timeZone` (Intl, so every IANA zone and its DST rules work). */
export function localMoment(timeZone: string, now: Date): LocalMoment {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
  return {
    weekday: WEEKDAYS[parts.weekday],
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    wallClock: `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`,
    offset,
  };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when `now` falls in the practitioner's working hours (their time zone), or always when 24/7. */
export function isAvailable(schedule: Schedule, now: Date): boolean {
  if (schedule.available24x7) {
    return true;
  }
  const { weekday, minutes } = localMoment(schedule.timeZone, now);
  const start = toMinutes(schedule.workingHoursStart);
  const end = toMinutes(schedule.workingHoursEnd);
  if (start === end) {
    return false;
  }
  if (start < end) {
    return schedule.workingDays.includes(weekday) && minutes >= start && minutes < end;
  }
  // Over midnight: the evening belongs to today's shift, the early morning to yesterday's.
  const yesterday = weekday === 1 ? 7 : weekday - 1;
  return (
    (schedule.workingDays.includes(weekday) && minutes >= start) ||
    (schedule.workingDays.includes(yesterday) && minutes < end)
  );
}

/** Not confirmed within the last 12 months (or never). */
export function isStale(confirmedAt: Date | null, now: Date): boolean {
  if (!confirmedAt) {
    return true;
  }
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - STALE_AFTER_MONTHS);
  return confirmedAt < limit;
}

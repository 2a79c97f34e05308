/** A counterpart's wall clock as the API gives it (`localTime`, e.g. `2026-11-30T09:30+05:00`), in the UI language. */
export interface WallClock {
  /** The weekday there, e.g. "Monday" / «понедельник». */
  day: string;
  /** The time there on a 24-hour clock, e.g. "09:30". */
  time: string;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/**
 * Their weekday and time, read from the string itself (their wall clock), not converted to the viewer's zone: the
 * date and time are formatted as a UTC instant with those fields. Undefined for a string of another shape.
 */
export function wallClock(localTime: string, locale: string): WallClock | undefined {
  const match = WALL_CLOCK.exec(localTime);
  if (!match) {
    return undefined;
  }
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const instant = Date.UTC(year, month - 1, day, hour, minute);
  const language = locale === 'en' ? 'en-GB' : locale;
  return {
    day: new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(instant),
    time: new Intl.DateTimeFormat(language, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    }).format(instant),
  };
}

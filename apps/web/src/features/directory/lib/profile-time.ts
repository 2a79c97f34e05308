/**
 * A counterpart's clock and working hours as the viewer reads them: their wall-clock time (the API's `localTime`,
 * which follows the server's clock, a test clock included) shown in their zone and in the viewer's, and their working
 * hours of today converted to the viewer's zone.
 */

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const HH_MM = /^(\d{2}):(\d{2})$/;
const MINUTE = 60_000;

/** The viewer's own IANA zone, as the browser tells it ("UTC" when it has none to tell). */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

interface TheirNow {
  /** The instant the API answered for. */
  instant: number;
  /** Their calendar date then, at their offset. */
  year: number;
  month: number;
  day: number;
  /** Their UTC offset then, in minutes. */
  offset: number;
}

/** `2026-11-30T09:30+05:00` → the instant, their date and their offset; undefined for anything else. */
export function parseLocalTime(localTime: string): TheirNow | undefined {
  const match = LOCAL_TIME.exec(localTime);
  if (!match) {
    return undefined;
  }
  const [, year, month, day, , , zone] = match;
  const sign = zone.startsWith('-') ? -1 : 1;
  const offset = zone === 'Z' ? 0 : sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return {
    instant: Date.parse(localTime),
    year: Number(year),
    month: Number(month),
    day: Number(day),
    offset,
  };
}

const minutesOf = (hhmm: string) => {
  const match = HH_MM.exec(hhmm);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
};

/**
 * Today's working hours as instants: from `start` to `end` on their date at their offset now; an end not after the
 * start is a shift over midnight, ending the next day.
 */
export function workingInstants(
  now: TheirNow,
  start: string,
  end: string,
): { from: number; to: number } | undefined {
  const from = minutesOf(start);
  const to = minutesOf(end);
  if (from === undefined || to === undefined) {
    return undefined;
  }
  const midnight = Date.UTC(now.year, now.month - 1, now.day) - now.offset * MINUTE;
  return { from: midnight + from * MINUTE, to: midnight + (to <= from ? to + 24 * 60 : to) * MINUTE };
}

/** The zone's name in `locale` ("Uzbekistan Standard Time (GMT+5)"), or its id when the browser has no name for it. */
export function zoneLabel(zone: string, instant: number, locale: string): string {
  const part = (style: 'longGeneric' | 'shortOffset') => {
    try {
      return (
        new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
          .formatToParts(instant)
          .find((item) => item.type === 'timeZoneName')?.value ?? ''
      );
    } catch {
      return '';
    }
  };
  const generic = part('longGeneric');
  const offset = part('shortOffset');
  const name = generic && !/^(GMT|UTC)/.test(generic) ? generic : zone.replace(/_/g, ' ');
  return offset && offset !== generic ? `${name} (${offset})` : name;
}

/** Whether two zones show the same wall-clock time at these instants. */
export function sameWallClock(a: string, b: string, instants: number[]): boolean {
  const wall = (zone: string) =>
    new Intl.DateTimeFormat('en', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
  try {
    return instants.every((instant) => wall(a).format(instant) === wall(b).format(instant));
  } catch {
    return false;
  }
}

const dateKey = (zone: string, instant: number) =>
  new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' }).format(
    instant,
  );

/**
 * `from`–`to` on the clock of `zone`, in `locale`: "09:00–18:00"; a time on another day than `dayOf` has in
 * `reference` gets its weekday ("Sun 23:00 – Mon 08:00"), so a shift across the viewer's midnight reads right.
 */
export function hoursIn(
  zone: string,
  locale: string,
  { from, to }: { from: number; to: number },
  reference: { zone: string; instant: number },
): string {
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const withDay = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const theirDay = dateKey(reference.zone, reference.instant);
  const shifted = dateKey(zone, from) !== theirDay || dateKey(zone, to) !== dateKey(zone, from);
  const format = (instant: number) => (shifted ? withDay : time).format(instant);
  return `${format(from)}\u2013${format(to)}`;
}

/**
 * ISO weekdays (1 = Monday) as the reader says them: runs of three or more days as a range ("Mon–Fri"), the rest
 * listed ("Mon, Wed, Sat"; «сб, вс»), in `locale`.
 */
export function workingDaysText(days: readonly number[], locale: string): string {
  // One formatter for every day of the list (each result card asks, at every render); 1 January 2024 was a Monday.
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const name = (day: number) => weekday.format(Date.UTC(2024, 0, day));
  const sorted = [...new Set(days)].filter((day) => day >= 1 && day <= 7).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let index = 0; index < sorted.length;) {
    let last = index;
    while (last + 1 < sorted.length && sorted[last + 1] === sorted[last] + 1) {
      last += 1;
    }
    if (last - index >= 2) {
      parts.push(`${name(sorted[index])}\u2013${name(sorted[last])}`);
    } else {
      for (let day = index; day <= last; day += 1) {
        parts.push(name(sorted[day]));
      }
    }
    index = last + 1;
  }
  // Commas in every language (Intl's unit lists join Russian with bare spaces: «сб вс»).
  return parts.join(', ');
}

export interface TimeZoneOption {
  value: string;
  label: string;
}

/** The device's IANA time zone ("UTC" when it has none to tell). */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The zone's name of `style` in `locale` ("GMT+5", "Узбекистан, стандартное время"), or '' if it has none. */
function zoneName(zone: string, now: Date, locale: string, style: 'shortOffset' | 'longGeneric'): string {
  try {
    return (
      new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
        .formatToParts(now)
        .find((part) => part.type === 'timeZoneName')?.value ?? ''
    );
  } catch {
    return '';
  }
}

const cache = new Map<string, TimeZoneOption[]>();

/**
 * Every IANA zone the browser knows, sorted by its id (a native select's type-ahead finds "Asia/T…"), each with its
 * name in the reader's language and its offset: "Asia/Tashkent — Узбекистан, стандартное время (GMT+5)". UTC and the
 * device's own zone are added if the list lacks them. Built once per language: ~800 formatters.
 */
export function timeZoneOptions(locale: string): TimeZoneOption[] {
  let options = cache.get(locale);
  if (!options) {
    const zones = new Set(Intl.supportedValuesOf('timeZone'));
    zones.add('UTC');
    zones.add(deviceTimeZone());
    const now = new Date();
    options = [...zones].sort().map((zone) => {
      const id = zone.replace(/_/g, ' ');
      if (zone === 'UTC') {
        return { value: zone, label: id };
      }
      const offset = zoneName(zone, now, locale, 'shortOffset');
      const generic = zoneName(zone, now, locale, 'longGeneric');
      // A zone without a name of its own is named by its offset alone ("GMT+03:00"): said once, not twice.
      const name = generic && !/^(GMT|UTC)/.test(generic) ? ` — ${generic}` : '';
      return { value: zone, label: `${id}${name}${offset ? ` (${offset})` : ''}` };
    });
    cache.set(locale, options);
  }
  return options;
}

export interface TimeZoneOption {
  value: string;
  label: string;
}

let cached: TimeZoneOption[] | undefined;

/** The device's IANA time zone ("UTC" when it has none to tell). */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function offsetOf(zone: string, now: Date): string {
  try {
    return (
      new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
        .formatToParts(now)
        .find((part) => part.type === 'timeZoneName')?.value ?? ''
    );
  } catch {
    return '';
  }
}

/**
 * Every IANA zone the browser knows, as "Asia/Tashkent (GMT+5)" sorted by name (a native select's type-ahead finds
 * "Asia/T…"), plus UTC and the device's own zone if the list lacks them. Built once: ~400 formatters.
 */
export function timeZoneOptions(): TimeZoneOption[] {
  if (!cached) {
    const zones = new Set(Intl.supportedValuesOf('timeZone'));
    zones.add('UTC');
    zones.add(deviceTimeZone());
    const now = new Date();
    cached = [...zones].sort().map((zone) => {
      const offset = offsetOf(zone, now);
      const name = zone.replace(/_/g, ' ');
      return { value: zone, label: offset && zone !== 'UTC' ? `${name} (${offset})` : name };
    });
  }
  return cached;
}

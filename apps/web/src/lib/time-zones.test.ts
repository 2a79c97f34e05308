import { describe, expect, it } from 'vitest';
import { deviceTimeZone, timeZoneOptions } from './time-zones';

describe('time zone options', () => {
  it('should name each zone in the reader’s language, with its offset, sorted by id', () => {
    const label = (locale: string, zone: string) =>
      timeZoneOptions(locale).find((option) => option.value === zone)?.label;
    expect(label('ru', 'Asia/Tashkent')).toBe('Asia/Tashkent — Узбекистан, стандартное время (GMT+5)');
    expect(label('en', 'Asia/Tashkent')).toBe('Asia/Tashkent — Uzbekistan Standard Time (GMT+5)');
    expect(label('ru', 'Asia/Tehran')).toMatch(/^Asia\/Tehran — Иран.* \(GMT\+3:30\)$/);
    expect(label('en', 'UTC')).toBe('UTC');
    const values = timeZoneOptions('en').map((option) => option.value);
    expect(values).toEqual([...values].sort());
    expect(values).toContain(deviceTimeZone());
    expect(timeZoneOptions('en').every((option) => !/GMT.*GMT/.test(option.label))).toBe(true);
  });
});

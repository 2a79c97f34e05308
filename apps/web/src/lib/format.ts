import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates, times and country names in the viewer's language and time zone (Intl; no server strings). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    return {
      date: (iso: string) => date.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      country: (code: string) => regions.of(code) ?? code,
    };
  }, [locale]);
}

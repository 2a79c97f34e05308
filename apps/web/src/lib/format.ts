import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates, times and country names in the viewer's language and time zone (Intl; no server strings). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    // English as written in Europe and Asia: day before month, 24-hour clock ("1 December 2028", "1 Dec 2026, 17:25").
    const dates = locale === 'en' ? 'en-GB' : locale;
    const date = new Intl.DateTimeFormat(dates, { dateStyle: 'long' });
    const dateTime = new Intl.DateTimeFormat(dates, { dateStyle: 'medium', timeStyle: 'short' });
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    return {
      date: (iso: string) => date.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      country: (code: string) => regions.of(code) ?? code,
    };
  }, [locale]);
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { isLocale } from '@web/i18n';
import { useFormat } from '@web/lib/format';
import { DeskCountriesQuery } from '../api/desk';

/**
 * The countries a desk form offers: a coordinator's own (named in the UI language, sorted by name), or for an admin
 * (`scope` null) every country the server lists.
 */
export function useCountryChoices(scope: string[] | null): { code: string; name: string }[] {
  const { i18n } = useTranslation();
  const format = useFormat();
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  const [countries] = useQuery({ query: DeskCountriesQuery, variables: { locale }, pause: scope !== null });
  return useMemo(
    () =>
      scope
        ? scope
            .map((code) => ({ code, name: format.country(code) }))
            .sort((a, b) => a.name.localeCompare(b.name, locale))
        : (countries.data?.countries ?? []),
    [scope, countries.data, format, locale],
  );
}

import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { useFormat } from '@web/lib/format';
import { HomeNetworkQuery } from '../api/network';
import { directoryOf } from '../lib/network';
import { countRanges } from '../map/world-map';
import { MapLegend } from './map-legend';

/** The map and its paths arrive in their own chunk after the page: the counts and the table do not wait for them. */
const NetworkMap = lazy(async () => ({ default: (await import('./network-map')).NetworkMap }));

/**
 * Where the network's vetted members are: a map shaded by count (each country a link to the directory searching it),
 * its legend, and the same counts as a table, the path for screen readers and the keyboard alike.
 */
export function NetworkSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ data, error, fetching }] = useQuery({ query: HomeNetworkQuery });
  const rows = (data?.practitioners.facets.countries ?? [])
    .filter((facet) => facet.count > 0)
    .map((facet) => ({ code: facet.code, count: facet.count, name: format.country(facet.code) }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const ranges = countRanges(rows.map((row) => row.count));
  const failure = resultError(error);
  return (
    <section aria-labelledby="network-title" className="flex flex-col gap-3">
      <h2 id="network-title" className="text-xl font-semibold text-slate-900">
        {t('home.network.title')}
      </h2>
      {failure ? (
        <Alert tone="error">{errorText(t, failure)}</Alert>
      ) : fetching && !data ? (
        <p>{t('status.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="text-slate-700">{t('home.network.empty')}</p>
      ) : (
        <>
          <p className="text-slate-700">
            {t('home.network.summary', {
              members: t('home.network.members', { count: data?.practitioners.totalCount ?? 0 }),
              countries: t('home.network.countries', { count: rows.length }),
            })}
          </p>
          <div className="rounded-md border border-slate-200 bg-white p-2">
            <Suspense
              fallback={
                <p className="flex aspect-[2/1] items-center justify-center text-slate-600">
                  {t('home.network.mapLoading')}
                </p>
              }
            >
              <NetworkMap rows={rows} ranges={ranges} />
            </Suspense>
            <MapLegend ranges={ranges} />
          </div>
          <table className="w-full border-collapse rounded-md bg-white text-left">
            <caption className="pb-1 text-left">
              <span className="block font-semibold text-slate-900">{t('home.network.tableCaption')}</span>
              <span className="block text-sm text-slate-600">{t('home.network.tableHint')}</span>
            </caption>
            <thead>
              <tr className="border-b border-slate-300 text-sm text-slate-600">
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('home.network.countryColumn')}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t('home.network.membersColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.code} className="border-b border-slate-200 last:border-b-0">
                  <th scope="row" className="px-3 py-1 font-normal">
                    <Link
                      to={directoryOf(row.code)}
                      className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2"
                    >
                      {row.name}
                    </Link>
                  </th>
                  <td className="px-3 py-1 text-right tabular-nums">{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

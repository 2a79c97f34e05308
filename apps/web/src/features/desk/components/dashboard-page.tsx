import '../i18n/register';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';
import { isLocale } from '@web/i18n';
import { resultError } from '@web/lib/api-error';
import { useFormat } from '@web/lib/format';
import {
  DeskDashboardDocument,
  type DeskDashboardQuery,
  type MemberStatus,
  type WaitingRange,
} from '@web/lib/graphql/graphql';
import { BarChart, type BarRow } from './chart-bars';
import { ColumnChart } from './chart-columns';
import { Legend, SINGLE_FILL, STATUS_FILLS, useSvgId } from './chart-fills';
import { ChartPanel } from './chart-panel';
import { ChartTable } from './chart-table';
import { CsvDownloadButton } from './csv-download-button';
import { DeskFailure } from './desk-failure';

type Statistics = DeskDashboardQuery['networkStatistics'];

/** The statuses in the order the bars stack them and the table lists them: the network, then its edges. */
const STATUS_ORDER: readonly MemberStatus[] = ['VETTED', 'PENDING', 'SUSPENDED', 'REVOKED', 'REJECTED'];
const BUCKET_ORDER: readonly WaitingRange[] = [
  'UNDER_WEEK',
  'WEEK_TO_MONTH',
  'MONTH_TO_QUARTER',
  'OVER_QUARTER',
];

/** Numbers, months and countries in the UI language. */
function useDashboardFormat(countryNames: ReadonlyMap<string, string>) {
  const { i18n } = useTranslation();
  const format = useFormat();
  const locale = i18n.language;
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(locale);
    // "YYYY-MM" is a UTC month: formatted in UTC, so no time zone moves it into the month before.
    const dates = locale === 'en' ? 'en-GB' : locale;
    const short = new Intl.DateTimeFormat(dates, { month: 'short', timeZone: 'UTC' });
    const long = new Intl.DateTimeFormat(dates, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const year = new Intl.DateTimeFormat(dates, { year: 'numeric', timeZone: 'UTC' });
    const monthDate = (month: string) => {
      const [y, m] = month.split('-').map(Number);
      return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1));
    };
    return {
      number: (value: number) => numbers.format(value),
      monthShort: (month: string) => short.format(monthDate(month)),
      monthLong: (month: string) => long.format(monthDate(month)),
      year: (month: string) => year.format(monthDate(month)),
      country: (code: string) => countryNames.get(code) ?? format.country(code),
      dateTime: format.dateTime,
    };
  }, [locale, countryNames, format]);
}

type DashboardFormat = ReturnType<typeof useDashboardFormat>;

/** A sentence's first letter in capitals (a month name that starts one: "декабрь 2026 г.: 3"). */
const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * The desk's dashboard: the coordinator's countries (an administrator's: all) in four charts — members by country and
 * status, vettings expiring in each of the next 12 months, stale profiles, applicants waiting — each with a sentence
 * that says what it shows, the same numbers as a table (ChartPanel) and a CSV of the members behind it. The numbers
 * are as of the time the server gives; Refresh asks again.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation('desk');
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  const [{ data, error, fetching }, refetch] = useQuery({
    query: DeskDashboardDocument,
    variables: { locale },
    requestPolicy: 'cache-and-network',
  });
  const countryNames = useMemo(
    () => new Map((data?.countries ?? []).map((country) => [country.code, country.name])),
    [data],
  );
  const format = useDashboardFormat(countryNames);
  const refresh = () => {
    if (!fetching) {
      refetch({ requestPolicy: 'network-only' });
    }
  };

  if (!data) {
    return (
      <Page title={t('dashboard.title')} intro={t('dashboard.intro')}>
        {error ? (
          <DeskFailure error={resultError(error)} title={t('failed')} onRetry={refresh} />
        ) : (
          <p role="status">{t('dashboard.loading')}</p>
        )}
      </Page>
    );
  }
  const statistics = data.networkStatistics;
  const scope = [...statistics.countries].map(format.country).sort((a, b) => a.localeCompare(b, locale));
  return (
    <Page title={t('dashboard.title')} intro={t('dashboard.intro')}>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <div className="flex flex-col text-sm text-slate-700">
          <p role="status">
            {fetching
              ? t('dashboard.refreshing')
              : t('dashboard.asOf', { time: format.dateTime(statistics.generatedAt) })}
          </p>
          {scope.length > 0 ? (
            <p>{t('dashboard.scope', { count: scope.length, list: scope.join(', ') })}</p>
          ) : null}
        </div>
        <Button type="button" variant="secondary" aria-disabled={fetching || undefined} onClick={refresh}>
          {t('dashboard.refresh')}
        </Button>
      </div>
      {error ? <DeskFailure error={resultError(error)} title={t('failed')} onRetry={refresh} /> : null}
      <MembersPanel statistics={statistics} format={format} />
      <ExpiringPanel statistics={statistics} format={format} />
      <StalePanel statistics={statistics} format={format} />
      <ApplicantsPanel statistics={statistics} format={format} />
    </Page>
  );
}

interface PanelProps {
  statistics: Statistics;
  format: DashboardFormat;
}

/** Countries of the scope first (zeros included: a coordinator sees their country even when empty), then any other. */
function countriesOf(statistics: Statistics, extra: readonly string[], format: DashboardFormat): string[] {
  return [...new Set([...statistics.countries, ...extra])].sort((a, b) =>
    format.country(a).localeCompare(format.country(b)),
  );
}

function MembersPanel({ statistics, format }: PanelProps) {
  const { t } = useTranslation('desk');
  const prefix = useSvgId();
  const rows = statistics.membersByCountry;
  const countries = countriesOf(
    statistics,
    rows.map((row) => row.country),
    format,
  );
  const byCountry = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const values = byCountry.get(row.country) ?? {};
    values[row.status] = (values[row.status] ?? 0) + row.count;
    byCountry.set(row.country, values);
  }
  const statusTotal = (status: MemberStatus) =>
    rows.filter((row) => row.status === status).reduce((sum, row) => sum + row.count, 0);
  const statuses = STATUS_ORDER.filter((status) => statusTotal(status) > 0);
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const withMembers = countries.filter((country) => Object.keys(byCountry.get(country) ?? {}).length > 0);
  const barRows: BarRow[] = countries.map((country) => ({
    key: country,
    label: format.country(country),
    values: byCountry.get(country) ?? {},
  }));
  const series = statuses.map((status) => ({ key: status, style: STATUS_FILLS[status] }));
  const countryTotal = (country: string) =>
    Object.values(byCountry.get(country) ?? {}).reduce((sum, count) => sum + count, 0);
  return (
    <ChartPanel
      id="dashboard-members"
      title={t('dashboard.members.title')}
      empty={total === 0 ? t('dashboard.members.empty') : undefined}
      summary={t('dashboard.members.summary', {
        members: t('dashboard.members.members', { count: total, n: format.number(total) }),
        countries: t('dashboard.countries', {
          count: withMembers.length,
          n: format.number(withMembers.length),
        }),
        vetted: format.number(statusTotal('VETTED')),
        pending: format.number(statusTotal('PENDING')),
      })}
      chart={(width) => (
        <div className="flex flex-col gap-2">
          <BarChart prefix={prefix} rows={barRows} series={series} width={width} format={format.number} />
          <Legend
            title={t('dashboard.members.legend')}
            prefix={prefix}
            items={statuses.map((status) => ({
              key: status,
              label: t(`dashboard.status.${status}`),
              style: STATUS_FILLS[status],
            }))}
          />
        </div>
      )}
      table={(captionId) => (
        <ChartTable
          captionId={captionId}
          caption={t('dashboard.members.caption')}
          columns={[
            t('dashboard.country'),
            ...statuses.map((status) => t(`dashboard.status.${status}`)),
            t('dashboard.total'),
          ]}
          rows={countries.map((country) => ({
            key: country,
            header: format.country(country),
            cells: [
              ...statuses.map((status) => format.number(byCountry.get(country)?.[status] ?? 0)),
              format.number(countryTotal(country)),
            ],
          }))}
          totals={{
            key: 'total',
            header: t('dashboard.total'),
            cells: [...statuses.map((status) => format.number(statusTotal(status))), format.number(total)],
          }}
        />
      )}
      footer={<CsvDownloadButton path="/exports/members.csv" label={t('dashboard.members.download')} />}
    />
  );
}

/** The first instant after the last month shown ("2027-11" → 2027-12-01T00:00Z): the CSV's `vettingExpiresBefore`. */
function endOfMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, number ?? 1, 1)).toISOString();
}

function ExpiringPanel({ statistics, format }: PanelProps) {
  const { t } = useTranslation('desk');
  const months = statistics.vettingsExpiring;
  const total = months.reduce((sum, month) => sum + month.count, 0);
  const first = months[0];
  const last = months.at(-1);
  const peak = months.reduce<(typeof months)[number] | undefined>(
    (best, month) => (!best || month.count > best.count ? month : best),
    undefined,
  );
  return (
    <ChartPanel
      id="dashboard-expiring"
      title={t('dashboard.expiring.title')}
      empty={total === 0 || !first || !peak ? t('dashboard.expiring.empty') : undefined}
      summary={
        first && peak
          ? t('dashboard.expiring.summary', {
              expiring: t('dashboard.expiring.expiring', { count: total, n: format.number(total) }),
              firstMonth: capitalized(format.monthLong(first.month)),
              first: format.number(first.count),
              peak: format.number(peak.count),
              peakMonth: format.monthLong(peak.month),
            })
          : null
      }
      chart={(width) => (
        <ColumnChart
          width={width}
          format={format.number}
          columns={months.map((month) => ({
            key: month.month,
            label: format.monthShort(month.month),
            sublabel: format.year(month.month),
            value: month.count,
          }))}
        />
      )}
      table={(captionId) => (
        <ChartTable
          captionId={captionId}
          caption={t('dashboard.expiring.caption')}
          columns={[t('dashboard.expiring.month'), t('dashboard.expiring.count')]}
          rows={months.map((month) => ({
            key: month.month,
            header: capitalized(format.monthLong(month.month)),
            cells: [format.number(month.count)],
          }))}
          totals={{ key: 'total', header: t('dashboard.total'), cells: [format.number(total)] }}
        />
      )}
      footer={
        last ? (
          <CsvDownloadButton
            path="/exports/members.csv"
            params={{ status: 'VETTED', vettingExpiresBefore: endOfMonth(last.month) }}
            label={t('dashboard.expiring.download')}
          />
        ) : null
      }
    />
  );
}

function StalePanel({ statistics, format }: PanelProps) {
  const { t } = useTranslation('desk');
  const prefix = useSvgId();
  const rows = statistics.staleProfiles;
  const counts = new Map(rows.map((row) => [row.country, row.count]));
  const countries = countriesOf(
    statistics,
    rows.map((row) => row.country),
    format,
  );
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const withStale = rows.filter((row) => row.count > 0).length;
  return (
    <ChartPanel
      id="dashboard-stale"
      title={t('dashboard.stale.title')}
      hint={t('dashboard.stale.hint')}
      empty={total === 0 ? t('dashboard.stale.empty') : undefined}
      summary={t('dashboard.stale.summary', {
        profiles: t('dashboard.stale.profiles', { count: total, n: format.number(total) }),
        countries: t('dashboard.countries', { count: withStale, n: format.number(withStale) }),
      })}
      chart={(width) => (
        <BarChart
          prefix={prefix}
          width={width}
          format={format.number}
          series={[{ key: 'stale', style: SINGLE_FILL }]}
          rows={countries.map((country) => ({
            key: country,
            label: format.country(country),
            values: { stale: counts.get(country) ?? 0 },
          }))}
        />
      )}
      table={(captionId) => (
        <ChartTable
          captionId={captionId}
          caption={t('dashboard.stale.caption')}
          columns={[t('dashboard.country'), t('dashboard.stale.count')]}
          rows={countries.map((country) => ({
            key: country,
            header: format.country(country),
            cells: [format.number(counts.get(country) ?? 0)],
          }))}
          totals={{ key: 'total', header: t('dashboard.total'), cells: [format.number(total)] }}
        />
      )}
      footer={
        <CsvDownloadButton
          path="/exports/members.csv"
          params={{ staleProfile: true }}
          label={t('dashboard.stale.download')}
        />
      }
    />
  );
}

function ApplicantsPanel({ statistics, format }: PanelProps) {
  const { t } = useTranslation('desk');
  const prefix = useSvgId();
  const waiting = statistics.applicantsWaiting;
  const counts = new Map(waiting.buckets.map((bucket) => [bucket.range, bucket.count]));
  const days = (value: number | null | undefined) =>
    t('dashboard.applicants.days', { count: value ?? 0, n: format.number(value ?? 0) });
  const figures = [
    { key: 'waiting', label: t('dashboard.applicants.waiting'), value: format.number(waiting.count) },
    { key: 'median', label: t('dashboard.applicants.median'), value: days(waiting.medianDays) },
    { key: 'oldest', label: t('dashboard.applicants.oldest'), value: days(waiting.oldestDays) },
  ];
  return (
    <ChartPanel
      id="dashboard-applicants"
      title={t('dashboard.applicants.title')}
      empty={waiting.count === 0 ? t('dashboard.applicants.empty') : undefined}
      summary={t('dashboard.applicants.summary', {
        applicants: t('dashboard.applicants.applicants', {
          count: waiting.count,
          n: format.number(waiting.count),
        }),
        median: days(waiting.medianDays),
        oldest: days(waiting.oldestDays),
      })}
      chart={(width) => (
        <div className="flex flex-col gap-3">
          <dl className="grid grid-cols-3 gap-2">
            {figures.map((figure) => (
              <div key={figure.key} className="flex flex-col rounded-md bg-slate-100 p-2">
                <dt className="text-xs text-slate-700">{figure.label}</dt>
                <dd className="text-lg font-semibold text-slate-900 tabular-nums">{figure.value}</dd>
              </div>
            ))}
          </dl>
          <BarChart
            prefix={prefix}
            width={width}
            format={format.number}
            series={[{ key: 'waiting', style: SINGLE_FILL }]}
            rows={BUCKET_ORDER.map((range) => ({
              key: range,
              label: t(`dashboard.applicants.buckets.${range}`),
              values: { waiting: counts.get(range) ?? 0 },
            }))}
          />
        </div>
      )}
      table={(captionId) => (
        <ChartTable
          captionId={captionId}
          caption={t('dashboard.applicants.caption')}
          columns={[t('dashboard.applicants.wait'), t('dashboard.applicants.count')]}
          rows={BUCKET_ORDER.map((range) => ({
            key: range,
            header: t(`dashboard.applicants.buckets.${range}`),
            cells: [format.number(counts.get(range) ?? 0)],
          }))}
          totals={{ key: 'total', header: t('dashboard.total'), cells: [format.number(waiting.count)] }}
        />
      )}
      footer={
        <CsvDownloadButton
          path="/exports/members.csv"
          params={{ status: 'PENDING' }}
          label={t('dashboard.applicants.download')}
        />
      }
    />
  );
}

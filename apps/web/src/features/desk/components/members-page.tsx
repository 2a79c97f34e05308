import '../i18n/register';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Button } from '@web/components/button';
import { Field } from '@web/components/field';
import { Page } from '@web/components/page';
import { SelectField } from '@web/components/select-field';
import { resultError } from '@web/lib/api-error';
import { useFormat } from '@web/lib/format';
import type { DeskMemberFragment } from '@web/lib/graphql/graphql';
import { DeskMembersQuery } from '../api/desk';
import {
  customDaysValid,
  EXPIRY_CHOICES,
  filtersOf,
  MAX_CUSTOM_DAYS,
  MEMBER_STATUSES,
  NO_FILTERS,
  paramsOf,
  toMembersFilter,
  type MembersFilters,
} from '../lib/members-filter';
import { useNow } from '../lib/use-now';
import { nameOf, useProfiles, type ProfileSummary } from '../lib/use-profiles';
import { daysUntil, EXPIRY_WARNING_DAYS } from '../lib/vetting';
import { useCountryChoices } from '../lib/country-choices';
import { scopeOf, useDeskViewer } from '../lib/viewer';
import { CsvDownloadButton } from './csv-download-button';
import { DeskFailure } from './desk-failure';
import { StatusBadge } from './status-badge';

/** Members per page ("Show more" asks for the next). */
export const MEMBERS_PAGE_SIZE = 25;

/**
 * The members of the viewer's countries, oldest first, filtered by status, country, "vetting ends within N days" and
 * stale profiles — the filters live in the URL's query string, so a link or a reload shows the same list — a page at a
 * time. Each member is a card (name, e-mail, country, role, status, vetting end, a mark for a stale profile) linking to
 * their page, where the actions are.
 */
export function MembersPage() {
  const { t } = useTranslation('desk');
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const now = useNow();
  const filterKey = paramsOf(filters).toString();
  const filter = useMemo(
    () => toMembersFilter(filtersOf(new URLSearchParams(filterKey)), now),
    [filterKey, now],
  );

  const change = (next: Partial<MembersFilters>) =>
    setParams(paramsOf({ ...filters, ...next }), { replace: true, preventScrollReset: true });

  return (
    <Page title={t('members.title')} intro={t('members.intro')}>
      <MemberFilters filters={filters} onChange={change} />
      {/* Keyed by the filter: a new filter starts again from its first page. */}
      <MemberPages key={filterKey} filter={filter} search={filterKey} now={now} />
    </Page>
  );
}

/** The filters, each applied as soon as it changes (the custom number of days once it is a valid one). */
function MemberFilters({
  filters,
  onChange,
}: {
  filters: MembersFilters;
  onChange: (next: Partial<MembersFilters>) => void;
}) {
  const { t } = useTranslation('desk');
  const viewer = useDeskViewer();
  const scope = scopeOf(viewer);
  const heading = useId();
  const countryOptions = useCountryChoices(scope);
  const [days, setDays] = useState(filters.days);
  const daysValid = customDaysValid({ ...filters, days });

  return (
    <section
      aria-labelledby={heading}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={heading} className="text-lg font-semibold text-slate-900">
        {t('members.filters')}
      </h2>
      <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-3">
        <SelectField
          label={t('members.status')}
          name="status"
          value={filters.status}
          onChange={(event) => onChange({ status: event.target.value as MembersFilters['status'] })}
        >
          <option value="">{t('members.anyStatus')}</option>
          {MEMBER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('members.country')}
          name="country"
          value={filters.country}
          onChange={(event) => onChange({ country: event.target.value })}
        >
          <option value="">{t(scope ? 'members.anyCountry' : 'members.anyCountryAdmin')}</option>
          {countryOptions.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('members.expires')}
          name="expires"
          value={filters.expires}
          onChange={(event) => onChange({ expires: event.target.value as MembersFilters['expires'] })}
        >
          <option value="">{t('members.anyExpiry')}</option>
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t('members.days', { count: Number(choice) })}
            </option>
          ))}
          <option value="custom">{t('members.custom')}</option>
        </SelectField>
      </div>
      {filters.expires === 'custom' ? (
        <Field
          className="sm:max-w-xs"
          type="number"
          inputMode="numeric"
          name="days"
          min={1}
          max={MAX_CUSTOM_DAYS}
          label={t('members.customDays')}
          hint={t('members.customHint', { max: MAX_CUSTOM_DAYS })}
          value={days}
          error={daysValid ? undefined : t('members.customInvalid', { max: MAX_CUSTOM_DAYS })}
          onChange={(event) => {
            const value = event.target.value.slice(0, 5);
            setDays(value);
            if (customDaysValid({ ...filters, days: value })) {
              onChange({ days: value });
            }
          }}
        />
      ) : null}
      <label className="flex min-h-11 cursor-pointer items-start gap-3 py-2 text-slate-900">
        <input
          type="checkbox"
          name="stale"
          checked={filters.stale}
          onChange={(event) => onChange({ stale: event.target.checked })}
          className="mt-0.5 size-5 shrink-0 accent-brand-700"
        />
        <span>{t('members.stale')}</span>
      </label>
      {paramsOf(filters).toString() ? (
        <div>
          <Button
            type="button"
            variant="link"
            className="min-h-11"
            onClick={() => {
              setDays('');
              onChange(NO_FILTERS);
            }}
          >
            {t('members.clear')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

/**
 * The list, page after page: one query per page (its cursor the previous page's end), each page's profiles asked for
 * with it (names, stale marks). "Show more" asks for the next page; the count comes with the first.
 */
function MemberPages({
  filter,
  search,
  now,
}: {
  filter: ReturnType<typeof toMembersFilter>;
  search: string;
  now: Date;
}) {
  const { t } = useTranslation('desk');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [first, refetch] = useQuery({
    query: DeskMembersQuery,
    variables: { filter, first: MEMBERS_PAGE_SIZE, after: null },
  });
  const last = cursors[cursors.length - 1];
  const [lastPage] = useQuery({
    query: DeskMembersQuery,
    variables: { filter, first: MEMBERS_PAGE_SIZE, after: last },
  });
  const heading = useId();

  if (!first.data) {
    return first.error ? (
      <DeskFailure
        error={resultError(first.error)}
        title={t('failed')}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    ) : (
      <p role="status">{t('members.loading')}</p>
    );
  }
  const total = first.data.members.totalCount;
  const pageInfo = lastPage.data?.members.pageInfo;
  const shownCount = Math.min(total, cursors.length * MEMBERS_PAGE_SIZE);

  return (
    <section aria-labelledby={heading} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={heading} className="text-lg font-semibold text-slate-900">
          {t('members.count', { count: total })}
        </h2>
        <p role="status" className="text-sm text-slate-700">
          {first.fetching
            ? t('members.loading')
            : total > 0
              ? t('members.shown', { shown: shownCount, total })
              : ''}
        </p>
      </div>
      {total === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-800">{t('members.empty')}</p>
      ) : (
        <ul aria-label={t('members.list')} className="flex flex-col gap-3">
          {cursors.map((cursor) => (
            <MembersChunk key={cursor ?? 'first'} filter={filter} after={cursor} search={search} now={now} />
          ))}
        </ul>
      )}
      {total > 0 ? (
        <CsvDownloadButton
          path="/exports/members.csv"
          params={{
            status: filter.status,
            countries: filter.countries,
            vettingExpiresBefore: filter.vettingExpiresBefore,
            staleProfile: filter.staleProfile,
          }}
          label={t('members.download')}
        />
      ) : null}
      {pageInfo?.hasNextPage && pageInfo.endCursor ? (
        <div>
          <Button
            type="button"
            variant="secondary"
            onClick={() => setCursors((current) => [...current, pageInfo.endCursor])}
          >
            {t('members.more')}
          </Button>
        </div>
      ) : lastPage.fetching ? (
        <p role="status">{t('members.loadingMore')}</p>
      ) : null}
    </section>
  );
}

/** One page of the list: its members' cards. */
function MembersChunk({
  filter,
  after,
  search,
  now,
}: {
  filter: ReturnType<typeof toMembersFilter>;
  after: string | null;
  search: string;
  now: Date;
}) {
  const [{ data }] = useQuery({
    query: DeskMembersQuery,
    variables: { filter, first: MEMBERS_PAGE_SIZE, after },
  });
  const members = useMemo(() => data?.members.edges.map((edge) => edge.node) ?? [], [data]);
  const profiles = useProfiles(useMemo(() => members.map((member) => member.id), [members]));
  return members.map((member) => (
    <MemberCard key={member.id} member={member} profile={profiles.get(member.id)} search={search} now={now} />
  ));
}

/** A member in the list: a link to their page, then what a coordinator scans for. */
function MemberCard({
  member,
  profile,
  search,
  now,
}: {
  member: DeskMemberFragment;
  profile: ProfileSummary | undefined;
  search: string;
  now: Date;
}) {
  const { t } = useTranslation('desk');
  const { t: common } = useTranslation();
  const format = useFormat();
  const name = nameOf(member, profile);
  const left = member.vettedUntil ? daysUntil(member.vettedUntil, now) : undefined;
  const soon = left !== undefined && left < EXPIRY_WARNING_DAYS;
  return (
    <li className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 className="min-w-0 break-words font-semibold text-slate-900">
          <Link
            to={`/desk/members/${member.id}`}
            state={{ search }}
            className="text-brand-700 underline underline-offset-2"
          >
            {name}
          </Link>
        </h3>
        <StatusBadge status={member.status} vettedUntil={member.vettedUntil} />
      </div>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)_max-content_minmax(0,1fr)]">
        <dt className="font-medium text-slate-800">{t('members.email')}</dt>
        <dd className="break-all text-slate-700">{member.email}</dd>
        <dt className="font-medium text-slate-800">{t('member.country')}</dt>
        <dd className="text-slate-700">
          {member.country ? format.country(member.country) : t('members.noCountry')}
        </dd>
        <dt className="font-medium text-slate-800">{t('members.role')}</dt>
        <dd className="text-slate-700">{common(`roles.${member.role}`)}</dd>
        <dt className="font-medium text-slate-800">{t('members.vettedUntil')}</dt>
        <dd className={soon ? 'font-semibold text-amber-900' : 'text-slate-700'}>
          {member.vettedUntil
            ? format.date(member.vettedUntil)
            : t(member.vettedAt ? 'members.noExpiry' : 'members.notVetted')}
          {soon && left !== undefined ? (
            <span className="ms-2 inline-block rounded bg-amber-100 px-1.5 text-amber-950">
              {left < 0 ? t('members.ended') : t('members.endsIn', { count: left })}
            </span>
          ) : null}
        </dd>
      </dl>
      {profile?.stale ? (
        <p className="text-sm font-medium text-amber-900">
          <span aria-hidden>⚠ </span>
          {t('members.staleMark')}
        </p>
      ) : null}
    </li>
  );
}

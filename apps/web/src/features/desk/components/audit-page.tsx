import '../i18n/register';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useClient } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Field } from '@web/components/field';
import { Page } from '@web/components/page';
import { SelectField } from '@web/components/select-field';
import { ApiError, resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { useFormat } from '@web/lib/format';
import {
  DeskAuditChainStatusDocument,
  DeskAuditLogDocument,
  DeskAuditNamesDocument,
  type DeskAuditChainStatusQuery,
  type DeskAuditLogQuery,
} from '@web/lib/graphql/graphql';
import type { auditEn } from '../i18n/audit.en';
import { DeskFailure } from './desk-failure';
import { CsvDownloadButton } from './csv-download-button';

type AuditAction = keyof typeof auditEn.actions;
type Entry = DeskAuditLogQuery['auditLog']['edges'][number]['node'];
type ChainStatus = DeskAuditChainStatusQuery['auditChainStatus'];

/** The actions the filter offers (libs/identity AuditAction), in the order the API defines them. */
export const AUDIT_ACTIONS = [
  'ADMIN_CREATED',
  'MEMBER_APPLIED',
  'INVITATION_CREATED',
  'MEMBER_APPROVED',
  'MEMBER_REJECTED',
  'MEMBER_SUSPENDED',
  'MEMBER_REINSTATED',
  'MEMBER_REVOKED',
  'ROLE_CHANGED',
  'ACCOUNT_RESET_ISSUED',
  'ACCOUNT_RESET_COMPLETED',
  'SIGN_IN_FAILURE_BURST',
  'SESSION_REVOKED',
  'TOTP_ENABLED',
  'RECOVERY_CODE_USED',
  'PROFILE_EDITED_BY_COORDINATOR',
  'MEMBERS_EXPORTED',
  'AUDIT_EXPORTED',
  'TOTP_REKEYED',
] as const satisfies readonly AuditAction[];

const isKnownAction = (action: string): action is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(action);

/** Entries per page: their actors and targets (at most 50 ids) fit one practitionersByIds request. */
export const AUDIT_PAGE_SIZE = 25;
const MEMBER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How much of a hash is shown: enough to compare by eye with the CLI's `verify-audit` and the CSV. */
const HASH_SHOWN = 12;

export interface AuditFilter {
  action: string;
  actorId: string;
  targetId: string;
}

/** The filter in the address (`?action=&actor=&target=`), so a member's page can link to the entries about them. */
function useAuditFilter(): [AuditFilter, (filter: AuditFilter) => void] {
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? '';
  const actorId = params.get('actor') ?? '';
  const targetId = params.get('target') ?? '';
  const filter = useMemo(() => ({ action, actorId, targetId }), [action, actorId, targetId]);
  const setFilter = (next: AuditFilter) => {
    const search = new URLSearchParams();
    if (next.action) {
      search.set('action', next.action);
    }
    if (next.actorId) {
      search.set('actor', next.actorId);
    }
    if (next.targetId) {
      search.set('target', next.targetId);
    }
    setParams(search);
  };
  return [filter, setFilter];
}

/** "2 Dec 2026, 11:02:03 (GMT+5)": an instant in the reader's language and time zone, the zone said. */
function useAuditTime() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const dates = locale === 'en' ? 'en-GB' : locale;
    const dateTime = new Intl.DateTimeFormat(dates, { dateStyle: 'medium', timeStyle: 'medium' });
    const zone = new Intl.DateTimeFormat(dates, { timeZoneName: 'shortOffset' });
    return (iso: string) => {
      const date = new Date(iso);
      const offset = zone.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value;
      return offset ? `${dateTime.format(date)} (${offset})` : dateTime.format(date);
    };
  }, [locale]);
}

/**
 * The audit log of the viewer's countries (an administrator's: all): whether the hash chain is intact (verified when
 * the page opens and again on "Verify now"), a filter by action, actor and target (kept in the address), the entries
 * newest first in words, a page at a time, and the filtered log as CSV.
 */
export function AuditPage() {
  const { t } = useTranslation('desk');
  const [filter, setFilter] = useAuditFilter();
  const filterKey = `${filter.action}|${filter.actorId}|${filter.targetId}`;
  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      <ChainStatusSection />
      <FilterForm key={`filter-${filterKey}`} filter={filter} onApply={setFilter} />
      <EntriesSection key={`entries-${filterKey}`} filter={filter} />
    </Page>
  );
}

type Verified = { result: ChainStatus; checkedAt: string };
type Check =
  | { status: 'verifying'; last?: Verified }
  | ({ status: 'done' } & Verified)
  | { status: 'failed'; error: ApiError; last?: Verified };

const lastOf = (check: Check): Verified | undefined =>
  check.status === 'done' ? { result: check.result, checkedAt: check.checkedAt } : check.last;

/**
 * The chain's status: the server recomputes every hash each time it is asked (`auditChainStatus`), so "Verify now"
 * asks again (network-only, never the cache) and says when it was checked. A broken chain is an unmissable alert
 * naming the first entry that fails.
 */
function ChainStatusSection() {
  const { t } = useTranslation('desk');
  const { t: common } = useTranslation();
  const client = useClient();
  const format = useAuditTime();
  const [check, setCheck] = useState<Check>({ status: 'verifying' });

  // Asks the server to recompute the chain; the answer (or the failure) becomes the next state.
  const verify = useCallback(
    async (previous: Verified | undefined): Promise<Check> => {
      const answer = await client
        .query(DeskAuditChainStatusDocument, {}, { requestPolicy: 'network-only' })
        .toPromise();
      const result = answer.data?.auditChainStatus;
      return result
        ? { status: 'done', result, checkedAt: new Date().toISOString() }
        : { status: 'failed', error: resultError(answer.error) ?? new ApiError('UNKNOWN'), last: previous };
    },
    [client],
  );

  useEffect(() => {
    let current = true;
    void verify(undefined).then((next) => current && setCheck(next));
    return () => {
      current = false;
    };
  }, [verify]);

  const verifyAgain = () => {
    if (check.status === 'verifying') {
      return;
    }
    const last = lastOf(check);
    setCheck({ status: 'verifying', last });
    void verify(last).then(setCheck);
  };

  const last = lastOf(check);
  return (
    <section aria-labelledby="audit-chain-title" className="flex flex-col gap-3">
      <h2 id="audit-chain-title" className="text-xl font-semibold text-slate-900">
        {t('audit.chain.title')}
      </h2>
      {last ? <ChainBanner status={last.result} /> : null}
      {check.status === 'failed' ? (
        <Alert tone="error" title={t('audit.chain.failed')}>
          {errorText(common, check.error)}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button
          type="button"
          variant="secondary"
          aria-disabled={check.status === 'verifying' || undefined}
          onClick={verifyAgain}
        >
          {t('audit.chain.verify')}
        </Button>
        <p role="status" className="text-sm text-slate-700">
          {check.status === 'verifying'
            ? t('audit.chain.verifying')
            : last
              ? t('audit.chain.checkedAt', { time: format(last.checkedAt) })
              : null}
        </p>
      </div>
    </section>
  );
}

function ChainBanner({ status }: { status: ChainStatus }) {
  const { t, i18n } = useTranslation('desk');
  const number = new Intl.NumberFormat(i18n.language);
  if (!status.valid) {
    const seq = number.format(status.firstBrokenSeq ?? 0);
    return (
      <div role="alert" className="flex gap-3 rounded-md border-2 border-red-900 bg-red-700 p-4 text-white">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-7 shrink-0 fill-none stroke-white">
          <circle cx="12" cy="12" r="10" strokeWidth="2" />
          <path d="M8 8l8 8M16 8l-8 8" strokeWidth="2.5" strokeLinecap="round" />
        </svg>
        <div className="flex flex-col gap-1">
          <p className="text-lg font-bold">{t('audit.chain.broken', { seq })}</p>
          <p>{t('audit.chain.brokenBody', { seq })}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="flex gap-3 rounded-md border-l-4 border-green-700 bg-green-50 p-4 text-green-950">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-7 shrink-0 fill-none stroke-green-800">
        <circle cx="12" cy="12" r="10" strokeWidth="2" />
        <path d="M7 12.5l3.2 3.2L17 9" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <div className="flex min-w-0 flex-col gap-1">
        <p className="font-semibold">{t('audit.chain.valid')}</p>
        <p className="text-sm">
          {status.length > 0
            ? t('audit.chain.validBody', { count: status.length, n: number.format(status.length) })
            : t('audit.chain.emptyBody')}
        </p>
        {status.headHash ? (
          <p className="text-sm">
            {t('audit.chain.headHash')}:{' '}
            <code lang="zxx" className="font-mono">
              {status.headHash.slice(0, HASH_SHOWN)}
            </code>
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** The filter's fields; applied on submit (a member id must look like one: the API would only find nothing). */
function FilterForm({ filter, onApply }: { filter: AuditFilter; onApply: (filter: AuditFilter) => void }) {
  const { t } = useTranslation('desk');
  const [draft, setDraft] = useState(filter);
  const [errors, setErrors] = useState<{ actorId?: string; targetId?: string }>({});
  const actorRef = useRef<HTMLInputElement>(null);
  const targetRef = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { ...draft, actorId: draft.actorId.trim(), targetId: draft.targetId.trim() };
    const invalid = (id: string) => (id && !MEMBER_ID.test(id) ? t('audit.filter.invalidId') : undefined);
    const found = { actorId: invalid(next.actorId), targetId: invalid(next.targetId) };
    setErrors(found);
    if (found.actorId) {
      actorRef.current?.focus();
    } else if (found.targetId) {
      targetRef.current?.focus();
    } else {
      onApply(next);
    }
  };
  const active = Boolean(filter.action || filter.actorId || filter.targetId);
  return (
    <form
      role="search"
      aria-labelledby="audit-filter-title"
      noValidate
      onSubmit={submit}
      className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-3 sm:p-4"
    >
      <h2 id="audit-filter-title" className="text-lg font-semibold text-slate-900">
        {t('audit.filter.title')}
      </h2>
      <SelectField
        label={t('audit.filter.action')}
        value={draft.action}
        onChange={(event) => setDraft({ ...draft, action: event.target.value })}
      >
        <option value="">{t('audit.filter.anyAction')}</option>
        {AUDIT_ACTIONS.map((action) => (
          <option key={action} value={action}>
            {t(`audit.actions.${action}`)}
          </option>
        ))}
      </SelectField>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          ref={actorRef}
          label={t('audit.filter.actor')}
          hint={t('audit.filter.idHint')}
          error={errors.actorId}
          value={draft.actorId}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setDraft({ ...draft, actorId: event.target.value })}
        />
        <Field
          ref={targetRef}
          label={t('audit.filter.target')}
          hint={t('audit.filter.idHint')}
          error={errors.targetId}
          value={draft.targetId}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setDraft({ ...draft, targetId: event.target.value })}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">{t('audit.filter.apply')}</Button>
        {active ? (
          <Button
            type="button"
            variant="secondary"
            onClick={() => onApply({ action: '', actorId: '', targetId: '' })}
          >
            {t('audit.filter.clear')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

interface Loaded {
  entries: Entry[];
  names: ReadonlyMap<string, string>;
  endCursor: string | null;
  hasNextPage: boolean;
}

type EntriesState =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | ({ status: 'ready'; more: 'idle' | 'loading' | ApiError; firstNew?: number } & Loaded);

/**
 * The entries, a page at a time: each page and the names of the members it mentions (one practitionersByIds request
 * per page, never one per row), appended on "Show more", which then moves the focus to the first new entry.
 */
function EntriesSection({ filter }: { filter: AuditFilter }) {
  const { t } = useTranslation('desk');
  const { t: common } = useTranslation();
  const client = useClient();
  const [state, setState] = useState<EntriesState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const firstNewRef = useRef<HTMLHeadingElement>(null);

  const loadPage = useCallback(
    async (after: string | null, known: ReadonlyMap<string, string>): Promise<Loaded> => {
      const variables = {
        first: AUDIT_PAGE_SIZE,
        after,
        filter: {
          action: filter.action || null,
          actorId: filter.actorId || null,
          targetId: filter.targetId || null,
        },
      };
      const answer = await client
        .query(DeskAuditLogDocument, variables, { requestPolicy: 'network-only' })
        .toPromise();
      if (!answer.data) {
        throw resultError(answer.error) ?? new ApiError('UNKNOWN');
      }
      const entries = answer.data.auditLog.edges.map((edge) => edge.node);
      const ids = [
        ...new Set(entries.flatMap((entry) => [entry.actorId, entry.targetId]).filter(isId)),
      ].filter((id) => !known.has(id));
      const names = new Map(known);
      if (ids.length > 0) {
        // A name that cannot be had (no profile, or the request failed) is shown as the member's short id instead.
        const people = await client.query(DeskAuditNamesDocument, { ids }).toPromise();
        people.data?.practitionersByIds.forEach((person) => names.set(person.id, person.displayName));
      }
      return {
        entries,
        names,
        endCursor: answer.data.auditLog.pageInfo.endCursor ?? null,
        hasNextPage: answer.data.auditLog.pageInfo.hasNextPage,
      };
    },
    [client, filter],
  );

  useEffect(() => {
    let current = true;
    loadPage(null, new Map()).then(
      (loaded) => current && setState({ status: 'ready', more: 'idle', ...loaded }),
      (error: unknown) =>
        current &&
        setState({ status: 'failed', error: error instanceof ApiError ? error : new ApiError('UNKNOWN') }),
    );
    return () => {
      current = false;
    };
  }, [loadPage, attempt]);

  const firstNew = state.status === 'ready' ? state.firstNew : undefined;
  useEffect(() => {
    if (firstNew !== undefined) {
      firstNewRef.current?.focus();
    }
  }, [firstNew]);

  const showMore = async () => {
    if (state.status !== 'ready' || state.more === 'loading' || !state.hasNextPage) {
      return;
    }
    const before = state;
    setState({ ...before, more: 'loading' });
    try {
      const next = await loadPage(before.endCursor, before.names);
      setState({
        status: 'ready',
        more: 'idle',
        entries: [...before.entries, ...next.entries],
        names: next.names,
        endCursor: next.endCursor,
        hasNextPage: next.hasNextPage,
        firstNew: next.entries.length > 0 ? before.entries.length : undefined,
      });
    } catch (error) {
      setState({ ...before, more: error instanceof ApiError ? error : new ApiError('UNKNOWN') });
    }
  };

  const filtered = Boolean(filter.action || filter.actorId || filter.targetId);
  return (
    <section aria-labelledby="audit-entries-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="audit-entries-title" className="text-xl font-semibold text-slate-900">
          {t('audit.entries.label')}
        </h2>
        <CsvDownloadButton path="/exports/audit.csv" params={{ ...filter }} label={t('audit.download')} />
      </div>
      {state.status === 'loading' ? (
        <p role="status">{t('audit.entries.loading')}</p>
      ) : state.status === 'failed' ? (
        <DeskFailure
          error={state.error}
          title={t('audit.entries.failed')}
          onRetry={() => {
            setState({ status: 'loading' });
            setAttempt((count) => count + 1);
          }}
        />
      ) : state.entries.length === 0 ? (
        <p className="text-slate-700">{filtered ? t('audit.entries.empty') : t('audit.entries.emptyAll')}</p>
      ) : (
        <>
          <ol aria-labelledby="audit-entries-title" className="flex flex-col gap-3">
            {state.entries.map((entry, index) => (
              <AuditEntryItem
                key={entry.seq}
                entry={entry}
                names={state.names}
                headingRef={index === state.firstNew ? firstNewRef : undefined}
              />
            ))}
          </ol>
          {state.more instanceof ApiError ? (
            <Alert tone="error" title={t('audit.entries.moreFailed')}>
              {errorText(common, state.more)}
            </Alert>
          ) : null}
          {state.hasNextPage ? (
            <div>
              <Button
                type="button"
                variant="secondary"
                aria-disabled={state.more === 'loading' || undefined}
                onClick={() => void showMore()}
              >
                {t('audit.entries.more')}
              </Button>
            </div>
          ) : (
            <p className="text-sm text-slate-700">{t('audit.entries.end')}</p>
          )}
        </>
      )}
      <p role="status" className="sr-only">
        {state.status === 'ready' && state.more === 'loading' ? t('audit.entries.loadingMore') : null}
      </p>
    </section>
  );
}

const isId = (id: string | null | undefined): id is string => typeof id === 'string' && id.length > 0;

/**
 * A member named in an entry: their profile's name, linking to their page at the desk; without a profile (an
 * administrator made by the CLI), "Member" and the start of their id (marked as no language: it is a code).
 */
function MemberLink({ id, names }: { id: string; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation('desk');
  const name = names.get(id);
  return (
    <Link to={`/desk/members/${id}`} className="text-brand-700 underline underline-offset-2">
      {name ?? (
        <>
          {t('audit.entries.unknownMember')}{' '}
          <code lang="zxx" className="font-mono">
            {id.slice(0, 8)}
          </code>
        </>
      )}
    </Link>
  );
}

/** The recorded details (canonical JSON), indented for reading; nothing when there are none. */
function details(data: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(data);
    if (parsed === null || (typeof parsed === 'object' && Object.keys(parsed).length === 0)) {
      return undefined;
    }
    return JSON.stringify(parsed, null, 2);
  } catch {
    return data || undefined;
  }
}

function AuditEntryItem({
  entry,
  names,
  headingRef,
}: {
  entry: Entry;
  names: ReadonlyMap<string, string>;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const { t, i18n } = useTranslation('desk');
  const time = useAuditTime();
  const format = useFormat();
  const headingId = `audit-entry-${entry.seq}`;
  const recorded = details(entry.data);
  const seq = new Intl.NumberFormat(i18n.language).format(entry.seq);
  const fact = 'flex flex-wrap gap-x-2';
  return (
    <li
      aria-labelledby={headingId}
      className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h3 id={headingId} ref={headingRef} tabIndex={-1} className="font-semibold text-slate-900">
          {isKnownAction(entry.action) ? t(`audit.actions.${entry.action}`) : t('audit.unknownAction')}
        </h3>
        <span className="text-sm text-slate-600">{t('audit.entries.entry', { seq })}</span>
      </div>
      <dl className="flex flex-col gap-1 text-sm text-slate-800">
        <div className={fact}>
          <dt className="font-medium">{t('audit.entries.time')}:</dt>
          <dd>
            <time dateTime={entry.at}>{time(entry.at)}</time>
          </dd>
        </div>
        <div className={fact}>
          <dt className="font-medium">{t('audit.entries.actor')}:</dt>
          <dd>
            {entry.actorId ? <MemberLink id={entry.actorId} names={names} /> : t('audit.entries.system')}
          </dd>
        </div>
        {entry.targetId ? (
          <div className={fact}>
            <dt className="font-medium">{t('audit.entries.target')}:</dt>
            <dd>
              <MemberLink id={entry.targetId} names={names} />
            </dd>
          </div>
        ) : null}
        {entry.country ? (
          <div className={fact}>
            <dt className="font-medium">{t('audit.entries.country')}:</dt>
            <dd>{format.country(entry.country)}</dd>
          </div>
        ) : null}
        {entry.reason ? (
          <div className={fact}>
            <dt className="font-medium">{t('audit.entries.reason')}:</dt>
            <dd className="min-w-0 [overflow-wrap:anywhere]">{entry.reason}</dd>
          </div>
        ) : null}
        <div className={fact}>
          <dt className="font-medium">{t('audit.entries.hash')}:</dt>
          <dd>
            <code lang="zxx" className="font-mono">
              {entry.hash.slice(0, HASH_SHOWN)}
            </code>
          </dd>
        </div>
      </dl>
      {recorded ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-brand-700">{t('audit.entries.data')}</summary>
          <pre className="mt-1 rounded bg-slate-100 p-2 font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere]">
            {recorded}
          </pre>
        </details>
      ) : null}
    </li>
  );
}

import '../i18n/register';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { ConfirmDialog } from '@web/components/confirm-dialog';
import { Page } from '@web/components/page';
import { resultError, type ApiError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { useFormat } from '@web/lib/format';
import type { AccountSessionsQuery } from '@web/lib/graphql/graphql';
import { RevokeSessionMutation, SessionsQuery } from '../api/sessions';
import { deviceName } from '../lib/device-name';

type Session = AccountSessionsQuery['sessions'][number];

/** What the confirmation dialog is asking about. */
type Pending = { kind: 'one'; session: Session } | { kind: 'others' };

const newestFirst = (a: Session, b: Session) => Date.parse(b.createdAt) - Date.parse(a.createdAt);

/**
 * The member's open sessions: this browser first, then the others newest first, each with a way to sign it out, and
 * one to sign out every other session. Both ask first. Signing out of this browser is the sign-out page's job.
 */
export function SessionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ data, error, fetching }, refetch] = useQuery({ query: SessionsQuery });
  const [, revokeSession] = useMutation(RevokeSessionMutation);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string>();
  const [notice, setNotice] = useState('');
  const othersHeading = useRef<HTMLHeadingElement>(null);
  const focusAfterClose = useRef(false);

  if (fetching && !data) {
    return <Page title={t('account.sessions.title')}>{t('status.loading')}</Page>;
  }
  if (!data) {
    return (
      <Page title={t('account.sessions.title')}>
        <Alert tone="error">{errorText(t, resultError(error))}</Alert>
        <div>
          <Button variant="secondary" onClick={() => refetch({ requestPolicy: 'network-only' })}>
            {t('actions.retry')}
          </Button>
        </div>
      </Page>
    );
  }

  const current = data.sessions.find((session) => session.current);
  const others = data.sessions.filter((session) => !session.current).sort(newestFirst);
  const nameOf = (session: Session) => deviceName(t, session.deviceLabel).name;

  /** Ends one session; one already gone (NOT_FOUND) counts as ended. */
  async function revoke(session: Session): Promise<ApiError | undefined> {
    const result = await revokeSession({ id: session.id });
    const failure = resultError(result.error);
    return failure?.code === 'NOT_FOUND' ? undefined : failure;
  }

  async function confirm() {
    if (!pending) {
      return;
    }
    setBusy(true);
    setDialogError(undefined);
    let failure: ApiError | undefined;
    let ended = 0;
    const targets = pending.kind === 'one' ? [pending.session] : others;
    for (const session of targets) {
      failure = await revoke(session);
      if (failure) {
        break;
      }
      ended += 1;
    }
    setBusy(false);
    if (ended > 0) {
      refetch({ requestPolicy: 'network-only' });
    }
    if (failure) {
      setDialogError(errorText(t, failure));
      return;
    }
    setNotice(
      pending.kind === 'one'
        ? t('account.sessions.revoked', { device: nameOf(pending.session) })
        : t('account.sessions.revokedOthers', { count: ended }),
    );
    // The button that opened the dialog is gone with its session: continue from the list's heading.
    focusAfterClose.current = true;
    setPending(null);
  }

  return (
    <Page title={t('account.sessions.title')} intro={t('account.sessions.intro')}>
      <p
        role="status"
        className={notice ? 'rounded-md border-l-4 border-green-700 bg-green-50 p-3' : 'sr-only'}
      >
        {notice}
      </p>
      {current ? (
        <section aria-labelledby="this-browser" className="flex flex-col gap-3">
          <h2 id="this-browser" className="text-lg font-semibold text-slate-900">
            {t('account.sessions.thisBrowser')}
          </h2>
          <SessionCard session={current} format={format}>
            <Button variant="secondary" asChild className="self-start">
              <Link to="/sign-out">{t('account.sessions.signOutHere')}</Link>
            </Button>
          </SessionCard>
        </section>
      ) : null}
      <section aria-labelledby="other-sessions" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2
            id="other-sessions"
            ref={othersHeading}
            tabIndex={-1}
            className="text-lg font-semibold text-slate-900 focus:outline-none"
          >
            {others.length > 0
              ? t('account.sessions.others', { count: others.length })
              : t('account.sessions.listLabel')}
          </h2>
          {others.length > 0 ? (
            <Button
              variant="caution"
              onClick={() => {
                setDialogError(undefined);
                setPending({ kind: 'others' });
              }}
            >
              {t('account.sessions.revokeOthers')}
            </Button>
          ) : null}
        </div>
        {others.length === 0 ? (
          <p className="text-slate-700">{t('account.sessions.noOthers')}</p>
        ) : (
          <ul aria-label={t('account.sessions.listLabel')} className="flex flex-col gap-3">
            {others.map((session) => (
              <li key={session.id}>
                <SessionCard session={session} format={format}>
                  <Button
                    variant="secondary"
                    aria-label={t('account.sessions.revokeNamed', {
                      device: nameOf(session),
                      date: format.dateTime(session.createdAt),
                    })}
                    onClick={() => {
                      setDialogError(undefined);
                      setPending({ kind: 'one', session });
                    }}
                  >
                    {t('account.sessions.revoke')}
                  </Button>
                </SessionCard>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => (open ? undefined : setPending(null))}
        title={
          pending?.kind === 'others'
            ? t('account.sessions.revokeOthersDialog.title')
            : t('account.sessions.revokeDialog.title')
        }
        description={
          pending?.kind === 'one'
            ? t('account.sessions.revokeDialog.body', {
                device: nameOf(pending.session),
                date: format.dateTime(pending.session.createdAt),
              })
            : t('account.sessions.revokeOthersDialog.body', { count: others.length })
        }
        confirmLabel={
          pending?.kind === 'others'
            ? t('account.sessions.revokeOthersDialog.confirm')
            : t('account.sessions.revokeDialog.confirm')
        }
        cancelLabel={t('actions.cancel')}
        busy={busy}
        error={dialogError}
        onConfirm={() => void confirm()}
        onCloseAutoFocus={(event) => {
          if (focusAfterClose.current) {
            focusAfterClose.current = false;
            event.preventDefault();
            othersHeading.current?.focus();
          }
        }}
      />
    </Page>
  );
}

/** One session: the device (shortened, the full text on request), where from, and when. */
function SessionCard({
  session,
  format,
  children,
}: {
  session: Session;
  format: ReturnType<typeof useFormat>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const device = deviceName(t, session.deviceLabel);
  return (
    <article className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4">
      <div className="flex flex-col gap-1">
        <h3 className="break-words font-semibold text-slate-900">{device.name}</h3>
        {device.parsed ? (
          <details className="text-sm text-slate-700">
            <summary className="cursor-pointer text-brand-700 underline underline-offset-2">
              {t('account.device.fullLabel')}
            </summary>
            <p className="mt-1 break-all font-mono text-xs">{session.deviceLabel}</p>
          </details>
        ) : null}
      </div>
      <dl className="grid grid-cols-1 gap-x-3 gap-y-1 text-sm min-[400px]:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-800">{t('account.sessions.createdAt')}</dt>
        <dd className="text-slate-700">{format.dateTime(session.createdAt)}</dd>
        <dt className="font-medium text-slate-800">{t('account.sessions.lastUsedAt')}</dt>
        <dd className="text-slate-700">{format.dateTime(session.lastUsedAt)}</dd>
        <dt className="font-medium text-slate-800">{t('account.sessions.expiresAt')}</dt>
        <dd className="text-slate-700">{format.dateTime(session.expiresAt)}</dd>
        <dt className="font-medium text-slate-800">{t('account.sessions.ip')}</dt>
        <dd className="break-all text-slate-700">{session.ip ?? t('account.sessions.ipUnknown')}</dd>
      </dl>
      {children ? <div>{children}</div> : null}
    </article>
  );
}

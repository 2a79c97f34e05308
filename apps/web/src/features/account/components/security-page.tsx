import '../i18n/register';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { BeginTotpEnrollmentMutation, SecurityQuery } from '../api/two-factor';
import { RecoveryCodes } from './recovery-codes';
import { TotpEnrollment, type Enrollment } from './totp-enrollment';

/** Where the member is in turning two-factor on; the codes step outlasts the refetched `totpEnabled: true`. */
type Flow =
  | { step: 'status' }
  | { step: 'enroll'; enrollment: Enrollment }
  | { step: 'codes'; codes: string[] }
  | { step: 'done' };

/**
 * Two-factor authentication: whether it is on; if not, why it matters (required for staff) and setting it up — the
 * QR code and key, a code to prove it, then the recovery codes, once. If it is on, how to get back in without the phone.
 */
export function SecurityPage() {
  const { t } = useTranslation();
  const [{ data, error, fetching }, refetch] = useQuery({ query: SecurityQuery });
  const [, beginEnrollment] = useMutation(BeginTotpEnrollmentMutation);
  const [flow, setFlow] = useState<Flow>({ step: 'status' });
  const [busy, setBusy] = useState(false);
  const [beginError, setBeginError] = useState<string>();
  const finished = useRef<HTMLDivElement>(null);
  const setUpButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (flow.step === 'done') {
      finished.current?.focus();
    }
  }, [flow.step]);

  if (fetching && !data) {
    return <Page title={t('account.security.title')}>{t('status.loading')}</Page>;
  }
  if (!data) {
    return (
      <Page title={t('account.security.title')}>
        <Alert tone="error">{errorText(t, resultError(error))}</Alert>
        <div>
          <Button variant="secondary" onClick={() => refetch({ requestPolicy: 'network-only' })}>
            {t('actions.retry')}
          </Button>
        </div>
      </Page>
    );
  }

  const me = data.me;
  const staff = me.role !== 'MEMBER';

  async function begin() {
    setBusy(true);
    setBeginError(undefined);
    const result = await beginEnrollment({});
    setBusy(false);
    const failure = resultError(result.error);
    if (result.data && !failure) {
      setFlow({ step: 'enroll', enrollment: result.data.beginTotpEnrollment });
    } else if (failure?.code === 'CONFLICT') {
      // On already (set up in another tab): show it as it is.
      refetch({ requestPolicy: 'network-only' });
    } else {
      setBeginError(errorText(t, failure));
    }
  }

  if (flow.step === 'codes') {
    return (
      <Page title={t('account.security.title')}>
        <RecoveryCodes codes={flow.codes} email={me.email} onDone={() => setFlow({ step: 'done' })} />
      </Page>
    );
  }

  if (me.totpEnabled || flow.step === 'done') {
    return (
      <Page title={t('account.security.title')} intro={t('account.security.intro')}>
        <div ref={finished} tabIndex={-1} className="focus:outline-none">
          <Alert tone="success" title={t('account.security.on')}>
            {flow.step === 'done' ? t('account.security.codes.finished') : null}
          </Alert>
        </div>
        <section aria-labelledby="recovery" className="flex flex-col gap-2">
          <h2 id="recovery" className="text-lg font-semibold text-slate-900">
            {t('account.security.recovery.title')}
          </h2>
          <p className="text-slate-700">{t('account.security.recovery.body')}</p>
          <p className="text-slate-700">{t('account.security.recovery.reset')}</p>
        </section>
      </Page>
    );
  }

  return (
    <Page title={t('account.security.title')} intro={t('account.security.intro')}>
      <Alert tone={staff ? 'warning' : 'info'} title={t('account.security.off')} />
      {staff && flow.step === 'status' ? (
        <section
          aria-labelledby="staff-required"
          className="flex flex-col gap-2 rounded-md border border-amber-300 bg-white p-4"
        >
          <h2 id="staff-required" className="text-lg font-semibold text-slate-900">
            {t('account.security.staff.title')}
          </h2>
          <p className="text-slate-700">{t('account.security.staff.body')}</p>
        </section>
      ) : null}
      {flow.step === 'enroll' ? (
        <TotpEnrollment
          enrollment={flow.enrollment}
          onConfirmed={(codes) => setFlow({ step: 'codes', codes })}
          onCancel={() => {
            setFlow({ step: 'status' });
            setTimeout(() => setUpButton.current?.focus(), 0);
          }}
        />
      ) : (
        <div className="flex flex-col gap-3">
          {beginError ? <Alert tone="error">{beginError}</Alert> : null}
          <div>
            <Button ref={setUpButton} disabled={busy} onClick={() => void begin()}>
              {busy ? t('status.working') : t('account.security.setUp')}
            </Button>
          </div>
        </div>
      )}
    </Page>
  );
}

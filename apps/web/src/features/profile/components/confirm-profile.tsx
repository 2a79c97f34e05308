import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { useFormat } from '@web/lib/format';
import { ConfirmMyProfileMutation } from '../api/profile';

/** When the profile was last confirmed as current, and the button that confirms it now (confirmMyProfile). */
export function ConfirmProfile({ confirmedAt, stale }: { confirmedAt: string | null; stale: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useId();
  const [{ fetching }, confirm] = useMutation(ConfirmMyProfileMutation);
  const [outcome, setOutcome] = useState<{ done: true } | { error: string }>();

  async function run() {
    setOutcome(undefined);
    const result = await confirm({});
    setOutcome(result.data ? { done: true } : { error: errorText(t, resultError(result.error)) });
  }

  return (
    <section
      aria-labelledby={heading}
      className={`flex flex-col gap-3 rounded-lg border p-4 sm:p-6 ${
        stale ? 'border-amber-600 bg-amber-50' : 'border-slate-200 bg-white'
      }`}
    >
      <h2 id={heading} className="text-lg font-semibold text-slate-900">
        {t('profile.confirm.title')}
      </h2>
      <p className="text-slate-800">
        {confirmedAt
          ? t('profile.confirm.lastConfirmed', { date: format.date(confirmedAt) })
          : t('profile.confirm.never')}
        {stale && confirmedAt ? ` ${t('profile.confirm.stale')}` : null}
      </p>
      <Button
        type="button"
        variant={stale ? 'primary' : 'secondary'}
        className="self-start"
        disabled={fetching}
        onClick={() => void run()}
      >
        {fetching ? t('status.working') : t('profile.confirm.action')}
      </Button>
      {outcome && 'done' in outcome ? <Alert tone="success">{t('profile.confirm.done')}</Alert> : null}
      {outcome && 'error' in outcome ? <Alert tone="error">{outcome.error}</Alert> : null}
    </section>
  );
}

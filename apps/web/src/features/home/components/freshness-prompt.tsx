import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { HomeConfirmProfileMutation, HomeMyProfileQuery } from '../api/network';
import { freshnessOf, type Freshness } from '../lib/freshness';

/** "3 months ago", "2 years ago", "less than a month ago", in the UI language (Russian plurals from the catalog). */
export function agoText(t: TFunction, months: number): string {
  if (months >= 24) {
    return t('home.freshness.yearsAgo', { count: Math.floor(months / 12) });
  }
  return months < 1 ? t('home.freshness.recently') : t('home.freshness.monthsAgo', { count: months });
}

function confirmedText(t: TFunction, freshness: Freshness): string {
  return freshness.months === null
    ? t('home.freshness.neverConfirmed')
    : t('home.freshness.confirmed', { ago: agoText(t, freshness.months) });
}

/**
 * The member's own profile: how long ago they confirmed it is current (a row of the summary), and from the eleventh
 * month on, or when the API calls it stale, a prompt to confirm it now or edit it. Nothing when they have no profile.
 */
export function useFreshness(memberId: string, now: () => Date = () => new Date()) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: HomeMyProfileQuery, variables: { id: memberId } });
  const [confirmation, confirm] = useMutation(HomeConfirmProfileMutation);
  const profile = confirmation.data?.confirmMyProfile ?? data?.practitioner;
  if (!profile) {
    return { row: null, prompt: null };
  }
  const freshness = freshnessOf(profile, now());
  const edit = (
    <Link to="/profile" className="text-brand-700 underline underline-offset-2">
      {t('home.freshness.edit')}
    </Link>
  );
  const row = (
    <>
      <dt className="text-sm text-slate-600">{t('home.freshness.label')}</dt>
      <dd className="font-medium">
        {confirmedText(t, freshness)} · {edit}
      </dd>
    </>
  );
  const failure = resultError(confirmation.error);
  let prompt = null;
  if (confirmation.data && !freshness.due) {
    prompt = <Alert tone="success">{t('home.freshness.done')}</Alert>;
  } else if (freshness.due) {
    prompt = (
      <Alert
        tone="warning"
        title={profile.stale ? t('home.freshness.staleTitle') : t('home.freshness.dueTitle')}
      >
        <p>
          {freshness.months === null
            ? t('home.freshness.neverBody')
            : t('home.freshness.dueBody', { ago: agoText(t, freshness.months) })}
        </p>
        {failure ? <p className="mt-2 font-medium text-red-800">{errorText(t, failure)}</p> : null}
        <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
          <Button type="button" disabled={confirmation.fetching} onClick={() => void confirm({})}>
            {confirmation.fetching ? t('home.freshness.confirming') : t('home.freshness.confirm')}
          </Button>
          {edit}
        </div>
      </Alert>
    );
  }
  return { row, prompt };
}

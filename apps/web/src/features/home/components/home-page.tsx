import '../i18n/register';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';
import { apiErrorOf } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { useFormat } from '@web/lib/format';
import type { HomeQuery as HomeData } from '@web/lib/graphql/graphql';
import { HomeQuery } from '../api/me';
import { CoordinatorsSection } from './coordinators-section';
import { useFreshness } from './freshness-prompt';
import { NetworkSection } from './network-section';

type Me = HomeData['me'];

/**
 * The member's own summary: status first (pending applicants see only that), role, vetting, two-factor; for an active
 * vetted member also their profile's freshness, the network map and their country's coordinators.
 */
export function HomePage() {
  const { t } = useTranslation();
  const [{ data, error, fetching }] = useQuery({ query: HomeQuery });
  if (fetching && !data) {
    return <Page title={t('home.title')}>{t('status.loading')}</Page>;
  }
  if (error || !data) {
    return (
      <Page title={t('home.title')}>
        <Alert tone="error">{errorText(t, apiErrorOf(error?.graphQLErrors[0]))}</Alert>
      </Page>
    );
  }
  return data.me.status === 'VETTED' && data.me.active ? (
    <NetworkHome me={data.me} />
  ) : (
    <Summary me={data.me} />
  );
}

/** A vetted member's home: the summary with their profile's freshness, then the network and its coordinators. */
function NetworkHome({ me }: { me: Me }) {
  const freshness = useFreshness(me.id);
  return (
    <Summary me={me} prompt={freshness.prompt} profileRow={freshness.row}>
      {/* Whom to ask comes before the overview: the country's coordinators, then the network's map and counts. */}
      {me.country ? <CoordinatorsSection country={me.country} memberId={me.id} /> : null}
      <NetworkSection />
    </Summary>
  );
}

function Summary({
  me,
  prompt,
  profileRow,
  children,
}: {
  me: Me;
  prompt?: ReactNode;
  profileRow?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const expired = me.status === 'VETTED' && !me.active;
  const staff = me.role !== 'MEMBER';
  return (
    <Page title={t('home.welcome')}>
      <p className="text-slate-700">{t('home.signedInAs', { email: me.email })}</p>
      {/* What a coordinator must do before anything else comes first. */}
      {staff && !me.totpEnabled ? (
        <Alert tone="warning" title={t('home.staffNudge.title')}>
          <p>{t('home.staffNudge.body')}</p>
          <Button asChild className="mt-2">
            <Link to="/security">{t('home.staffNudge.action')}</Link>
          </Button>
        </Alert>
      ) : null}
      <Alert
        tone={me.status === 'VETTED' && !expired ? 'success' : 'warning'}
        title={expired ? t('home.expiredTitle') : t(`memberStatus.${me.status}`)}
      >
        {t(`home.statusText.${expired ? 'EXPIRED' : me.status}`)}
      </Alert>
      {prompt}
      {me.status === 'PENDING' ? null : (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-md border border-slate-200 bg-white p-4 sm:grid-cols-[max-content_1fr] sm:items-baseline">
          <dt className="text-sm text-slate-600">{t('home.role')}</dt>
          <dd className="font-medium">{t(`roles.${me.role}`)}</dd>
          {me.country ? (
            <>
              <dt className="text-sm text-slate-600">{t('home.country')}</dt>
              <dd className="font-medium">{format.country(me.country)}</dd>
            </>
          ) : null}
          {me.vettedUntil ? (
            <>
              <dt className="text-sm text-slate-600">{t('home.vettedUntil')}</dt>
              <dd className="font-medium">{format.date(me.vettedUntil)}</dd>
            </>
          ) : null}
          <dt className="text-sm text-slate-600">{t('home.twoFactor.label')}</dt>
          <dd className="font-medium">
            {me.totpEnabled ? (
              t('home.twoFactor.on')
            ) : (
              <>
                {t('home.twoFactor.off')} ·{' '}
                <Link to="/security" className="text-brand-700 underline underline-offset-2">
                  {t('home.twoFactor.setUp')}
                </Link>
              </>
            )}
          </dd>
          {profileRow}
        </dl>
      )}
      {children}
    </Page>
  );
}

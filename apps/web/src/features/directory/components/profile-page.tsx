import '../i18n/register';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';
import { isLocale } from '@web/i18n';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { useSession } from '@web/lib/use-session';
import { ProfileQuery } from '../api/profile';
import { backTarget } from '../lib/profile-back';
import { MessageButton } from './message-button';
import { ProfileDetails } from './profile-details';

/** Answers that mean there is no profile here to show (an unknown id, or no id at all). */
const ABSENT = new Set(['NOT_FOUND', 'BAD_USER_INPUT']);

/**
 * A counterpart's profile: what the viewer may see, contacts as their visibility allows, their clock and working hours
 * on both clocks; "Message" opens the direct conversation with them (not on one's own profile). "Back to the search"
 * returns to the search the viewer came from (lib/profile-back).
 */
export function ProfilePage({ viewerZone }: { viewerZone?: string }) {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession();
  const memberId = session.status === 'signed-in' ? session.member.id : '';
  const location = useLocation();
  const [params] = useSearchParams();
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  const [{ data, error, fetching }, reload] = useQuery({ query: ProfileQuery, variables: { id, locale } });
  const back = (
    <Link
      to={backTarget(location.state, params.get('from'))}
      className="inline-flex min-h-11 items-center self-start text-brand-700 underline underline-offset-2"
    >
      {t('directory.profile.back')}
    </Link>
  );

  if (data) {
    return (
      <Page title={data.practitioner.displayName} before={back}>
        {data.practitioner.id === memberId ? null : (
          <MessageButton memberId={data.practitioner.id} name={data.practitioner.displayName} />
        )}
        <ProfileDetails data={data} viewerZone={viewerZone} />
      </Page>
    );
  }
  if (fetching || !error) {
    return (
      <Page title={t('directory.profile.title')}>
        <p role="status">{t('directory.profile.loading')}</p>
      </Page>
    );
  }
  const failure = resultError(error);
  if (failure && ABSENT.has(failure.code)) {
    return (
      <Page title={t('directory.profile.notFound.title')}>
        <p className="text-slate-700">{t('directory.profile.notFound.body')}</p>
        <Button asChild className="self-start">
          <Link to={backTarget(location.state, params.get('from'))}>
            {t('directory.profile.toDirectory')}
          </Link>
        </Button>
      </Page>
    );
  }
  return (
    <Page title={t('directory.profile.title')} before={back}>
      <Alert tone="error" title={t('directory.profile.failed')}>
        <p>{errorText(t, failure)}</p>
        <Button
          type="button"
          variant="secondary"
          className="mt-2"
          onClick={() => reload({ requestPolicy: 'network-only' })}
        >
          {t('actions.retry')}
        </Button>
      </Alert>
    </Page>
  );
}

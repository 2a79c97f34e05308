import '../i18n/register';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';
import { isLocale } from '@web/i18n';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { MyProfileOwnerQuery, MyProfileQuery } from '../api/profile';
import { ConfirmProfile } from './confirm-profile';
import { ProfileForm } from './profile-form';

/**
 * Editing one's own profile (every field of updateMyProfile that the form knows) and confirming it is current. The
 * profile is `practitioner(id: me.id)`; the reference lists come in the UI language and again on a language switch.
 */
export function EditProfilePage() {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  const [owner, reloadOwner] = useQuery({ query: MyProfileOwnerQuery });
  const id = owner.data?.me.id;
  const [profile, reloadProfile] = useQuery({
    query: MyProfileQuery,
    variables: { id: id ?? '', locale },
    pause: !id,
  });
  const data = profile.data;

  if (data) {
    return (
      <Page title={t('profile.title')} intro={t('profile.intro')}>
        <ConfirmProfile confirmedAt={data.practitioner.confirmedAt} stale={data.practitioner.stale} />
        {/* Keyed by the member: a refetch (a confirmation, a language switch) keeps what is being typed. */}
        <ProfileForm
          key={data.practitioner.id}
          profile={data.practitioner}
          languages={data.languages}
          expertiseAreas={data.expertiseAreas}
          competences={data.competences}
        />
      </Page>
    );
  }
  const failure = resultError(owner.error ?? profile.error);
  if (!failure) {
    return (
      <Page title={t('profile.title')}>
        <p role="status">{t('profile.loading')}</p>
      </Page>
    );
  }
  if (failure.code === 'NOT_FOUND') {
    return (
      <Page title={t('profile.title')}>
        <Alert tone="info">{t('profile.none')}</Alert>
      </Page>
    );
  }
  return (
    <Page title={t('profile.title')}>
      <Alert tone="error" title={t('profile.failed')}>
        <p>{errorText(t, failure)}</p>
        <Button
          type="button"
          variant="secondary"
          className="mt-2"
          onClick={() =>
            owner.error
              ? reloadOwner({ requestPolicy: 'network-only' })
              : reloadProfile({ requestPolicy: 'network-only' })
          }
        >
          {t('actions.retry')}
        </Button>
      </Alert>
    </Page>
  );
}

import '../i18n/register';
import { useTranslation } from 'react-i18next';
import { Page } from '@web/components/page';

/** Editing one's own profile and confirming it is current (being built: issue 15). */
export function EditProfilePage() {
  const { t } = useTranslation();
  return <Page title={t('profile.title')} />;
}

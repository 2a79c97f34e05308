import '../i18n/register';
import { useTranslation } from 'react-i18next';
import { Page } from '@web/components/page';

/** A counterpart's profile: what the viewer may see, contacts as visibility allows (being built: issue 15). */
export function ProfilePage() {
  const { t } = useTranslation();
  return <Page title={t('directory.profile.title')} />;
}

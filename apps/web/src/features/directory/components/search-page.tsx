import '../i18n/register';
import { useTranslation } from 'react-i18next';
import { Page } from '@web/components/page';

/** The directory: one search box for any script, filters with their facet counts, results (being built: issue 15). */
export function SearchPage() {
  const { t } = useTranslation();
  return <Page title={t('directory.search.title')} />;
}

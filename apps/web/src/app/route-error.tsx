import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';

/** The error boundary of every route: a translated explanation and a way out; nothing technical on screen. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (import.meta.env.DEV) {
    console.error(error);
  }
  return (
    <Page title={t('errors.boundary.title')}>
      <Alert tone="error">{t('errors.boundary.body')}</Alert>
      <div className="flex gap-3">
        <Button onClick={() => window.location.reload()}>{t('errors.boundary.reload')}</Button>
        <Button variant="secondary" asChild>
          <Link to="/">{t('notFound.home')}</Link>
        </Button>
      </div>
    </Page>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} intro={t('notFound.body')}>
      <Link to="/" className="text-brand-700 underline underline-offset-2">
        {t('notFound.home')}
      </Link>
    </Page>
  );
}

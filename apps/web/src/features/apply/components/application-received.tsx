import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';
import type { MemberStatus } from '@web/lib/graphql/graphql';

/** After applying: the status the API answered, what happens next, the way to sign in. */
export function ApplicationReceived({ status }: { status: MemberStatus }) {
  const { t } = useTranslation();
  return (
    <Page title={t('apply.done.title')} narrow>
      <Alert tone="success">
        <p className="text-base">
          {t('apply.done.status')}: <strong>{t(`memberStatus.${status}`)}</strong>
        </p>
      </Alert>
      <h2 className="text-lg font-semibold text-slate-900">{t('apply.done.nextTitle')}</h2>
      <ol className="flex list-decimal flex-col gap-2 ps-6 text-slate-800">
        <li>{t('apply.done.next.check')}</li>
        <li>{t('apply.done.next.vetted')}</li>
        <li>{t('apply.done.next.signIn')}</li>
      </ol>
      <Button asChild className="self-start">
        <Link to="/sign-in">{t('apply.done.signIn')}</Link>
      </Button>
    </Page>
  );
}

import '../i18n/register';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Page } from '@web/components/page';
import type { ApplyForMembershipMutation } from '@web/lib/graphql/graphql';
import { ApplicationReceived } from './application-received';
import { ApplyForm } from './apply-form';

/** `/apply`: the application form (an invitation code may come in `?code=`), then what happens next. */
export function ApplyPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [result, setResult] = useState<ApplyForMembershipMutation['applyForMembership']>();
  if (result) {
    return <ApplicationReceived status={result.status} />;
  }
  return (
    <Page title={t('apply.title')} intro={t('apply.intro')}>
      <Link to="/sign-in" className="self-start text-brand-700 underline underline-offset-2">
        {t('apply.haveAccount')}
      </Link>
      <ApplyForm invitationCode={params.get('code')?.trim().slice(0, 40) ?? ''} onApplied={setResult} />
    </Page>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';
import { errorText } from '@web/lib/error-text';
import { session } from '@web/lib/session';

/** Sign out of this browser, or everywhere (every session of the member ends on the server). */
export function SignOutPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function signOut(everywhere: boolean) {
    setBusy(true);
    try {
      await session.signOut(everywhere);
      await navigate('/sign-in', { replace: true, state: { signedOut: true } });
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('auth.signOut.title')} intro={t('auth.signOut.intro')} narrow>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-col gap-3">
        <Button disabled={busy} onClick={() => void signOut(false)}>
          {t('auth.signOut.thisBrowser')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => void signOut(true)}>
          {t('auth.signOut.everywhere')}
        </Button>
      </div>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';
import { session } from '@web/lib/session';
import { useSession } from '@web/lib/use-session';

/** The session could not be brought back for want of a connection: say so, keep the member here, offer a retry. */
function Unreachable() {
  const { t } = useTranslation();
  return (
    <Page title={t('session.unreachable.title')}>
      <Alert tone="error">{t('session.unreachable.body')}</Alert>
      <div>
        <Button onClick={() => void session.retry()}>{t('actions.retry')}</Button>
      </div>
    </Page>
  );
}

/** Routes for signed-in members; others go to sign-in and come back afterwards. */
export function RequireSession() {
  const { t } = useTranslation();
  const state = useSession();
  const location = useLocation();
  if (state.status === 'restoring') {
    return <p role="status">{t('status.loading')}</p>;
  }
  if (state.status === 'unreachable') {
    return <Unreachable />;
  }
  if (state.status === 'signed-out') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  }
  return <Outlet />;
}

/** Sign-in is pointless when signed in already. */
export function RedirectIfSignedIn() {
  const state = useSession();
  return state.status === 'signed-in' ? <Navigate to="/" replace /> : <Outlet />;
}

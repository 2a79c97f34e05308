import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '@web/lib/use-session';

/** Routes for signed-in members; others go to sign-in and come back afterwards. */
export function RequireSession() {
  const { t } = useTranslation();
  const state = useSession();
  const location = useLocation();
  if (state.status === 'restoring') {
    return <p role="status">{t('status.loading')}</p>;
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

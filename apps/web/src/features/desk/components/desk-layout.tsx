import '../i18n/register';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { useQuery } from 'urql';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { Alert } from '@web/components/alert';
import { useSession } from '@web/lib/use-session';
import { DeskAccessQuery, DeskViewerQuery } from '../api/desk';
import { DeskViewerContext, isStaff } from '../lib/viewer';

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 items-center rounded-md px-3 text-sm ${
    isActive ? 'bg-brand-700 font-semibold text-white' : 'text-slate-800 hover:bg-slate-100'
  }`;

/** The desk's own sections: the vetting queue, members, invitations, the dashboard and the audit log. */
const SECTIONS = [
  { to: '/desk/queue', key: 'queue' },
  { to: '/desk/members', key: 'members' },
  { to: '/desk/invitations', key: 'invitations' },
  { to: '/desk/dashboard', key: 'dashboard' },
  { to: '/desk/audit', key: 'audit' },
] as const;

/**
 * Every desk screen sits under this: who is at the desk comes fresh from the server (`me`: role, countries, two-factor)
 * and is given to the screens (useDeskViewer); a member who is not staff gets a page that says what the desk is and
 * whom to ask, not an empty screen. The sections have a navigation of their own under the header's.
 */
export function DeskLayout() {
  const { t } = useTranslation('desk');
  const { t: common } = useTranslation();
  const session = useSession();
  const sessionRole = session.status === 'signed-in' ? session.member.role : undefined;
  // The session says who signed in; a member is told at once, without asking the server.
  const [{ data, error }, refetch] = useQuery({ query: DeskViewerQuery, pause: !isStaff(sessionRole) });
  // Without two-factor authentication, whether the server lets staff in at all (it may require it of them).
  const [access] = useQuery({ query: DeskAccessQuery, pause: !data || data.me.totpEnabled });

  if (!isStaff(sessionRole) || (data && !isStaff(data.me.role))) {
    return <NotStaff />;
  }
  if (data && !data.me.active) {
    return <Page title={t('inactive.title')} intro={t('inactive.body')} />;
  }
  if (resultError(access.error)?.code === 'FORBIDDEN') {
    return <TwoFactorFirst />;
  }
  if (!data) {
    return (
      <Page title={t('title')}>
        {error ? (
          <Alert tone="error" title={t('failed')}>
            <p>{errorText(common, resultError(error))}</p>
            <Button
              type="button"
              variant="secondary"
              className="mt-2"
              onClick={() => refetch({ requestPolicy: 'network-only' })}
            >
              {common('actions.retry')}
            </Button>
          </Alert>
        ) : (
          <p role="status">{t('loading')}</p>
        )}
      </Page>
    );
  }
  return (
    <DeskViewerContext value={data.me}>
      <div className="mx-auto mb-4 w-full max-w-3xl">
        <nav aria-label={t('nav.label')} className="rounded-lg border border-slate-200 bg-white p-1">
          <ul className="flex flex-wrap gap-1">
            {SECTIONS.map((section) => (
              <li key={section.key}>
                <NavLink to={section.to} className={tabClass}>
                  {t(`nav.${section.key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <Outlet />
    </DeskViewerContext>
  );
}

/** Staff without two-factor authentication, which the server requires of them before any desk work. */
function TwoFactorFirst() {
  const { t } = useTranslation('desk');
  return (
    <Page title={t('twoFactor.title')} intro={t('twoFactor.body')}>
      <div>
        <Button asChild>
          <Link to="/security">{t('twoFactor.action')}</Link>
        </Button>
      </div>
    </Page>
  );
}

/** The desk asked for by a member who is not a coordinator or an administrator. */
function NotStaff() {
  const { t } = useTranslation('desk');
  return (
    <Page title={t('notStaff.title')} intro={t('notStaff.body')}>
      <p className="text-slate-700">{t('notStaff.ask')}</p>
      <div>
        <Button asChild variant="secondary">
          <Link to="/">{t('notStaff.home')}</Link>
        </Button>
      </div>
    </Page>
  );
}

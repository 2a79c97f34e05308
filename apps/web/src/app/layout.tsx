import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { LanguageSwitcher } from '@web/components/language-switcher';
import type { Locale } from '@web/i18n';
import { useSession } from '@web/lib/use-session';
import { AccountMenu } from './account-menu';
import { OfflineNotice } from './offline-notice';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 items-center rounded-md px-1.5 text-sm sm:px-2 ${isActive ? 'bg-slate-200 font-semibold text-slate-900' : 'text-slate-800 hover:bg-slate-100'}`;

/** Skip link, header (name, navigation when signed in, language; the offline notice under them), main landmark. */
export function Layout({ onLocaleChange }: { onLocaleChange: (locale: Locale) => void }) {
  const { t } = useTranslation();
  const state = useSession();
  return (
    <div className="flex min-h-screen flex-col print:min-h-0">
      <a
        href="#main"
        className="sr-only print:hidden focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded-md focus:bg-white focus:p-3"
      >
        {t('app.skipToContent')}
      </a>
      <header className="border-b border-slate-200 bg-white px-4 print:hidden">
        {/* Brand, then the navigation right after it (it does not move when a tab's text turns bold), the languages at
            the far end; on a phone the navigation takes its own row under them. */}
        <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-4 gap-y-1 py-2">
          <NavLink to="/" className="text-lg font-bold text-brand-700">
            {t('app.name')}
          </NavLink>
          {state.status === 'signed-in' ? (
            <nav
              aria-label={t('app.mainNavigation')}
              className="relative order-3 w-full sm:static sm:order-none sm:w-auto"
            >
              <ul className="flex flex-wrap gap-x-0.5 sm:gap-x-1">
                <li>
                  <NavLink to="/" end className={navClass}>
                    {t('app.nav.home')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/directory" className={navClass}>
                    {t('app.nav.directory')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/chat" className={navClass}>
                    {t('app.nav.chat')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/profile" className={navClass}>
                    {t('app.nav.profile')}
                  </NavLink>
                </li>
                {/* The coordinators' desk, for staff only (the desk itself asks the server again). */}
                {state.member.role === 'COORDINATOR' || state.member.role === 'ADMIN' ? (
                  <li>
                    <NavLink to="/desk" className={navClass}>
                      {t('app.nav.desk')}
                    </NavLink>
                  </li>
                ) : null}
                <AccountMenu buttonClass={navClass} />
              </ul>
            </nav>
          ) : null}
          <div className="ml-auto">
            <LanguageSwitcher onChange={onLocaleChange} />
          </div>
        </div>
        <OfflineNotice />
      </header>
      <main id="main" className="flex-1 px-4 py-6 print:p-0">
        <Outlet />
      </main>
    </div>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';

/** The screens under "Account", in the order shown: signing out last, set apart. */
const ACCOUNT_LINKS = [
  { to: '/sessions', label: 'app.nav.sessions' },
  { to: '/devices', label: 'app.nav.devices' },
  { to: '/security', label: 'app.nav.security' },
  { to: '/sign-out', label: 'app.nav.signOut' },
] as const;

const itemClass = ({ isActive }: { isActive: boolean }) =>
  `flex min-h-11 items-center rounded-md px-3 text-sm ${isActive ? 'bg-slate-200 font-semibold text-slate-900' : 'text-slate-800 hover:bg-slate-100'}`;

/**
 * "Account": a disclosure (a button with aria-expanded and the list of links it shows), so that the sessions,
 * two-factor and sign-out screens take one place in the header and the navigation fits one row of a phone. The button looks active
 * on either screen; the open list closes on Escape (focus back on the button), on a click or focus elsewhere, and when
 * a link is followed. On a phone the list spans the navigation's width under the button; wider, it hangs from it.
 */
export function AccountMenu({ buttonClass }: { buttonClass: (state: { isActive: boolean }) => string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // Open on the screen it was opened on: any navigation — back and forward, a screen that moves on by itself, not only
  // its own links — closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const close = () => setOpenOn(null);
  const root = useRef<HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const isActive = ACCOUNT_LINKS.some(({ to }) => pathname === to || pathname.startsWith(`${to}/`));

  useEffect(() => {
    if (!open) {
      return;
    }
    // A click or the focus anywhere else closes it (Tab past the last link included).
    const onElsewhere = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) {
        close();
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        close();
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onElsewhere);
    document.addEventListener('focusin', onElsewhere);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onElsewhere);
      document.removeEventListener('focusin', onElsewhere);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <li ref={root} className="sm:relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpenOn(open ? null : pathname)}
        className={`${buttonClass({ isActive })} gap-1`}
      >
        {t('app.nav.account')}
        <svg aria-hidden="true" viewBox="0 0 20 20" className={`size-4 shrink-0 ${open ? 'rotate-180' : ''}`}>
          <path d="M5 8l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      <ul
        id={listId}
        hidden={!open}
        className="absolute inset-x-0 z-20 mt-1 space-y-0.5 rounded-md border border-slate-200 bg-white p-1 shadow-md sm:left-auto sm:right-0 sm:w-56"
      >
        {ACCOUNT_LINKS.map(({ to, label }) => (
          <li key={to} className={to === '/sign-out' ? 'mt-0.5 border-t border-slate-200 pt-0.5' : undefined}>
            <NavLink to={to} className={itemClass} onClick={close}>
              {t(label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}

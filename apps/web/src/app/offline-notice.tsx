import { useTranslation } from 'react-i18next';
import { useOnline } from '@web/pwa/use-online';

/**
 * Says so when the browser has no network: the app itself still opens (its service worker keeps the shell), what is on
 * the screen stays, but nothing the API answers is kept on the device, so signing in, searches and profiles wait. The
 * live region is always there, empty while online, so that going offline is announced; back online it empties again.
 * It sits beside the session's own `unreachable` page (guards.tsx), which keeps the session and retries when online.
 */
export function OfflineNotice() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <div
      role="status"
      className={online ? undefined : '-mx-4 border-t border-amber-300 bg-amber-50 px-4 py-2'}
    >
      {online ? null : (
        <p className="mx-auto max-w-3xl text-sm text-amber-950">
          <strong className="font-semibold">{t('app.offline.title')}</strong> {t('app.offline.body')}
        </p>
      )}
    </div>
  );
}

/** The service worker vite-plugin-pwa generates into the build (apps/web/vite.config.mts): the app shell only. */
export const SERVICE_WORKER_URL = '/sw.js';

/**
 * Registers the service worker once the page has loaded, so that its precache (the whole shell, every screen's
 * script) is fetched after the sign-in screen has what it needs, never competing with it (npm run bench:web). Only in a
 * production build: the development server has no worker. A refusal (a private window, a browser without workers)
 * changes nothing: the app then simply does not open offline.
 */
export function registerServiceWorker(
  container: ServiceWorkerContainer | undefined = globalThis.navigator?.serviceWorker,
): void {
  if (!import.meta.env.PROD || !container) {
    return;
  }
  const register = () => {
    container.register(SERVICE_WORKER_URL, { scope: '/' }).catch(() => undefined);
  };
  if (document.readyState === 'complete') {
    register();
  } else {
    window.addEventListener('load', register, { once: true });
  }
}

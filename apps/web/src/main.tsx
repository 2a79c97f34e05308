import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady, initialLocale, loadLocale } from '@web/i18n';
import { App } from './app/app';
import { registerServiceWorker } from './pwa/register';

/** Waits between fetches of the starting catalog on a link that drops them (three tries in all). */
const RETRY_MS = [1_000, 3_000];

/** The starting language's catalog, retried on a flaky link; false once every try has failed. */
async function catalogArrived(): Promise<boolean> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await (attempt === 0 ? i18nReady : loadLocale(initialLocale()));
      return true;
    } catch {
      if (attempt >= RETRY_MS.length) {
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[attempt]));
    }
  }
}

void catalogArrived().then((arrived) => {
  if (!arrived) {
    // No strings to speak with: index.html's own bilingual notice says so and offers a reload.
    document.getElementById('boot-loading')?.setAttribute('hidden', '');
    document.getElementById('boot-failed')?.removeAttribute('hidden');
    return;
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The offline shell, once the page has loaded: never ahead of what the first screen needs.
  registerServiceWorker();
});

import type { BrowserContextOptions } from '@playwright/test';

/** Where the global setup tells the workers the server is (an environment variable: workers inherit it). */
export const SERVER_URL_VARIABLE = 'COUNTERPART_E2E_URL';

/** The server's own origin (`http://127.0.0.1:PORT`): the only one its CSRF and CSP rules allow without config. */
export function serverUrl(): string {
  const url = process.env[SERVER_URL_VARIABLE];
  if (!url) {
    throw new Error(
      `${SERVER_URL_VARIABLE} is not set: run the tests through playwright.config.ts (globalSetup)`,
    );
  }
  return url;
}

/** Where its SQLite file, WAL and log are (the canary test reads them). */
export const SERVER_FOLDER_VARIABLE = 'COUNTERPART_E2E_FOLDER';

export function serverFolder(): string {
  const folder = process.env[SERVER_FOLDER_VARIABLE];
  if (!folder) {
    throw new Error(
      `${SERVER_FOLDER_VARIABLE} is not set: run the tests through playwright.config.ts (globalSetup)`,
    );
  }
  return folder;
}

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 360, height: 780 } as const;

/** Every browser context: an English browser in Tashkent at desktop size (the config's and each extra context's). */
export const CONTEXT_DEFAULTS = {
  locale: 'en-US',
  timezoneId: 'Asia/Tashkent',
  viewport: DESKTOP,
} satisfies BrowserContextOptions;

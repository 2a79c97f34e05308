import { test as base, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { Api } from './api';
import { CONTEXT_DEFAULTS, serverUrl } from './context';

/**
 * The client adopts the language saved on the server at sign-in unless one was chosen on this browser. A test that
 * switches a member to Russian would then change what a parallel test signed in as the same member sees; a choice of
 * English on every fresh browser (a test may switch it) keeps tests independent.
 */
function chooseEnglishOnce() {
  if (!localStorage.getItem('counterpart.locale')) {
    localStorage.setItem('counterpart.locale', 'en');
  }
}

export async function prepareContext(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript(chooseEnglishOnce);
  return context;
}

interface Fixtures {
  /** Another browser (its own cookies and storage), closed after the test. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** A page in a new browser context. */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
}

// Fixture callbacks name their second argument `provide`, not Playwright's usual `use` (React's hook lint reads `use`).
export const test = base.extend<Fixtures, { api: Api }>({
  // Playwright reads fixture dependencies from a destructuring pattern, even an empty one.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, provide) => {
    await provide(serverUrl());
  },
  context: async ({ context }, provide) => {
    await provide(await prepareContext(context));
  },
  newContext: async ({ browser, baseURL }, provide) => {
    const opened: BrowserContext[] = [];
    await provide(async (options = {}) => {
      const context = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL, ...options });
      opened.push(context);
      return prepareContext(context);
    });
    await Promise.all(opened.map((context) => context.close()));
  },
  newPage: async ({ newContext }, provide) => {
    await provide(async (options) => (await newContext(options)).newPage());
  },
  api: [
    async ({ playwright }, provide) => {
      const request = await playwright.request.newContext({ baseURL: serverUrl() });
      await provide(new Api(request));
      await request.dispose();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';

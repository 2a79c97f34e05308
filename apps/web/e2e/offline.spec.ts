import type { Page } from '@playwright/test';
import { API_PATH_PATTERN } from '../../../libs/common/src/api-paths';
import { COUNTERPART, counterpart } from './support/api-profile';
import { axeViolations } from './support/checks';
import { PHONE } from './support/context';
import { expect, test } from './support/fixtures';
import { en, mainNavigation, ru, signInWithForm, switchLanguage, title } from './support/ui';

/** What the service worker may keep: the app shell (vite-plugin-pwa's precache, apps/web/vite.config.mts). */
const SHELL_PATH =
  /^\/(?:index\.html|manifest\.webmanifest|favicon\.svg|apple-touch-icon\.png|icon-[\w-]+\.png|assets\/[\w.-]+\.(?:js|css))$/;

/** Every entry of the origin's Cache Storage: the cache, the request's URL, the stored body as text. */
function cachedEntries(page: Page) {
  return page.evaluate(async () => {
    const entries: { cache: string; url: string; body: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        entries.push({ cache: name, url: request.url, body: response ? await response.text() : '' });
      }
    }
    return entries;
  });
}

/** The page, controlled by the active service worker (registered after load; it claims the open page). */
async function expectControlledByWorker(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null), {
      timeout: 20_000,
    })
    .toMatch(/\/sw\.js$/);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe(
    'activated',
  );
}

const offlineNotice = (page: Page, cat = en) =>
  page.getByRole('status').filter({ hasText: cat.app.offline.title });

test.describe('offline', () => {
  test('the app opens offline with the offline notice, and no API answer is kept on the device', async ({
    page,
    context,
    api,
  }) => {
    const them = await counterpart(api, 'offline-them');
    const viewer = await api.member('offline-viewer');
    await signInWithForm(page, viewer);
    await expectControlledByWorker(page);

    // Browse with the worker in control: the directory, then a profile with its contacts.
    await mainNavigation(page).getByRole('link', { name: en.app.nav.directory, exact: true }).click();
    await expect(title(page, en.directory.search.title)).toBeVisible();
    await page.goto(`/directory/${them.id}`);
    await expect(title(page, COUNTERPART.displayName)).toBeVisible();
    await expect(page.getByText(COUNTERPART.membersEmail, { exact: true })).toBeVisible();

    // Cache Storage: the shell only. No API path, no answer, nothing the member saw.
    const entries = await cachedEntries(page);
    const paths = entries.map(({ url }) => new URL(url).pathname);
    expect(paths).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest']));
    expect(paths.some((path) => path.startsWith('/assets/'))).toBe(true);
    for (const { url, body } of entries) {
      const { origin, pathname } = new URL(url);
      expect(origin, url).toBe(new URL(page.url()).origin);
      expect(pathname, url).toMatch(SHELL_PATH);
      expect(pathname, url).not.toMatch(API_PATH_PATTERN);
      for (const seen of [
        COUNTERPART.membersEmail,
        COUNTERPART.membersMobile,
        COUNTERPART.coordinatorsPhone,
        COUNTERPART.displayName,
        them.email,
        viewer.email,
        them.id,
      ]) {
        expect(body.includes(seen), `${url} holds ${seen}`).toBe(false);
      }
    }
    // IndexedDB: no database at all (the GraphQL cache lives in memory); local storage: the chosen language only.
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).toEqual([]);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['counterpart.locale']);

    // The network goes: what is on the screen stays, and the notice says what does not work.
    await expect(offlineNotice(page)).toHaveCount(0);
    await context.setOffline(true);
    await expect(offlineNotice(page)).toContainText(en.app.offline.body);
    await expect(title(page, COUNTERPART.displayName)).toBeVisible();

    // A load without a network: the worker serves the shell; the session is kept (not sent to sign in).
    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(offlineNotice(page)).toContainText(en.app.offline.body);
    await expect(title(page, en.session.unreachable.title)).toBeVisible();
    await expect(page.getByRole('button', { name: en.auth.signIn.submit })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(PHONE.width);

    await switchLanguage(page, 'ru');
    await expect(offlineNotice(page, ru)).toContainText(ru.app.offline.body);
    await expect(title(page, ru.session.unreachable.title)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    expect(await width()).toBeLessThanOrEqual(PHONE.width);

    // Back online: the notice goes and the session comes back by itself.
    await context.setOffline(false);
    await expect(offlineNotice(page, ru)).toHaveCount(0);
    await expect(mainNavigation(page, ru)).toBeVisible();
  });
});

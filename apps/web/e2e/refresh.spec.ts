import type { BrowserContext, Page } from '@playwright/test';
import { fill } from './support/catalog';
import { expect, test } from './support/fixtures';
import { en, expectHome, expectSignInScreen, fillSignIn, signInWithForm } from './support/ui';

/** The API's refresh cookie (HttpOnly, Path=/auth): the one credential that survives a reload. */
const REFRESH_COOKIE = 'counterpart_refresh';

async function refreshCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === REFRESH_COOKIE);
}

const signedInAs = (page: Page, email: string) =>
  page.getByText(fill(en.home.signedInAs, { email }), { exact: true });

test.describe('session refresh', () => {
  test('two tabs of one browser reload at once and both stay signed in', async ({ context, api }) => {
    const account = await api.member('two-tabs');
    const first = await context.newPage();
    await signInWithForm(first, account);
    const second = await context.newPage();
    await second.goto('/');
    await expectHome(second);

    for (let round = 0; round < 3; round += 1) {
      await Promise.all([first.reload(), second.reload()]);
      await Promise.all([expectHome(first), expectHome(second)]);
    }
    await expect(signedInAs(first, account.email)).toBeVisible();
    await expect(signedInAs(second, account.email)).toBeVisible();
  });

  test('without Web Locks both tabs refresh with the same cookie at once, and both stay signed in', async ({
    context,
    api,
  }) => {
    // Older browsers: no navigator.locks, so two tabs present the same token; the server's grace window answers both.
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'locks', { configurable: true, get: () => undefined });
    });
    const account = await api.member('no-locks');
    const first = await context.newPage();
    await signInWithForm(first, account);
    const second = await context.newPage();
    await second.goto('/');
    await expectHome(second);
    await Promise.all([first.reload(), second.reload()]);
    await Promise.all([expectHome(first), expectHome(second)]);
    // The cookie left behind still works.
    await first.reload();
    await expectHome(first);
  });

  test('a refresh whose answer is lost is recovered on the next load', async ({ page, context, api }) => {
    const account = await api.member('dropped');
    await signInWithForm(page, account);
    const before = await refreshCookie(context);
    expect(before).toBeDefined();

    let dropped = 0;
    await page.route('**/auth/refresh', async (route) => {
      if (dropped > 0) {
        await route.continue();
        return;
      }
      dropped += 1;
      // The request reaches the server, which rotates the token; the browser never hears of it (the answer and its
      // Set-Cookie are lost), so it still holds the old cookie.
      const response = await route.fetch();
      expect(response.status()).toBe(200);
      await context.addCookies([before!]);
      await route.abort('connectionreset');
    });
    await page.reload();
    await expect.poll(() => dropped).toBe(1);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    // The old token, presented again within the grace window, is answered with its successor.
    await page.reload();
    await expectHome(page);
    await expect(signedInAs(page, account.email)).toBeVisible();
    expect((await refreshCookie(context))?.value).not.toBe(before!.value);
  });

  test('a load without a connection keeps the session: it says so, and comes back on retry and when online', async ({
    page,
    context,
    api,
  }) => {
    const account = await api.member('unreachable');
    await signInWithForm(page, account);
    const cut = async () => page.route('**/auth/refresh', (route) => route.abort('internetdisconnected'));
    await cut();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: en.session.unreachable.title })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText(en.session.unreachable.body);
    await expect(page.getByRole('button', { name: en.auth.signIn.submit })).toHaveCount(0); // not sent to sign in
    expect(await refreshCookie(context)).toBeDefined();

    await page.getByRole('button', { name: en.actions.retry }).click();
    await expect(page.getByRole('heading', { level: 1, name: en.session.unreachable.title })).toBeVisible();
    await page.unroute('**/auth/refresh');
    await page.getByRole('button', { name: en.actions.retry }).click();
    await expectHome(page);

    // Offline at load, then the browser's online event brings the session back without a click.
    await cut();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: en.session.unreachable.title })).toBeVisible();
    await page.unroute('**/auth/refresh');
    await context.setOffline(true);
    await context.setOffline(false);
    await expectHome(page);
    await expect(signedInAs(page, account.email)).toBeVisible();
  });

  test('no script can read the refresh token, and no token is stored', async ({ page, context, api }) => {
    const account = await api.member('cookie');
    const signIn = page.waitForResponse('**/auth/sign-in');
    await signInWithForm(page, account);
    const signInBody = await (await signIn).text();
    const { accessToken } = JSON.parse(signInBody) as { accessToken: string };

    const cookie = await refreshCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/auth' });
    expect(signInBody).not.toContain(cookie!.value);

    const refresh = page.waitForResponse('**/auth/refresh');
    await page.reload();
    await expectHome(page);
    const refreshBody = await (await refresh).text();
    const rotated = await refreshCookie(context);
    expect(refreshBody).not.toContain(rotated!.value);

    const readable = () =>
      page.evaluate(() => ({
        cookie: document.cookie,
        stored: [localStorage, sessionStorage].flatMap((storage) =>
          Object.keys(storage).map((key) => `${key}=${storage.getItem(key)}`),
        ),
      }));
    for (const path of ['/', '/sessions']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const seen = await readable();
      const current = (await refreshCookie(context))!.value;
      expect(seen.cookie).not.toContain(REFRESH_COOKIE);
      for (const entry of seen.stored) {
        expect(entry).not.toContain(current);
        expect(entry).not.toContain(accessToken.split('.')[2]);
      }
    }
    // Even in a document under /auth, where the cookie's path applies, scripts cannot read it (HttpOnly).
    await page.goto('/auth/refresh');
    const underAuth = await readable();
    expect(underAuth.cookie).not.toContain(REFRESH_COOKIE);
    expect(underAuth.cookie).not.toContain((await refreshCookie(context))!.value);
  });

  test('a tab whose refresh answers another member signs out', async ({ context, api }) => {
    // Tabs that do not hear each other (no BroadcastChannel): only the refresh can tell that the cookie changed hands.
    await context.addInitScript(() => {
      Reflect.deleteProperty(window, 'BroadcastChannel');
    });
    const [a, b] = await Promise.all([api.member('tab-a'), api.member('tab-b')]);
    const first = await context.newPage();
    await first.clock.install();
    const second = await context.newPage();
    await first.goto('/sign-in');
    await second.goto('/sign-in');

    await fillSignIn(first, a);
    await expectHome(first);
    await expect(signedInAs(first, a.email)).toBeVisible();
    await fillSignIn(second, b);
    await expectHome(second);
    await expect(signedInAs(second, b.email)).toBeVisible();

    // The first tab's scheduled refresh (a minute before its access token expires) now answers B: it signs out.
    const refreshed = first.waitForResponse('**/auth/refresh');
    await first.clock.fastForward('15:00');
    await refreshed;
    await expectSignInScreen(first);
    await expect(signedInAs(second, b.email)).toBeVisible();
  });
});

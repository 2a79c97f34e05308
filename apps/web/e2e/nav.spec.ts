import { DESKTOP, PHONE } from './support/context';
import { expect, test } from './support/fixtures';
import { openAccountLink } from './support/nav';
import { en, mainNavigation, ru, signInWithForm, switchLanguage, title } from './support/ui';

test.describe('header navigation', () => {
  test('Russian fits one row at 1280 px and the phone’s width; Account opens by keyboard and shows where you are', async ({
    page,
    api,
  }) => {
    await signInWithForm(page, await api.member('nav'));
    await switchLanguage(page, 'ru');
    const nav = mainNavigation(page, ru);
    const account = nav.getByRole('button', { name: ru.app.nav.account, exact: true });
    for (const path of ['/', '/directory', '/profile', '/sessions', '/security']) {
      await page.goto(path);
      await expect(nav).toBeVisible();
      // Name, navigation and languages share one row: their boxes overlap vertically.
      const rows = await page.evaluate(() =>
        [...document.querySelector('header > div')!.children].map(
          (child) => child.getBoundingClientRect().top,
        ),
      );
      expect(Math.max(...rows) - Math.min(...rows), path).toBeLessThan(12);
    }
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expect(account).toHaveClass(/font-semibold/); // on /security: Account is the active entry

    await expect(title(page, ru.account.security.title)).toBeVisible(); // the screen focuses its heading first
    await account.focus();
    await expect(account).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(account).toHaveAttribute('aria-expanded', 'true');
    const sessions = nav.getByRole('link', { name: ru.app.nav.sessions, exact: true });
    await expect(nav.getByRole('link', { name: ru.app.nav.security, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await page.keyboard.press('Escape');
    await expect(account).toHaveAttribute('aria-expanded', 'false');
    await expect(account).toBeFocused();
    await expect(sessions).toBeHidden();

    await page.setViewportSize(DESKTOP);
    await switchLanguage(page, 'en');
    await openAccountLink(page, 'sessions');
    await expect(title(page, en.account.sessions.title)).toBeVisible();
    await expect(mainNavigation(page).getByRole('button', { name: en.app.nav.account })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await mainNavigation(page).getByRole('link', { name: en.app.nav.profile, exact: true }).click();
    await expect(page).toHaveURL(/\/profile$/);

    // Any navigation closes it, the browser's Back too; signing out is its last entry.
    const menu = mainNavigation(page).getByRole('button', { name: en.app.nav.account });
    await menu.click();
    await expect(
      mainNavigation(page).getByRole('link', { name: en.app.nav.signOut, exact: true }),
    ).toBeVisible();
    await page.goBack();
    await expect(title(page, en.account.sessions.title)).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(
      mainNavigation(page).getByRole('link', { name: en.app.nav.signOut, exact: true }),
    ).toBeHidden();
  });
});

import { fill, plural } from './support/catalog';
import { expect, test } from './support/fixtures';
import { openAccountLink } from './support/nav';
import { en, expectSignInScreen, signInWithForm, title } from './support/ui';

const sessions = en.account.sessions;
/** Both browsers are Debian's headless Chromium: the client names them so. */
const CHROME_ON_LINUX = fill(en.account.device.browserOnSystem, { browser: 'Chrome', os: 'Linux' });

test.describe('sessions', () => {
  test('lists this browser and the other one; "sign out everywhere else" ends the other only', async ({
    page,
    api,
    newPage,
  }) => {
    const account = await api.member('sessions');
    const other = await newPage();
    await signInWithForm(other, account);
    await signInWithForm(page, account);

    await openAccountLink(page, 'sessions');
    await expect(title(page, sessions.title)).toBeVisible();
    const here = page.getByRole('region', { name: sessions.thisBrowser, exact: true });
    await expect(here.getByRole('article')).toHaveCount(1);
    await expect(here.getByRole('heading', { level: 3 })).toContainText(CHROME_ON_LINUX);
    await expect(here.getByRole('link', { name: sessions.signOutHere, exact: true })).toBeVisible();
    const elsewhere = page.getByRole('region', { name: plural('en', sessions, 'others', 1), exact: true });
    const list = elsewhere.getByRole('list', { name: sessions.listLabel, exact: true });
    await expect(list.getByRole('listitem')).toHaveCount(1);

    await page.getByRole('button', { name: sessions.revokeOthers, exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: sessions.revokeOthersDialog.title, exact: true });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleDescription(plural('en', sessions.revokeOthersDialog, 'body', 1));
    // The harmless choice has the focus; Escape closes and nothing happens.
    await expect(dialog.getByRole('button', { name: en.actions.cancel, exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(list.getByRole('listitem')).toHaveCount(1);

    await page.getByRole('button', { name: sessions.revokeOthers, exact: true }).click();
    await dialog.getByRole('button', { name: sessions.revokeOthersDialog.confirm, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('status').filter({ hasText: plural('en', sessions, 'revokedOthers', 1) }),
    ).toBeVisible();
    await expect(page.getByText(sessions.noOthers, { exact: true })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 2, name: sessions.listLabel, exact: true }),
    ).toBeFocused();

    // This browser stays signed in; the other one is told by the session-events stream and shows sign-in by itself.
    await page.reload();
    await expect(title(page, sessions.title)).toBeVisible();
    await expect(here.getByRole('article')).toHaveCount(1);
    await expectSignInScreen(other);
    await expect(other.getByRole('status').filter({ hasText: en.auth.signIn.sessionEnded })).toBeVisible();
  });

  test('one other session is signed out by its own button, named after its device and time', async ({
    page,
    api,
    newPage,
  }) => {
    const account = await api.member('sessions-one');
    const other = await newPage();
    await signInWithForm(other, account);
    await signInWithForm(page, account);
    await page.goto('/sessions');
    const revoke = page.getByRole('button', {
      name: new RegExp(`^${en.account.sessions.revoke}: ${CHROME_ON_LINUX}, `),
    });
    await expect(revoke).toHaveCount(1);
    await revoke.click();
    const dialog = page.getByRole('alertdialog', { name: sessions.revokeDialog.title, exact: true });
    await dialog.getByRole('button', { name: sessions.revokeDialog.confirm, exact: true }).click();
    await expect(
      page.getByRole('status').filter({ hasText: fill(sessions.revoked, { device: CHROME_ON_LINUX }) }),
    ).toBeVisible();
    await other.reload();
    await expectSignInScreen(other);
  });
});

import type { Page } from '@playwright/test';
import type { Catalog } from './catalog';
import { en, mainNavigation } from './ui';

/**
 * Follows one of the header's "Account" links (sessions, security, sign out): the button opens the list, the link is
 * clicked, as a member would. The other entries (home, directory, my profile) are plain links of `mainNavigation`.
 */
export async function openAccountLink(
  page: Page,
  which: 'sessions' | 'security' | 'signOut',
  cat: Catalog = en,
): Promise<void> {
  const nav = mainNavigation(page, cat);
  await nav.getByRole('button', { name: cat.app.nav.account, exact: true }).click();
  await nav.getByRole('link', { name: cat.app.nav[which], exact: true }).click();
}

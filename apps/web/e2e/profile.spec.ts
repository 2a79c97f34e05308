import type { Page } from '@playwright/test';
import { signInContext } from './support/api';
import { COUNTERPART, counterpart } from './support/api-profile';
import { containing } from './support/catalog';
import { CONTEXT_DEFAULTS } from './support/context';
import { expect, test } from './support/fixtures';
import { practitionerFormEn as shared } from '../src/i18n/practitioner-form/en';
import { en, title, userAgentOf } from './support/ui';

const view = en.directory.profile;
const edit = en.profile;

async function openProfile(page: Page, id: string) {
  await page.goto(`/directory/${id}`);
  await expect(title(page, COUNTERPART.displayName)).toBeVisible();
  return page.getByRole('region', { name: view.sections.contacts, exact: true });
}

test.describe('a counterpart’s profile', () => {
  test('a member sees the contacts for members with call, mail and copy, not the coordinators-only one', async ({
    page,
    context,
    api,
  }) => {
    const them = await counterpart(api, 'profile-them');
    await signInContext(context, await api.member('profile-viewer'), await userAgentOf(page));
    const contacts = await openProfile(page, them.id);
    await expect(page.getByText(COUNTERPART.nativeName, { exact: true })).toHaveAttribute('dir', 'auto');
    await expect(
      contacts.getByRole('link', { name: `Call ${COUNTERPART.membersMobile}`, exact: true }),
    ).toHaveAttribute('href', `tel:${COUNTERPART.membersMobile}`);
    await expect(
      contacts.getByRole('link', { name: `Write an e-mail to ${COUNTERPART.membersEmail}`, exact: true }),
    ).toHaveAttribute('href', `mailto:${COUNTERPART.membersEmail}`);
    await expect(contacts.getByText(COUNTERPART.coordinatorsPhone)).toHaveCount(0);
    await expect(contacts.getByText(view.contacts.coordinatorsOnly)).toHaveCount(0);
    // "Message" opens the direct conversation with them (chat.spec.ts follows it).
    await expect(
      page.getByRole('button', { name: `Message ${COUNTERPART.displayName}`, exact: true }),
    ).toBeVisible();

    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await contacts
      .getByRole('button', { name: `Copy E-mail: ${COUNTERPART.membersEmail}`, exact: true })
      .click();
    await expect(contacts.getByRole('status').filter({ hasText: view.contacts.copied })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(COUNTERPART.membersEmail);
  });

  test('a coordinator also sees the coordinators-only contact, marked as such', async ({
    page,
    context,
    api,
  }) => {
    const them = await counterpart(api, 'profile-them-staff');
    await signInContext(context, await api.coordinator('profile-staff'), await userAgentOf(page));
    const contacts = await openProfile(page, them.id);
    const item = contacts.getByRole('listitem').filter({ hasText: COUNTERPART.coordinatorsPhone });
    await expect(item.getByText(view.contacts.coordinatorsOnly, { exact: true })).toBeVisible();
    await expect(
      item.getByRole('link', { name: `Call ${COUNTERPART.coordinatorsPhone}`, exact: true }),
    ).toBeVisible();
  });

  test('an unknown id says there is no such profile and leads back to the directory', async ({
    page,
    context,
    api,
  }) => {
    await signInContext(context, await api.member('profile-missing'), await userAgentOf(page));
    await page.goto('/directory/00000000-0000-4000-8000-000000000000?from=%2Fdirectory%3Fcountry%3DKZ');
    await expect(title(page, view.notFound.title)).toBeVisible();
    await page.getByRole('link', { name: view.toDirectory, exact: true }).click();
    await expect(page).toHaveURL(/\/directory\?country=KZ$/);
  });
});

test.describe('my profile', () => {
  test('a refused phone shows its translated error at the field; fixed, the profile saves', async ({
    page,
    context,
    api,
  }) => {
    const me = await counterpart(api, 'profile-edit');
    await signInContext(context, me, await userAgentOf(page));
    await page.goto('/profile');
    await expect(title(page, edit.title)).toBeVisible();
    const number = page.getByRole('textbox', { name: edit.contacts.value, exact: true }).nth(1);
    await expect(number).toHaveValue(COUNTERPART.membersMobile);
    await number.fill('+99890');
    await page.getByRole('button', { name: edit.save, exact: true }).click();
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(number).toHaveAccessibleDescription(containing(en.errors.fields.INVALID_PHONE));
    await expect(page.getByRole('alert').getByRole('link')).toHaveCount(1);

    await number.fill('+998901112233');
    await page
      .getByRole('textbox', { name: shared.fields.position.label })
      .fill('Head of the international department');
    await page.getByRole('button', { name: edit.save, exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: edit.saved })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('textbox', { name: edit.contacts.value, exact: true }).nth(1)).toHaveValue(
      '+998901112233',
    );
  });

  test('a language added and the time zone changed are saved and still there after a reload', async ({
    page,
    context,
    api,
  }) => {
    const me = await counterpart(api, 'profile-languages');
    await signInContext(context, me, await userAgentOf(page));
    await page.goto('/profile');
    await expect(title(page, edit.title)).toBeVisible();
    const rows = page.getByRole('group', { name: /^Language \d+$/ });
    await expect(rows).toHaveCount(2);
    await page.getByRole('button', { name: shared.languages.add, exact: true }).click();
    const third = page.getByRole('group', { name: 'Language 3', exact: true });
    await expect(third.getByRole('combobox', { name: shared.languages.language, exact: true })).toBeFocused();
    await third.getByRole('combobox', { name: shared.languages.language, exact: true }).selectOption('en');
    await third.getByRole('combobox', { name: shared.languages.level, exact: true }).selectOption('WORKING');
    const zone = page.getByRole('combobox', { name: shared.fields.timeZone.label, exact: true });
    await zone.selectOption('Asia/Tehran');
    await page.getByRole('button', { name: edit.save, exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: edit.saved })).toBeVisible();
    await page.reload();
    await expect(rows).toHaveCount(3);
    await expect(third.getByRole('combobox', { name: shared.languages.language, exact: true })).toHaveValue(
      'en',
    );
    await expect(third.getByRole('combobox', { name: shared.languages.level, exact: true })).toHaveValue(
      'WORKING',
    );
    await expect(zone).toHaveValue('Asia/Tehran');
  });

  test('confirming the profile shows when it was confirmed', async ({ page, context, api }) => {
    await signInContext(context, await api.member('profile-confirm'), await userAgentOf(page));
    await page.goto('/profile');
    const panel = page.getByRole('region', { name: edit.confirm.title, exact: true });
    await panel.getByRole('button', { name: edit.confirm.action, exact: true }).click();
    await expect(panel.getByRole('status')).toHaveText(edit.confirm.done);
    // Today where the browser is (Tashkent, UTC+5), not where the test runs: from 19:00 UTC those are two dates.
    const today = new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'long',
      timeZone: CONTEXT_DEFAULTS.timezoneId,
    }).format(new Date());
    await expect(panel).toContainText(edit.confirm.lastConfirmed.replace('{{date}}', today));
  });
});

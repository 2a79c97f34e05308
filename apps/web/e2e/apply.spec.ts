import { DEMO, DEMO_PASSWORD, uniqueEmail } from './support/api';
import { catalogs, containing, fill, plural, type Catalog } from './support/catalog';
import { expect, test } from './support/fixtures';
import { applicationForm, fillApplication, waitForApplicationLists } from './support/forms';
import { en, expectHome, ru, signInWithForm, switchLanguage, title } from './support/ui';

const tooShort = (cat: Catalog) => fill(cat.errors.fields.TOO_SHORT, { min: 12 });

test.describe('applying', () => {
  test('an applicant with an invitation sees each mistake next to its field in English and Russian, then applies', async ({
    page,
    api,
  }) => {
    const invitation = await api.invitation();
    await page.goto(`/apply?code=${invitation}`);
    await expect(title(page, en.apply.title)).toBeVisible();
    const form = applicationForm(page, en);
    await expect(form.invitationCode).toHaveValue(invitation);

    await fillApplication(page, en, { email: 'not-an-address', password: 'too short' });
    await form.submit.click();

    // A summary names both, each field says why, the first wrong field has the focus.
    const summary = page.getByRole('alert');
    await expect(summary).toContainText(plural('en', en.apply.summary, 'title', 2));
    await expect(form.email).toBeFocused();
    await expect(form.email).toHaveAttribute('aria-invalid', 'true');
    await expect(form.email).toHaveAccessibleDescription(containing(en.errors.fields.INVALID_EMAIL));
    await expect(form.password).toHaveAttribute('aria-invalid', 'true');
    await expect(form.password).toHaveAccessibleDescription(containing(tooShort(en)));
    await expect(form.displayName).not.toHaveAttribute('aria-invalid', 'true');
    await summary.getByRole('link', { name: containing(en.apply.fields.password.label) }).click();
    await expect(form.password).toBeFocused();

    // The same errors, in Russian, by the Russian labels.
    await switchLanguage(page, 'ru');
    await waitForApplicationLists(page, ru);
    const formRu = applicationForm(page, ru);
    await expect(title(page, ru.apply.title)).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(plural('ru', ru.apply.summary, 'title', 2));
    await expect(formRu.email).toHaveAccessibleDescription(containing(ru.errors.fields.INVALID_EMAIL));
    await expect(formRu.password).toHaveAccessibleDescription(containing(tooShort(ru)));
    // The choices made in English are kept, now named in Russian.
    await expect(formRu.country.locator('option:checked')).toHaveText(
      new Intl.DisplayNames(['ru'], { type: 'region' }).of('UZ') ?? 'UZ',
    );

    // Corrected, the application goes through.
    await formRu.email.fill(uniqueEmail('apply'));
    await expect(formRu.email).not.toHaveAttribute('aria-invalid', 'true');
    await formRu.password.fill('a passphrase long enough');
    await formRu.submit.click();
    await expect(title(page, ru.apply.done.title)).toBeVisible();
    // The layout's offline notice is a status too (empty while online).
    await expect(page.getByRole('status').filter({ hasText: ru.memberStatus.PENDING })).toBeVisible();
    await expect(page.getByRole('link', { name: ru.apply.done.signIn, exact: true })).toBeVisible();
  });

  test('an invitation for another country is refused by the server, next to the invitation field', async ({
    page,
    api,
  }) => {
    const invitation = await api.invitation('UZ');
    await page.goto(`/apply?code=${invitation}`);
    await fillApplication(page, en, {
      email: uniqueEmail('apply-kz'),
      password: 'a passphrase long enough',
      country: 'KZ',
    });
    const form = applicationForm(page, en);
    await form.submit.click();
    await expect(form.invitationCode).toBeFocused();
    await expect(form.invitationCode).toHaveAttribute('aria-invalid', 'true');
    await expect(form.invitationCode).toHaveAccessibleDescription(containing(en.apply.errors.invitationCode));
    await expect(title(page, en.apply.title)).toBeVisible();
  });
});

test('a pending applicant who signs in sees only the status of the application', async ({ page }) => {
  await signInWithForm(page, { email: DEMO.pending, password: DEMO_PASSWORD });
  const main = page.getByRole('main');
  await expect(main.getByRole('status')).toContainText(en.memberStatus.PENDING);
  await expect(main.getByRole('status')).toContainText(en.home.statusText.PENDING);
  await expect(main.getByText(fill(en.home.signedInAs, { email: DEMO.pending }))).toBeVisible();
  // Nothing of a member's summary: no role, country, vetting or two-factor lines.
  await expect(main.getByRole('term')).toHaveCount(0);
  await expect(main.getByText(catalogs.en.home.role, { exact: true })).toHaveCount(0);
  await expectHome(page);
});

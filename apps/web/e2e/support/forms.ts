import { expect, type Page } from '@playwright/test';
import type { Catalog } from './catalog';

/** The application form's controls by their labels in `cat`'s language. */
export function applicationForm(page: Page, cat: Catalog) {
  const fields = cat.apply.fields;
  const optional = (label: string) => `${label} (${cat.status.optional})`;
  return {
    email: page.getByRole('textbox', { name: fields.email.label, exact: true }),
    password: page.getByLabel(fields.password.label, { exact: true }),
    displayName: page.getByRole('textbox', { name: fields.displayName.label, exact: true }),
    country: page.getByRole('combobox', { name: fields.country.label, exact: true }),
    agencyName: page.getByRole('textbox', { name: fields.agencyName.label, exact: true }),
    agencyType: page.getByRole('combobox', { name: fields.agencyType.label, exact: true }),
    timeZone: page.getByRole('combobox', { name: fields.timeZone.label, exact: true }),
    language: page.getByRole('combobox', { name: cat.apply.languages.language, exact: true }),
    level: page.getByRole('combobox', { name: cat.apply.languages.level, exact: true }),
    invitationCode: page.getByRole('textbox', { name: optional(fields.invitationCode.label), exact: true }),
    submit: page.getByRole('button', { name: cat.apply.submit, exact: true }),
  };
}

/** Waits until the reference lists (countries, languages, areas) are in the form. */
export async function waitForApplicationLists(page: Page, cat: Catalog): Promise<void> {
  await expect(page.getByText(cat.apply.loadingLists)).toHaveCount(0);
  await expect(applicationForm(page, cat).country.locator('option[value="UZ"]')).toHaveCount(1);
}

export interface Application {
  email: string;
  password: string;
  displayName?: string;
  country?: string;
  invitationCode?: string;
}

/** Fills every required field (country UZ, Russian fluently); the invitation code only when given. */
export async function fillApplication(page: Page, cat: Catalog, application: Application): Promise<void> {
  const form = applicationForm(page, cat);
  await waitForApplicationLists(page, cat);
  await form.email.fill(application.email);
  await form.password.fill(application.password);
  await form.displayName.fill(application.displayName ?? 'Test Applicant');
  await form.country.selectOption(application.country ?? 'UZ');
  await form.agencyName.fill('General Prosecutor’s Office');
  await form.agencyType.selectOption('PROSECUTION');
  await form.language.selectOption('ru');
  await form.level.selectOption('FLUENT');
  if (application.invitationCode !== undefined) {
    await form.invitationCode.fill(application.invitationCode);
  }
}

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import type { MyProfileFieldsFragment } from '@web/lib/graphql/graphql';
import { fakeClient, type Answer } from '@web/test/fake-client';
import { EditProfilePage } from './edit-profile-page';

const stored = (overrides: Partial<MyProfileFieldsFragment> = {}): MyProfileFieldsFragment => ({
  id: 'me-1',
  displayName: 'Dilnoza Karimova',
  nativeName: 'Дилноза Каримова',
  nameVariants: ['Dilnoza Karimowa'],
  country: 'UZ',
  position: 'Prosecutor',
  bio: null,
  agency: { name: 'General Prosecutor’s Office', type: 'PROSECUTION', city: 'Tashkent' },
  languages: [{ code: 'uz', level: 'NATIVE' }],
  expertise: ['ASSET_RECOVERY'],
  competences: [],
  contacts: [{ kind: 'MOBILE', label: null, value: '+998901234567', visibility: 'MEMBERS' }],
  timeZone: 'Asia/Tashkent',
  workingDays: [1, 2, 3, 4, 5],
  workingHoursStart: '09:00',
  workingHoursEnd: '18:00',
  available24x7: false,
  stale: true,
  confirmedAt: '2025-01-10T08:00:00.000Z',
  ...overrides,
});

const LISTS = {
  languages: [
    { code: 'en', name: 'English' },
    { code: 'ru', name: 'Russian' },
    { code: 'uz', name: 'Uzbek' },
  ],
  expertiseAreas: [
    { code: 'ASSET_RECOVERY', group: 'FINANCIAL', name: 'Asset recovery' },
    { code: 'MONEY_LAUNDERING', group: 'FINANCIAL', name: 'Money laundering' },
  ],
  competences: [{ code: 'MLA_REQUEST', group: 'UNTOC', name: 'Requests for mutual legal assistance' }],
};

/** A server holding one profile: updateMyProfile answers `onUpdate` (the saved profile by default). */
function server(onUpdate?: (input: Record<string, unknown>) => Answer | undefined) {
  let profile = stored();
  return fakeClient((operation, variables) => {
    switch (operation) {
      case 'MyProfileOwner':
        return { data: { me: { id: 'me-1' } } };
      case 'MyProfile':
        return { data: { practitioner: profile, ...LISTS } };
      case 'UpdateMyProfile': {
        const input = variables.input as Record<string, unknown>;
        const refused = onUpdate?.(input);
        if (refused) {
          return refused;
        }
        profile = {
          ...profile,
          displayName: input.displayName as string,
          languages: input.languages as MyProfileFieldsFragment['languages'],
          timeZone: input.timeZone as string,
        };
        return { data: { updateMyProfile: profile } };
      }
      case 'ConfirmMyProfile':
        profile = { ...profile, stale: false, confirmedAt: '2026-12-01T10:00:00.000Z' };
        return { data: { confirmMyProfile: { id: 'me-1', stale: false, confirmedAt: profile.confirmedAt } } };
      default:
        throw new Error(`unexpected ${operation}`);
    }
  });
}

const renderPage = (fake: ReturnType<typeof server>) =>
  render(
    <Provider value={fake.client}>
      <EditProfilePage />
    </Provider>,
  );

describe(EditProfilePage.name, () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should fill every field from the stored profile, native names in their own direction', () => {
    renderPage(server());
    expect(screen.getByRole('textbox', { name: 'Name in Latin letters' })).toHaveValue('Dilnoza Karimova');
    expect(screen.getByRole('textbox', { name: /Name in your own script/ })).toHaveAttribute('dir', 'auto');
    expect(screen.getByRole('textbox', { name: /Other spellings/ })).toHaveValue('Dilnoza Karimowa');
    expect(screen.getByRole('combobox', { name: 'Type of agency' })).toHaveValue('PROSECUTION');
    expect(screen.getByRole('checkbox', { name: 'Monday' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Sunday' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Asset recovery' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Number or address' })).toHaveValue('+998901234567');
    expect(screen.getByRole('combobox', { name: 'Who may see it' })).toHaveValue('MEMBERS');
    expect(screen.getByText(/^Country: Uzbekistan\./)).toBeInTheDocument();
  });

  it('should show the API’s field error, translated, at its field and in the summary; then save', async () => {
    const user = userEvent.setup();
    let refuse = true;
    const fake = server(() =>
      refuse
        ? {
            errors: [
              {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  fields: [{ path: 'contacts.0.value', code: 'INVALID_PHONE', message: 'never shown' }],
                },
              },
            ],
          }
        : undefined,
    );
    renderPage(fake);
    const value = screen.getByRole('textbox', { name: 'Number or address' });
    await user.clear(value);
    await user.type(value, '12345');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const phoneText =
      'This is not a complete phone number: check the country code and that no digit is missing (e.g. +998 71 123 45 67).';
    expect(value).toHaveAccessibleDescription(expect.stringContaining(phoneText));
    expect(value).toHaveAttribute('aria-invalid', 'true');
    const summary = screen.getByRole('alert');
    expect(
      within(summary).getByRole('link', { name: `Contact 1 · Number or address: ${phoneText}` }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: /Number or address/ }).closest('[tabindex]')).toHaveFocus();
    expect(fake.mutations('UpdateMyProfile')[0]?.input).toMatchObject({
      contacts: [{ kind: 'MOBILE', value: '12345', label: null, visibility: 'MEMBERS' }],
      workingDays: [1, 2, 3, 4, 5],
      agency: { name: 'General Prosecutor’s Office', type: 'PROSECUTION', city: 'Tashkent' },
    });

    refuse = false;
    await user.clear(value);
    await user.type(value, '+998901234568');
    expect(value).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByText('Saved.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    await user.type(screen.getByRole('textbox', { name: /^Position/ }), ' II');
    expect(screen.queryByText('Saved.')).toBeNull();
  });

  it('should catch an empty name and equal working hours before sending, in Russian', async () => {
    await i18next.changeLanguage('ru');
    const user = userEvent.setup();
    const fake = server();
    renderPage(fake);
    await user.clear(screen.getByRole('textbox', { name: 'Имя латиницей' }));
    const end = screen.getByLabelText('Конец рабочего дня');
    await user.clear(end);
    await user.type(end, '09:00');
    await user.click(screen.getByRole('button', { name: 'Сохранить изменения' }));
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('Перед сохранением исправьте 2 ошибки');
    expect(within(summary).getByRole('link', { name: 'Имя латиницей: Заполните это поле.' })).toBeVisible();
    expect(end).toHaveAccessibleDescription(expect.stringContaining('Конец должен отличаться от начала.'));
    expect(fake.mutations('UpdateMyProfile')).toEqual([]);
  });

  it('should fill the languages and the time zone, the zone named in the reader’s language', async () => {
    renderPage(server());
    const row = screen.getByRole('group', { name: 'Language 1' });
    expect(within(row).getByRole('combobox', { name: 'Language' })).toHaveDisplayValue('Uzbek');
    expect(within(row).getByRole('combobox', { name: 'Level' })).toHaveDisplayValue('Native');
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    expect(zone).toHaveValue('Asia/Tashkent');
    expect(zone).toHaveDisplayValue(/^Asia\/Tashkent/);
    await i18next.changeLanguage('ru');
    expect(await screen.findByRole('combobox', { name: 'Часовой пояс' })).toHaveDisplayValue(/Узбекистан/);
    expect(screen.getByRole('combobox', { name: 'Уровень' })).toHaveDisplayValue('Родной');
  });

  it('should show the API’s error on a language row, translated, at the row’s level and in the summary', async () => {
    await i18next.changeLanguage('ru');
    const user = userEvent.setup();
    const fake = server(() => ({
      errors: [
        {
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ path: 'languages.1.level', code: 'INVALID_LEVEL', message: 'never shown' }],
          },
        },
      ],
    }));
    renderPage(fake);
    await user.click(screen.getByRole('button', { name: 'Добавить язык' }));
    const second = screen.getByRole('group', { name: 'Язык 2' });
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Язык' }), 'ru');
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Уровень' }), 'FLUENT');
    await user.click(screen.getByRole('button', { name: 'Сохранить изменения' }));
    const level = within(second).getByRole('combobox', { name: 'Уровень' });
    expect(level).toHaveAccessibleDescription('Выберите уровень.');
    expect(level).toHaveAttribute('aria-invalid', 'true');
    const first = within(screen.getByRole('group', { name: 'Язык 1' })).getByRole('combobox', {
      name: 'Уровень',
    });
    expect(first).not.toHaveAttribute('aria-invalid');
    expect(
      within(screen.getByRole('alert')).getByRole('link', { name: 'Язык 2 · Уровень: Выберите уровень.' }),
    ).toBeVisible();
    await user.selectOptions(level, 'WORKING');
    expect(level).not.toHaveAttribute('aria-invalid');
  });

  it('should catch a language without a level before sending, at its row', async () => {
    const user = userEvent.setup();
    const fake = server();
    renderPage(fake);
    await user.click(screen.getByRole('button', { name: 'Add a language' }));
    const second = screen.getByRole('group', { name: 'Language 2' });
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Language' }), 'uz');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(within(second).getByRole('combobox', { name: 'Language' })).toHaveAccessibleDescription(
      'You have already chosen this language.',
    );
    expect(within(second).getByRole('combobox', { name: 'Level' })).toHaveAccessibleDescription(
      'Choose a level.',
    );
    expect(fake.mutations('UpdateMyProfile')).toEqual([]);
  });

  it('should save the languages and the time zone, and show what was saved', async () => {
    const user = userEvent.setup();
    const fake = server();
    renderPage(fake);
    await user.click(screen.getByRole('button', { name: 'Add a language' }));
    const second = screen.getByRole('group', { name: 'Language 2' });
    expect(within(second).getByRole('combobox', { name: 'Language' })).toHaveFocus();
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Language' }), 'ru');
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Level' }), 'WORKING');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Time zone' }), 'Europe/Moscow');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByText('Saved.')).toBeInTheDocument();
    expect(fake.mutations('UpdateMyProfile')[0]?.input).toMatchObject({
      languages: [
        { code: 'uz', level: 'NATIVE' },
        { code: 'ru', level: 'WORKING' },
      ],
      timeZone: 'Europe/Moscow',
    });
    expect(screen.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Moscow');
    expect(screen.getAllByRole('combobox', { name: 'Level' })[1]).toHaveValue('WORKING');
  });

  it('should add and remove contact rows, with who may see each', async () => {
    const user = userEvent.setup();
    const fake = server();
    renderPage(fake);
    await user.click(screen.getByRole('button', { name: 'Add a contact' }));
    const values = screen.getAllByRole('textbox', { name: 'Number or address' });
    expect(values).toHaveLength(2);
    await user.type(values[1], 'desk@prokuratura.example');
    await user.selectOptions(screen.getAllByRole('combobox', { name: 'Who may see it' })[1], 'COORDINATORS');
    await user.click(screen.getByRole('button', { name: 'Remove contact 1' }));
    expect(screen.getAllByRole('textbox', { name: 'Number or address' })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(fake.mutations('UpdateMyProfile')[0]?.input).toMatchObject({
      contacts: [{ kind: 'EMAIL', value: 'desk@prokuratura.example', visibility: 'COORDINATORS' }],
    });
  });

  it('should confirm the profile is current and show when', async () => {
    const user = userEvent.setup();
    renderPage(server());
    const panel = screen.getByRole('region', { name: 'Is your profile current?' });
    expect(panel).toHaveTextContent('You last confirmed it on 10 January 2025.');
    expect(panel).toHaveTextContent('more than a year ago');
    await user.click(within(panel).getByRole('button', { name: 'Confirm my profile is current' }));
    expect(within(panel).getByRole('status')).toHaveTextContent(
      'Confirmed: your profile is marked as current.',
    );
  });

  it('should say when there is no profile to edit', () => {
    render(
      <Provider
        value={
          fakeClient((operation) =>
            operation === 'MyProfileOwner'
              ? { data: { me: { id: 'admin' } } }
              : { errors: [{ extensions: { code: 'NOT_FOUND' } }] },
          ).client
        }
      >
        <EditProfilePage />
      </Provider>,
    );
    expect(screen.getByText('You have no practitioner profile to edit.')).toBeInTheDocument();
  });
});

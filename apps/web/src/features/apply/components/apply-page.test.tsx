import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18next } from '@web/i18n';
import { fakeClient, graphqlError, renderAt, type Answer } from '@web/test/fake-client';
import { ApplyPage } from './apply-page';

const NAMES = {
  en: { UZ: 'Uzbekistan', IT: 'Italy', uz: 'Uzbek', ru: 'Russian', fa: 'Persian' },
  ru: { UZ: 'Узбекистан', IT: 'Италия', uz: 'Узбекский', ru: 'Русский', fa: 'Персидский' },
} as const;

function reference(locale: 'en' | 'ru') {
  const names = NAMES[locale];
  return {
    countries: [
      { code: 'IT', name: names.IT },
      { code: 'UZ', name: names.UZ },
    ],
    languages: [
      { code: 'fa', name: names.fa },
      { code: 'ru', name: names.ru },
      { code: 'uz', name: names.uz },
    ],
    expertiseAreas: [
      {
        code: 'CHILD_TRAFFICKING',
        group: 'TRAFFICKING',
        name: locale === 'en' ? 'Child trafficking' : 'Торговля детьми',
      },
      {
        code: 'MONEY_LAUNDERING',
        group: 'FINANCIAL',
        name: locale === 'en' ? 'Money laundering' : 'Отмывание преступных доходов',
      },
    ],
    competences: [
      {
        code: 'UNTOC_MLA',
        group: 'UNTOC',
        name: locale === 'en' ? 'Mutual legal assistance' : 'Взаимная правовая помощь',
      },
    ],
  };
}

/** The apply screen at `path`, its reference lists answered; `mutation` answers the application (else it stays sent). */
function setup(mutation?: (variables: Record<string, unknown>) => Answer, path = '/apply') {
  const fake = fakeClient((operation, variables) =>
    operation === 'ApplyReference'
      ? { data: reference(variables.locale as 'en' | 'ru') }
      : (mutation?.(variables) ?? 'loading'),
  );
  renderAt(fake.client, path, [{ path: '/apply', element: <ApplyPage /> }]);
  return fake;
}

/** Types into the field labelled `label` as a paste (one input event: the form is large for jsdom). */
async function fill(label: string, text: string) {
  await userEvent.click(screen.getByLabelText(label));
  await userEvent.paste(text);
}

/** Fills every required field with valid values (English labels). */
async function fillRequired() {
  await fill('Work e-mail', '  a.karimov@prokuratura.example ');
  await fill('Password', 'correct horse battery');
  await fill('Name in Latin letters', 'Alisher Karimov');
  await userEvent.selectOptions(screen.getByLabelText('Country'), 'UZ');
  await fill('Agency', 'Prosecutor General’s Office');
  await userEvent.selectOptions(screen.getByLabelText('Type of agency'), 'PROSECUTION');
}

// Large forms in jsdom on a busy machine: more than the default 5 s.
describe(ApplyPage.name, { timeout: 20_000 }, () => {
  beforeAll(() => {
    // The real list has ~420 zones: slow to re-render in jsdom, and nothing more to learn from it here.
    vi.spyOn(Intl, 'supportedValuesOf').mockReturnValue(['Asia/Tashkent', 'Asia/Tehran', 'Europe/Rome']);
  });

  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should show every field with its label from the English catalog, grouped in fieldsets', () => {
    const { executeQuery } = setup(undefined, '/apply?code=ABCD-EFGH');
    expect(screen.getByRole('heading', { level: 1, name: 'Apply for membership' })).toBeInTheDocument();
    const account = screen.getByRole('group', { name: 'Your account' });
    expect(within(account).getByLabelText('Work e-mail')).toHaveAttribute('type', 'email');
    expect(within(account).getByLabelText('Password')).toHaveAttribute('type', 'password');
    const name = screen.getByRole('group', { name: 'Your name' });
    expect(within(name).getByLabelText('Name in Latin letters')).toBeRequired();
    expect(within(name).getByLabelText('Name in your own script (optional)')).toHaveAttribute('dir', 'auto');
    expect(within(name).getByLabelText('Other spellings of your name (optional)')).toBeInTheDocument();
    const work = screen.getByRole('group', { name: 'Your work' });
    expect(within(work).getByRole('option', { name: 'Uzbekistan' })).toBeInTheDocument();
    expect(within(work).getByLabelText('Agency')).toBeInTheDocument();
    expect(within(work).getByRole('option', { name: 'Financial intelligence unit' })).toBeInTheDocument();
    expect(within(work).getByLabelText('City (optional)')).toBeInTheDocument();
    expect(within(work).getByLabelText('Position (optional)')).toBeInTheDocument();
    expect(within(work).getByLabelText('Time zone')).toHaveValue(
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    );
    const languages = screen.getByRole('group', { name: 'Languages (optional)' });
    expect(within(languages).getByLabelText('Language')).toBeInTheDocument();
    expect(within(languages).getByRole('option', { name: 'Working knowledge' })).toBeInTheDocument();
    const expertise = screen.getByRole('group', { name: 'Expertise (optional)' });
    expect(within(expertise).getByRole('group', { name: 'Trafficking in persons' })).toBeInTheDocument();
    expect(within(expertise).getByRole('checkbox', { name: 'Child trafficking' })).not.toBeChecked();
    const competences = screen.getByRole('group', { name: 'Legal competences (optional)' });
    expect(
      within(competences).getByRole('checkbox', { name: 'Mutual legal assistance' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Invitation code (optional)')).toHaveValue('ABCD-EFGH');
    expect(screen.getByRole('button', { name: 'Send application' })).toBeInTheDocument();
    expect(executeQuery).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { locale: 'en' } }),
      expect.anything(),
    );
  });

  it('should show the labels in Russian and ask the API for the lists in Russian', async () => {
    await i18next.changeLanguage('ru');
    const { executeQuery } = setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Заявка на участие' })).toBeInTheDocument();
    expect(screen.getByLabelText('Служебная электронная почта')).toBeInTheDocument();
    expect(screen.getByLabelText('Имя латиницей')).toBeInTheDocument();
    expect(screen.getByLabelText('Имя в национальном написании (необязательно)')).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Узбекистан' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Прокуратура' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Родной' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Торговля детьми' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Правовые полномочия (необязательно)' })).toBeInTheDocument();
    expect(screen.getByText('Выбрано 0 направлений')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Торговля детьми' }));
    expect(screen.getByText('Выбрано 1 направление')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Отмывание преступных доходов' }));
    expect(screen.getByText('Выбрано 2 направления')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Отправить заявку' })).toBeInTheDocument();
    expect(executeQuery).toHaveBeenLastCalledWith(
      expect.objectContaining({ variables: { locale: 'ru' } }),
      expect.anything(),
    );
  });

  it('should ask for the lists again when the language is switched, keeping what was chosen', async () => {
    const { executeQuery } = setup();
    await userEvent.selectOptions(screen.getByLabelText('Country'), 'UZ');
    await act(() => i18next.changeLanguage('ru'));
    expect(executeQuery).toHaveBeenLastCalledWith(
      expect.objectContaining({ variables: { locale: 'ru' } }),
      expect.anything(),
    );
    expect(screen.getByLabelText('Страна')).toHaveDisplayValue('Узбекистан');
  });

  it('should check the obvious client-side, focus the first problem and list them all at the top', async () => {
    const { executeMutation } = setup();
    await fill('Password', 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Send application' }));
    expect(executeMutation).not.toHaveBeenCalled();
    const email = screen.getByLabelText('Work e-mail');
    expect(email).toHaveFocus();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(expect.stringContaining('Fill this in.'));
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      expect.stringContaining('At least 12 characters.'),
    );
    expect(screen.getByLabelText('Type of agency')).toHaveAccessibleDescription(
      'Choose the type of your agency.',
    );
    const summary = screen.getByRole('alert');
    expect(within(summary).getByText('Fix 6 problems before sending')).toBeInTheDocument();
    await userEvent.click(
      within(summary).getByRole('link', { name: 'Country: Choose a country from the list.' }),
    );
    expect(screen.getByLabelText('Country')).toHaveFocus();
    await userEvent.type(email, 'a');
    expect(email).not.toHaveAttribute('aria-invalid');
    expect(email).toHaveAccessibleDescription('You will sign in with this address.');
  });

  it('should show a BAD_USER_INPUT answer translated next to each field and focus the first one', async () => {
    const { executeMutation } = setup(() =>
      graphqlError('BAD_USER_INPUT', [
        {
          path: 'invitationCode',
          code: 'INVALID_CODE',
          message: 'The invitation code is invalid, used or expired.',
        },
        { path: 'languages.0.code', code: 'INVALID_LANGUAGE', message: 'must be an ISO 639-1 code' },
        { path: 'displayName', code: 'TOO_LONG', max: 200, message: 'displayName must be shorter' },
      ]),
    );
    await fillRequired();
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'uz');
    await userEvent.selectOptions(screen.getByLabelText('Level'), 'NATIVE');
    await fill('Invitation code (optional)', 'WXYZ');
    await userEvent.click(screen.getByRole('button', { name: 'Send application' }));
    expect(executeMutation).toHaveBeenCalledTimes(1);
    const displayName = screen.getByLabelText('Name in Latin letters');
    await waitFor(() => expect(displayName).toHaveFocus());
    expect(displayName).toHaveAccessibleDescription(expect.stringContaining('At most 200 characters.'));
    expect(screen.getByLabelText('Language')).toHaveAccessibleDescription('Choose a language from the list.');
    expect(screen.getByLabelText('Invitation code (optional)')).toHaveAccessibleDescription(
      expect.stringContaining('This invitation code is not valid'),
    );
    const summary = screen.getByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Name in Latin letters: At most 200 characters.',
      'Language 1 · Language: Choose a language from the list.',
      expect.stringContaining('Invitation code: This invitation code is not valid'),
    ]);
    expect(
      screen.queryByText(/server message|ISO 639|must be shorter|is invalid, used/),
    ).not.toBeInTheDocument();
  });

  it('should read the older map of path → messages too, in Russian', async () => {
    setup(() => graphqlError('BAD_USER_INPUT', { country: ['must be an ISO 3166-1 alpha-2 code'] }));
    await fillRequired();
    await act(() => i18next.changeLanguage('ru'));
    await userEvent.click(screen.getByRole('button', { name: 'Отправить заявку' }));
    const country = screen.getByLabelText('Страна');
    await waitFor(() => expect(country).toHaveFocus());
    expect(country).toHaveAccessibleDescription(expect.stringContaining('Выберите страну из списка.'));
    expect(within(screen.getByRole('alert')).getByText('Исправьте 1 ошибку')).toBeInTheDocument();
  });

  it('should say what went wrong, translated, when the server cannot be reached', async () => {
    setup((): Answer => ({ networkError: true }));
    await fillRequired();
    await userEvent.click(screen.getByRole('button', { name: 'Send application' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No connection to Counterpart. Check your network and try again.',
    );
  });

  it('should send every field, tidied, and then say the application was received', async () => {
    const { executeMutation } = setup(() => ({
      data: { applyForMembership: { id: 'm1', status: 'PENDING' } },
    }));
    await fillRequired();
    await fill('Name in your own script (optional)', 'Алишер Каримов');
    await fill(
      'Other spellings of your name (optional)',
      'Alisher Karimov, Karimov Alisher\nAlisher  Karimow\n\n',
    );
    await fill('City (optional)', 'Tashkent');
    await userEvent.selectOptions(screen.getByLabelText('Time zone'), 'Asia/Tashkent');
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'uz');
    await userEvent.selectOptions(screen.getByLabelText('Level'), 'NATIVE');
    await userEvent.click(screen.getByRole('button', { name: 'Add a language' }));
    const second = screen.getByRole('group', { name: 'Language 2' });
    expect(within(second).getByLabelText('Language')).toHaveFocus();
    await userEvent.selectOptions(within(second).getByLabelText('Language'), 'ru');
    await userEvent.selectOptions(within(second).getByLabelText('Level'), 'FLUENT');
    await userEvent.click(screen.getByRole('button', { name: 'Add a language' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove language 3' }));
    expect(screen.getByRole('button', { name: 'Add a language' })).toHaveFocus();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Child trafficking' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Mutual legal assistance' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send application' }));

    expect(executeMutation.mock.calls[0]?.[0].variables).toEqual({
      input: {
        email: 'a.karimov@prokuratura.example',
        password: 'correct horse battery',
        displayName: 'Alisher Karimov',
        nativeName: 'Алишер Каримов',
        nameVariants: ['Alisher Karimov', 'Karimov Alisher', 'Alisher Karimow'],
        country: 'UZ',
        agencyName: 'Prosecutor General’s Office',
        agencyType: 'PROSECUTION',
        agencyCity: 'Tashkent',
        position: null,
        timeZone: 'Asia/Tashkent',
        languages: [
          { code: 'uz', level: 'NATIVE' },
          { code: 'ru', level: 'FLUENT' },
        ],
        expertise: ['CHILD_TRAFFICKING'],
        competences: ['UNTOC_MLA'],
        invitationCode: null,
      },
    });
    const heading = await screen.findByRole('heading', { level: 1, name: 'Application received' });
    expect(heading).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Status: Pending');
    expect(screen.getByRole('heading', { level: 2, name: 'What happens next' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Sign in' }));
    expect(screen.getByText('/sign-in')).toBeInTheDocument();
  });

  it('should flag a language chosen twice on the second row', async () => {
    const { executeMutation } = setup();
    await fillRequired();
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'uz');
    await userEvent.selectOptions(screen.getByLabelText('Level'), 'NATIVE');
    await userEvent.click(screen.getByRole('button', { name: 'Add a language' }));
    const second = screen.getByRole('group', { name: 'Language 2' });
    await userEvent.selectOptions(within(second).getByLabelText('Language'), 'uz');
    await userEvent.click(screen.getByRole('button', { name: 'Send application' }));
    expect(executeMutation).not.toHaveBeenCalled();
    expect(within(second).getByLabelText('Language')).toHaveFocus();
    expect(within(second).getByLabelText('Language')).toHaveAccessibleDescription(
      'You have already chosen this language.',
    );
    expect(within(second).getByLabelText('Level')).toHaveAccessibleDescription('Choose a level.');
  });
});

import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import { fakeClient, graphqlError, renderAt, type Answer } from '@web/test/fake-client';
import { ResetPage } from './reset-page';

/** Types into the field labelled `label` as a paste (one input event). */
async function fill(label: string, text: string) {
  await userEvent.click(screen.getByLabelText(label));
  await userEvent.paste(text);
}

/** The reset screen; `mutation` answers the reset (else it stays sent). */
function setup(mutation?: (variables: Record<string, unknown>) => Answer) {
  const fake = fakeClient((_operation, variables) => mutation?.(variables) ?? 'loading');
  renderAt(fake.client, '/reset', <ResetPage />);
  return fake;
}

// Large forms in jsdom on a busy machine: more than the default 5 s.
describe(ResetPage.name, { timeout: 20_000 }, () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should refuse two different passwords before asking the server, next to the repetition', async () => {
    const { executeMutation } = setup();
    await fill('Reset code', 'K7QX-2M9D-WR4T-8HJN');
    await fill('New password', 'a long new passphrase');
    await fill('Repeat the new password', 'a long new passphrase!');
    await userEvent.click(screen.getByRole('button', { name: 'Set the new password' }));
    expect(executeMutation).not.toHaveBeenCalled();
    const repeat = screen.getByLabelText('Repeat the new password');
    expect(repeat).toHaveFocus();
    expect(repeat).toHaveAccessibleDescription('The two passwords are not the same.');
    expect(within(screen.getByRole('alert')).getByRole('link')).toHaveTextContent(
      'Repeat the new password: The two passwords are not the same.',
    );
  });

  it('should show and hide both passwords with one button', async () => {
    setup();
    await userEvent.click(screen.getByRole('button', { name: 'Show password' }));
    expect(screen.getByLabelText('New password')).toHaveAttribute('type', 'text');
    expect(screen.getByLabelText('Repeat the new password')).toHaveAttribute('type', 'text');
    await userEvent.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(screen.getByLabelText('New password')).toHaveAttribute('type', 'password');
  });

  it('should say a refused code is not valid, in Russian, next to the code, never the server message', async () => {
    await i18next.changeLanguage('ru');
    const { executeMutation } = setup(() => graphqlError('BAD_USER_INPUT', { code: ['invalid'] }));
    await fill('Код сброса', 'k7qx 2m9d wr4t 8hjn ');
    await fill('Новый пароль', 'длинная новая фраза');
    await fill('Повторите новый пароль', 'длинная новая фраза');
    await userEvent.click(screen.getByRole('button', { name: 'Задать новый пароль' }));
    expect(executeMutation.mock.calls[0]?.[0].variables).toEqual({
      input: { code: 'k7qx 2m9d wr4t 8hjn', newPassword: 'длинная новая фраза' },
    });
    const code = screen.getByLabelText('Код сброса');
    // The answer arrives after the click's promise settles (urql's toPromise): wait for it, not for a timer.
    await waitFor(() => expect(code).toHaveFocus());
    expect(code).toHaveAccessibleDescription(expect.stringContaining('Код недействителен'));
    expect(screen.getByRole('alert')).toHaveTextContent('Исправьте 1 ошибку');
    expect(screen.queryByText(/server message/)).not.toBeInTheDocument();
  });

  it('should read the new code INVALID_CODE the same way', async () => {
    setup(() => graphqlError('BAD_USER_INPUT', [{ path: 'code', code: 'INVALID_CODE' }]));
    await fill('Reset code', 'WRONG');
    await fill('New password', 'a long new passphrase');
    await fill('Repeat the new password', 'a long new passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Set the new password' }));
    expect(screen.getByLabelText('Reset code')).toHaveAccessibleDescription(
      expect.stringContaining('This code is not valid'),
    );
  });

  it('should say when there were too many attempts', async () => {
    setup(() => graphqlError('RATE_LIMITED'));
    await fill('Reset code', 'K7QX-2M9D-WR4T-8HJN');
    await fill('New password', 'a long new passphrase');
    await fill('Repeat the new password', 'a long new passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Set the new password' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. Wait a minute and try again.');
  });

  it('should say what changed and lead to sign-in after a reset', async () => {
    setup(() => ({ data: { resetAccount: true } }));
    await fill('Reset code', 'K7QX-2M9D-WR4T-8HJN');
    await fill('New password', 'a long new passphrase');
    await fill('Repeat the new password', 'a long new passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Set the new password' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your new password is set' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Two-factor authentication is off and all your sessions have ended.',
    );
    await act(() => i18next.changeLanguage('ru'));
    expect(screen.getByRole('heading', { level: 1, name: 'Новый пароль задан' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Войти' }));
    expect(screen.getByText('/sign-in')).toBeInTheDocument();
  });
});

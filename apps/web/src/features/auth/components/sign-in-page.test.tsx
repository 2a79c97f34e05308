import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18next } from '@web/i18n';
import { ApiError } from '@web/lib/api-error';
import { session } from '@web/lib/session';
import { SignInPage } from './sign-in-page';

function renderSignIn() {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/', element: <p>home</p> },
    ],
    { initialEntries: ['/sign-in'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe(SignInPage.name, () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    await i18next.changeLanguage('en');
  });

  it('should sign in with e-mail and password and go home', async () => {
    const signIn = vi
      .spyOn(session, 'signIn')
      .mockResolvedValue({ id: 'm', role: 'MEMBER', status: 'VETTED' });
    const router = renderSignIn();
    await userEvent.type(screen.getByLabelText('E-mail'), 'a@b.example');
    await userEvent.type(screen.getByLabelText('Password'), 'secret-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(signIn).toHaveBeenCalledWith(
      expect.objectContaining({ email: 'a@b.example', password: 'secret-password' }),
    );
    expect(router.state.location.pathname).toBe('/');
  });

  it('should ask for the code when the account has two-factor on, then accept a recovery code instead', async () => {
    const signIn = vi
      .spyOn(session, 'signIn')
      .mockRejectedValueOnce(new ApiError('UNAUTHENTICATED', [{ path: 'totp', code: 'REQUIRED' }]))
      .mockResolvedValueOnce({ id: 'm', role: 'COORDINATOR', status: 'VETTED' });
    renderSignIn();
    await userEvent.type(screen.getByLabelText('E-mail'), 'c@b.example');
    await userEvent.type(screen.getByLabelText('Password'), 'secret-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const totp = await screen.findByLabelText('Code from your authenticator app');
    expect(totp).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    await userEvent.type(screen.getByLabelText('Recovery code'), 'abcd-efgh');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(signIn).toHaveBeenLastCalledWith(
      expect.objectContaining({ recoveryCode: 'abcd-efgh', totp: undefined }),
    );
  });

  it('should go back from the code step to correct the e-mail, keeping what was typed', async () => {
    const signIn = vi
      .spyOn(session, 'signIn')
      .mockRejectedValueOnce(new ApiError('UNAUTHENTICATED', [{ path: 'totp', code: 'REQUIRED' }]))
      .mockResolvedValueOnce({ id: 'm', role: 'MEMBER', status: 'VETTED' });
    renderSignIn();
    await userEvent.type(screen.getByLabelText('E-mail'), 'typo@b.example');
    await userEvent.type(screen.getByLabelText('Password'), 'secret-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByLabelText('Code from your authenticator app');
    expect(screen.getByLabelText('E-mail')).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Sign in with another e-mail or password' }));
    const email = screen.getByLabelText('E-mail');
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toHaveValue('typo@b.example');
    expect(screen.queryByLabelText('Code from your authenticator app')).not.toBeInTheDocument();
    await userEvent.clear(email);
    await userEvent.type(email, 'right@b.example');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(signIn).toHaveBeenLastCalledWith(
      expect.objectContaining({ email: 'right@b.example', password: 'secret-password', totp: undefined }),
    );
  });

  it('should say the credentials are wrong, in the language chosen, without the server message', async () => {
    vi.spyOn(session, 'signIn').mockRejectedValue(new ApiError('UNAUTHENTICATED'));
    await i18next.changeLanguage('ru');
    renderSignIn();
    await userEvent.type(screen.getByLabelText('Электронная почта'), 'a@b.example');
    await userEvent.type(screen.getByLabelText('Пароль'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Войти' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Неверная электронная почта или пароль.');
  });

  it('should say the session ended when it ended while signed in, and not after an ordinary sign-out', async () => {
    const snapshot = vi
      .spyOn(session, 'getSnapshot')
      .mockReturnValue({ status: 'signed-out', reason: 'expired' });
    renderSignIn();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your session has ended. Sign in again to continue.',
    );
    cleanup();

    await i18next.changeLanguage('ru');
    renderSignIn();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Ваш сеанс завершён. Чтобы продолжить, войдите снова.',
    );
    cleanup();

    snapshot.mockReturnValue({ status: 'signed-out', reason: 'signed-out' });
    renderSignIn();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});

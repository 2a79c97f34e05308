import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '@web/i18n';
import { fakeClient, renderAt, type Resolver } from '@web/test/fake-client';
import { SessionsPage } from './sessions-page';

const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';

const session = (id: string, deviceLabel: string | null, createdAt: string, current = false) => ({
  __typename: 'Session',
  id,
  deviceLabel,
  ip: current ? '203.0.113.7' : null,
  createdAt,
  lastUsedAt: '2026-05-12T09:00:00.000Z',
  expiresAt: '2026-06-11T09:00:00.000Z',
  current,
});

/** A server with these sessions: revokeSession removes one (NOT_FOUND for an unknown id), as the API does. */
function server(initial: ReturnType<typeof session>[]) {
  let sessions = [...initial];
  const resolve: Resolver = (operation, variables) => {
    if (operation === 'AccountSessions') {
      return { data: { sessions } };
    }
    if (operation === 'AccountRevokeSession') {
      if (!sessions.some((candidate) => candidate.id === variables.id)) {
        return { errors: [{ extensions: { code: 'NOT_FOUND' } }] };
      }
      sessions = sessions.filter((candidate) => candidate.id !== variables.id);
      return { data: { revokeSession: true } };
    }
    throw new Error(`unexpected ${operation}`);
  };
  return fakeClient(resolve);
}

const headingsIn = (element: HTMLElement) =>
  within(element)
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent);

describe(SessionsPage.name, () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('should mark this browser and list the others newest first, by device name, with the full label on request', async () => {
    const { client } = server([
      session('old', CHROME_WINDOWS, '2026-04-01T08:00:00.000Z'),
      session('here', FIREFOX_LINUX, '2026-05-01T08:00:00.000Z', true),
      session('new', SAFARI_IPHONE, '2026-05-10T08:00:00.000Z'),
      session('cli', null, '2026-03-01T08:00:00.000Z'),
    ]);
    renderAt(client, '/sessions', <SessionsPage />);

    const thisBrowser = screen.getByRole('region', { name: 'This browser' });
    expect(within(thisBrowser).getByRole('heading', { level: 3 })).toHaveTextContent('Firefox on Linux');
    expect(within(thisBrowser).queryByRole('button', { name: /^Sign out/ })).not.toBeInTheDocument();
    expect(within(thisBrowser).getByRole('link', { name: 'Sign out of this browser' })).toHaveAttribute(
      'href',
      '/sign-out',
    );
    expect(within(thisBrowser).getByText('203.0.113.7')).toBeInTheDocument();

    expect(screen.getByRole('heading', { level: 2, name: '3 other sessions' })).toBeInTheDocument();
    const others = screen.getByRole('list', { name: 'Other sessions' });
    expect(headingsIn(others)).toEqual(['Safari on iOS', 'Chrome on Windows', 'Unknown device']);
    expect(within(others).getAllByText('Not recorded')).toHaveLength(3);

    await userEvent.click(within(others).getAllByText('Full device description')[0]);
    expect(within(others).getByText(SAFARI_IPHONE)).toBeVisible();
  });

  it('should ask before signing out one session, and sign out only that one', async () => {
    const { client, mutations } = server([
      session('here', FIREFOX_LINUX, '2026-05-01T08:00:00.000Z', true),
      session('old', CHROME_WINDOWS, '2026-04-01T08:00:00.000Z'),
      session('new', SAFARI_IPHONE, '2026-05-10T08:00:00.000Z'),
    ]);
    renderAt(client, '/sessions', <SessionsPage />);

    const revoke = screen.getByRole('button', { name: /^Sign out: Chrome on Windows, signed in/ });
    await userEvent.click(revoke);
    let dialog = screen.getByRole('alertdialog', { name: 'Sign out of this session?' });
    expect(dialog).toHaveAccessibleDescription(expect.stringContaining('Chrome on Windows, signed in'));
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(revoke).toHaveFocus();
    expect(mutations('AccountRevokeSession')).toEqual([]);

    await userEvent.click(revoke);
    dialog = screen.getByRole('alertdialog', { name: 'Sign out of this session?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out of the session' }));

    expect(mutations('AccountRevokeSession')).toEqual([{ id: 'old' }]);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(await screen.findByText('Signed out of Chrome on Windows.')).toHaveAttribute('role', 'status');
    expect(headingsIn(screen.getByRole('list', { name: 'Other sessions' }))).toEqual(['Safari on iOS']);
    expect(screen.getByRole('heading', { level: 2, name: '1 other session' })).toHaveFocus();
  });

  it('should close the confirmation with Escape and revoke nothing', async () => {
    const { client, mutations } = server([
      session('here', FIREFOX_LINUX, '2026-05-01T08:00:00.000Z', true),
      session('old', CHROME_WINDOWS, '2026-04-01T08:00:00.000Z'),
    ]);
    renderAt(client, '/sessions', <SessionsPage />);
    await userEvent.click(screen.getByRole('button', { name: /^Sign out: Chrome on Windows/ }));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(mutations('AccountRevokeSession')).toEqual([]);
  });

  it('should sign out everywhere else: every other session, never this one', async () => {
    const { client, mutations } = server([
      session('a', CHROME_WINDOWS, '2026-04-01T08:00:00.000Z'),
      session('here', FIREFOX_LINUX, '2026-05-01T08:00:00.000Z', true),
      session('b', SAFARI_IPHONE, '2026-05-10T08:00:00.000Z'),
      session('c', null, '2026-03-01T08:00:00.000Z'),
    ]);
    renderAt(client, '/sessions', <SessionsPage />);

    await userEvent.click(screen.getByRole('button', { name: 'Sign out everywhere else' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Sign out everywhere else?' });
    expect(dialog).toHaveAccessibleDescription(
      '3 other sessions will be signed out immediately. This browser stays signed in.',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out everywhere else' }));

    expect(
      mutations('AccountRevokeSession')
        .map(({ id }) => id)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    expect(await screen.findByText('Signed out of 3 other sessions.')).toBeInTheDocument();
    expect(screen.getByText('You are not signed in anywhere else.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign out everywhere else' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'This browser' })).toBeInTheDocument();
  });

  it('should keep the dialog open with a translated error when signing out fails', async () => {
    const { client } = fakeClient((operation) =>
      operation === 'AccountSessions'
        ? {
            data: {
              sessions: [
                session('here', FIREFOX_LINUX, '2026-05-01T08:00:00.000Z', true),
                session('old', CHROME_WINDOWS, '2026-04-01T08:00:00.000Z'),
              ],
            },
          }
        : { networkError: true },
    );
    renderAt(client, '/sessions', <SessionsPage />);
    await userEvent.click(screen.getByRole('button', { name: /^Sign out: Chrome on Windows/ }));
    const dialog = screen.getByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out of the session' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'No connection to Counterpart. Check your network and try again.',
    );
  });

  it('should speak Russian, with Russian plurals', async () => {
    await i18next.changeLanguage('ru');
    const { client } = server([
      session('here', FIREFOX_LINUX, '2026-05-01T08:00:00.000Z', true),
      ...[1, 2, 3, 4, 5].map((day) => session(`s${day}`, CHROME_WINDOWS, `2026-04-0${day}T08:00:00.000Z`)),
    ]);
    renderAt(client, '/sessions', <SessionsPage />);

    expect(screen.getByRole('heading', { level: 1, name: 'Сеансы' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Этот браузер' })).getByRole('heading', { level: 3 }),
    ).toHaveTextContent('Firefox на Linux');
    expect(screen.getByRole('heading', { level: 2, name: '5 других сеансов' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Завершить все другие сеансы' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Завершить все другие сеансы?' });
    expect(dialog).toHaveAccessibleDescription(
      '5 других сеансов завершатся сразу. В этом браузере вход сохранится.',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Завершить все другие сеансы' }));
    expect(await screen.findByText('Завершено 5 других сеансов.')).toBeInTheDocument();
    expect(screen.getByText('Больше нигде вход не выполнен.')).toBeInTheDocument();
  });
});

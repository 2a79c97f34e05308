import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18next } from '@web/i18n';
import { fakeClient, renderAt, type Resolver } from '@web/test/fake-client';
import { SecurityPage } from './security-page';

const SECRET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const OTPAUTH = `otpauth://totp/Counterpart:coordinator%40demo.example?secret=${SECRET}&issuer=Counterpart`;
const CODES = Array.from({ length: 10 }, (_, index) => `AB${index}D-EFGH-JKLM`);
const GOOD_CODE = '654321';

type Role = 'MEMBER' | 'COORDINATOR' | 'ADMIN';

/** The API as far as this screen uses it: a wrong code is BAD_USER_INPUT with a `code` field, as TotpService says. */
function server({ role = 'COORDINATOR', totpEnabled = false }: { role?: Role; totpEnabled?: boolean } = {}) {
  const resolve: Resolver = (operation, variables) => {
    switch (operation) {
      case 'AccountSecurity':
        return {
          data: {
            me: { __typename: 'Member', id: 'm1', email: 'coordinator@demo.example', role, totpEnabled },
          },
        };
      case 'AccountBeginTotpEnrollment':
        return {
          data: {
            beginTotpEnrollment: { __typename: 'TotpEnrollment', otpauthUrl: OTPAUTH, secret: SECRET },
          },
        };
      case 'AccountConfirmTotpEnrollment':
        if (variables.code === GOOD_CODE) {
          return { data: { confirmTotpEnrollment: CODES } };
        }
        // Both shapes of `fields`: the list of { path, code } and the older map of path → messages.
        return variables.code === '000000'
          ? {
              errors: [
                {
                  message: 'The code does not match. Check the time on your device.',
                  extensions: {
                    code: 'BAD_USER_INPUT',
                    fields: [{ path: 'code', code: 'INVALID_CODE', message: 'does not match' }],
                  },
                },
              ],
            }
          : {
              errors: [
                {
                  message: 'The code does not match. Check the time on your device.',
                  extensions: { code: 'BAD_USER_INPUT', fields: { code: ['invalid'] } },
                },
              ],
            };
      default:
        throw new Error(`unexpected ${operation}`);
    }
  };
  return fakeClient(resolve);
}

/** The enrollment stories type and click a lot; a loaded CI machine needs more than the default 5 s. */
const STORY = { timeout: 20_000 };

describe(SecurityPage.name, () => {
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:recovery-codes');
    URL.revokeObjectURL = vi.fn();
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await i18next.changeLanguage('en');
  });

  it(
    'should tell staff why two-factor is required, and set it up: QR code, key, wrong code, recovery codes',
    STORY,
    async () => {
      const user = userEvent.setup();
      const { client, mutations } = server();
      renderAt(client, '/security', <SecurityPage />);

      expect(
        screen.getByRole('heading', { level: 1, name: 'Two-factor authentication' }),
      ).toBeInTheDocument();
      expect(screen.getByText('Two-factor authentication is off.')).toBeInTheDocument();
      expect(
        screen.getByRole('region', { name: 'Required for coordinators and administrators' }),
      ).toHaveTextContent('Until two-factor authentication is on, Counterpart blocks these actions.');

      await user.click(screen.getByRole('button', { name: 'Set up two-factor authentication' }));

      // Step 1: the QR code (an SVG data URL in an <img>), a link for this phone, and the key in groups of four.
      const qr = await screen.findByRole('img', {
        name: 'QR code that adds Counterpart to an authenticator app',
      });
      expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
      expect(screen.getByRole('link', { name: /Open the key in your authenticator app/ })).toHaveAttribute(
        'href',
        OTPAUTH,
      );
      expect(
        screen.getByRole('heading', { level: 2, name: /Add Counterpart to your authenticator app/ }),
      ).toHaveFocus();
      const key = screen.getByRole('definition');
      expect([...key.children].map((group) => group.textContent)).toEqual([
        'ABCD',
        'EFGH',
        'IJKL',
        'MNOP',
        'QRST',
        'UVWX',
        'YZ23',
        '4567',
      ]);
      await user.click(screen.getByRole('button', { name: 'Copy the key' }));
      expect(await navigator.clipboard.readText()).toBe(SECRET);
      expect(screen.getByText('The key is copied.')).toHaveAttribute('role', 'status');

      // Step 2: a code that is not six digits never leaves; a wrong one is refused in words, on the field.
      const code = screen.getByLabelText('Six-digit code');
      await user.type(code, '12 34');
      await user.click(screen.getByRole('button', { name: 'Turn on two-factor authentication' }));
      expect(code).toHaveAccessibleDescription(
        expect.stringContaining('Enter the six digits the app shows.'),
      );
      expect(mutations('AccountConfirmTotpEnrollment')).toEqual([]);

      await user.clear(code);
      await user.type(code, '123 456');
      await user.click(screen.getByRole('button', { name: 'Turn on two-factor authentication' }));
      expect(mutations('AccountConfirmTotpEnrollment')).toEqual([{ code: '123456' }]);
      await waitFor(() => expect(code).toHaveFocus());
      expect(code).toHaveAttribute('aria-invalid', 'true');
      expect(code).toHaveAccessibleDescription(expect.stringContaining('This code does not match.'));
      expect(screen.queryByText(/Check the time on your device/)).not.toBeInTheDocument(); // the server's words

      await user.clear(code);
      await user.type(code, GOOD_CODE);
      await user.click(screen.getByRole('button', { name: 'Turn on two-factor authentication' }));

      // The recovery codes, once: all ten, copy, download, and an explicit acknowledgement before going on.
      expect(
        await screen.findByRole('heading', { level: 2, name: /Step 3 of 3.*Save your recovery codes/ }),
      ).toHaveFocus();
      expect(screen.getByText(/these 10 recovery codes let you sign in/)).toBeInTheDocument();
      const list = screen.getByRole('list', { name: 'Recovery codes' });
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual(CODES);

      await user.click(screen.getByRole('button', { name: 'Copy all codes' }));
      expect(await navigator.clipboard.readText()).toBe(CODES.join('\n'));
      expect(screen.getByText('The recovery codes are copied.')).toHaveAttribute('role', 'status');

      const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
      await user.click(screen.getByRole('button', { name: 'Download as a text file' }));
      const saved = click.mock.contexts[0] as HTMLAnchorElement | undefined;
      expect(saved?.download).toBe('counterpart-recovery-codes.txt');
      expect(saved?.href).toBe('blob:recovery-codes');
      const blob = vi.mocked(URL.createObjectURL).mock.calls[0][0] as Blob;
      expect(blob.type).toBe('text/plain;charset=utf-8');
      const text = await blob.text();
      expect(text).toContain('Counterpart recovery codes for coordinator@demo.example');
      for (const recoveryCode of CODES) {
        expect(text).toContain(recoveryCode);
      }
      expect(screen.getByText('The file counterpart-recovery-codes.txt is downloaded.')).toHaveAttribute(
        'role',
        'status',
      );

      await user.click(screen.getByRole('button', { name: 'Done' }));
      const acknowledge = screen.getByRole('checkbox', {
        name: 'I have saved these recovery codes somewhere safe',
      });
      expect(acknowledge).toHaveFocus();
      expect(acknowledge).toHaveAccessibleDescription(
        'Confirm that you have saved the codes first: they will not be shown again.',
      );
      expect(screen.getByRole('list', { name: 'Recovery codes' })).toBeInTheDocument();

      await user.click(acknowledge);
      await user.click(screen.getByRole('button', { name: 'Done' }));
      expect(screen.queryByRole('list', { name: 'Recovery codes' })).not.toBeInTheDocument();
      expect(screen.getByText('Two-factor authentication is on.')).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 2, name: 'If you lose your phone' })).toBeInTheDocument();
    },
  );

  it('should ask before leaving the recovery codes unsaved', STORY, async () => {
    const user = userEvent.setup();
    const { client } = server({ role: 'MEMBER' });
    const router = renderAt(client, '/security', <SecurityPage />);
    await user.click(screen.getByRole('button', { name: 'Set up two-factor authentication' }));
    await user.type(screen.getByLabelText('Six-digit code'), GOOD_CODE);
    await user.click(screen.getByRole('button', { name: 'Turn on two-factor authentication' }));
    await screen.findByRole('list', { name: 'Recovery codes' });

    await router.navigate('/');
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without your recovery codes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay and save the codes' }));
    expect(router.state.location.pathname).toBe('/security');
    expect(screen.getByRole('list', { name: 'Recovery codes' })).toBeInTheDocument();

    await router.navigate('/');
    await user.click(await screen.findByRole('button', { name: 'Leave anyway' }));
    expect(router.state.location.pathname).toBe('/');
  });

  it('should say when two-factor is on and how to get back in without the phone', () => {
    const { client } = server({ role: 'MEMBER', totpEnabled: true });
    renderAt(client, '/security', <SecurityPage />);
    expect(screen.getByText('Two-factor authentication is on.')).toBeInTheDocument();
    expect(
      screen.getByText(/ask your country's coordinator or an administrator for a reset code/i),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Set up two-factor authentication' }),
    ).not.toBeInTheDocument();
  });

  it('should not lecture members on the staff rule', () => {
    const { client } = server({ role: 'MEMBER' });
    renderAt(client, '/security', <SecurityPage />);
    expect(screen.queryByRole('region', { name: 'Required for coordinators and administrators' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Set up two-factor authentication' })).toBeInTheDocument();
  });

  it(
    'should speak Russian: the wrong code, ten codes with their plural, the acknowledgement',
    STORY,
    async () => {
      await i18next.changeLanguage('ru');
      const user = userEvent.setup();
      const { client } = server({ role: 'ADMIN' });
      renderAt(client, '/security', <SecurityPage />);

      expect(screen.getByRole('heading', { level: 1, name: 'Двухфакторная защита' })).toBeInTheDocument();
      expect(
        screen.getByRole('region', { name: 'Обязательно для координаторов и администраторов' }),
      ).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Настроить двухфакторную защиту' }));
      expect(
        await screen.findByRole('img', {
          name: 'QR-код для добавления Counterpart в приложение-аутентификатор',
        }),
      ).toBeInTheDocument();

      const code = screen.getByLabelText('Шестизначный код');
      await user.type(code, '000000');
      await user.click(screen.getByRole('button', { name: 'Включить двухфакторную защиту' }));
      expect(code).toHaveAccessibleDescription(expect.stringContaining('Код не подходит.'));

      await user.clear(code);
      await user.type(code, GOOD_CODE);
      await user.click(screen.getByRole('button', { name: 'Включить двухфакторную защиту' }));
      expect(await screen.findByText(/Ниже — 10 кодов восстановления/)).toBeInTheDocument();
      expect(
        within(screen.getByRole('list', { name: 'Коды восстановления' })).getAllByRole('listitem'),
      ).toHaveLength(10);
      expect(screen.getByRole('button', { name: 'Копировать все коды' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Скачать в виде текстового файла' })).toBeInTheDocument();

      await user.click(screen.getByRole('button', { name: 'Готово' }));
      expect(
        screen.getByRole('checkbox', { name: 'Коды восстановления сохранены в надёжном месте' }),
      ).toHaveFocus();
      await user.click(
        screen.getByRole('checkbox', { name: 'Коды восстановления сохранены в надёжном месте' }),
      );
      await user.click(screen.getByRole('button', { name: 'Готово' }));
      expect(screen.getByText('Двухфакторная защита включена.')).toBeInTheDocument();
    },
  );
});

import '../i18n/register';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18next } from '@web/i18n';
import { fakeClient, renderAt, type Resolver } from '@web/test/fake-client';
import { ChatContext } from '../lib/use-chat';
import { FakeChatSession } from '../testing/fake-session';
import { SafetyNumberPage } from './safety-number-page';

const PARTNER = 'partner-1';
const PATH = `/chat/conv-1/safety/${PARTNER}`;
/** 60 digits: 01234 56789 01234 … */
const DIGITS = Array.from({ length: 60 }, (_, index) => String(index % 10)).join('');
const GROUPS = DIGITS.match(/\d{5}/g)!;
const KEYS = ['key-a', 'key-b'];

const person = {
  __typename: 'Practitioner',
  id: PARTNER,
  displayName: 'Aigerim Nurlanovna',
  nativeName: null,
  country: 'KZ',
  position: 'Prosecutor',
  timeZone: 'Asia/Almaty',
  localTime: '2026-06-01T14:30:00+05:00',
  availableNow: true,
  available24x7: false,
  agency: { __typename: 'Agency', name: 'Prosecutor General’s Office' },
};

const resolve: Resolver = (operation) => {
  if (operation === 'ChatPeople') {
    return { data: { practitionersByIds: [person] } };
  }
  throw new Error(`unexpected ${operation}`);
};

function open(fake: FakeChatSession) {
  const { client } = fakeClient(resolve);
  return renderAt(client, PATH, [
    {
      path: '/chat/:conversationId/safety/:memberId',
      element: (
        <ChatContext value={fake.asSession()}>
          <SafetyNumberPage />
        </ChatContext>
      ),
    },
  ]);
}

function withNumber(trust?: 'verified' | 'unverified' | 'changed') {
  const fake = new FakeChatSession();
  fake.safetyNumbers.set(PARTNER, { digits: DIGITS, theirKeys: KEYS });
  if (trust) {
    fake.trust.set(PARTNER, trust);
  }
  return fake;
}

const compareField = () => screen.getByRole('textbox', { name: /The number Aigerim Nurlanovna reads out/ });

describe(SafetyNumberPage.name, () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    await i18next.changeLanguage('en');
  });

  it('should show the 60 digits in 12 groups of 5, their QR code and the trust state', async () => {
    open(withNumber('unverified'));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Safety number with Aigerim Nurlanovna' }),
    ).toBeInTheDocument();
    const number = await screen.findByRole('list', { name: 'Safety number, 12 groups of 5 digits' });
    expect(
      within(number)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(GROUPS);
    expect(
      screen.getByRole('img', { name: 'QR code of the safety number with Aigerim Nurlanovna' }),
    ).toBeVisible();
    expect(screen.getByText('Not verified yet')).toBeInTheDocument();
    expect(screen.getByText(/never over this chat itself/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Back to the conversation' })).toHaveAttribute(
      'href',
      '/chat/conv-1',
    );
    expect(screen.getByRole('button', { name: 'Mark Aigerim Nurlanovna as verified' })).toBeEnabled();
  });

  it('should say the numbers match when the partner’s number is pasted, spaces ignored', async () => {
    open(withNumber());
    await screen.findByRole('list', { name: /Safety number/ });

    await userEvent.click(compareField());
    await userEvent.paste(GROUPS.slice(0, 4).join(' '));
    expect(screen.getByText('Digits entered: 20 of 60.')).toBeInTheDocument();
    await userEvent.paste(` ${GROUPS.slice(4).join('  ')} `);

    const verdict = screen.getByText('The numbers match.');
    expect(verdict.closest('[aria-live="polite"]')).not.toBeNull();
    expect(compareField()).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Mark Aigerim Nurlanovna as verified' })).toBeInTheDocument();
  });

  it('should say where the numbers differ, and offer no verification while they do', async () => {
    open(withNumber());
    await screen.findByRole('list', { name: /Safety number/ });

    const wrong = `${DIGITS.slice(0, 12)}${DIGITS[12] === '9' ? '0' : '9'}${DIGITS.slice(13)}`;
    await userEvent.click(compareField());
    await userEvent.paste(wrong);

    const verdict = screen.getByText('The numbers differ, from group 3 on.');
    expect(verdict.closest('[aria-live="polite"]')).not.toBeNull();
    expect(compareField()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('button', { name: /as verified/ })).not.toBeInTheDocument();
    expect(
      screen.getByText('Marking as verified is off while the numbers you compared differ.'),
    ).toBeInTheDocument();

    await userEvent.clear(compareField());
    expect(screen.queryByText(/The numbers differ/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark Aigerim Nurlanovna as verified' })).toBeInTheDocument();
  });

  it('should refuse letters in the comparison', async () => {
    open(withNumber());
    await screen.findByRole('list', { name: /Safety number/ });
    await userEvent.type(compareField(), '0123a');
    expect(screen.getByText('Only digits and spaces can be part of a safety number.')).toBeInTheDocument();
  });

  it('should mark the contact verified with the keys the number came from, then lead back', async () => {
    const fake = withNumber('unverified');
    open(fake);

    await userEvent.click(await screen.findByRole('button', { name: 'Mark Aigerim Nurlanovna as verified' }));

    expect(fake.calls).toContainEqual(['verify', PARTNER, KEYS]);
    const done = screen.getByText('Aigerim Nurlanovna is verified.').closest('[role="status"]');
    expect(done).toHaveTextContent('If their keys change, the chat warns you');
    expect(done?.parentElement).toHaveFocus();
    expect(screen.getByText('Verified')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /as verified/ })).not.toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: '← Back to the conversation' })).toHaveLength(2);
  });

  it('should explain new keys, and say that verifying accepts them', async () => {
    const fake = withNumber('changed');
    open(fake);

    expect(await screen.findByText('Aigerim Nurlanovna has new keys')).toBeInTheDocument();
    expect(screen.getByText('Keys changed')).toBeInTheDocument();
    expect(screen.getByText(/This also accepts their new keys\./)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Mark Aigerim Nurlanovna as verified' }));

    expect(fake.calls).toContainEqual(['verify', PARTNER, KEYS]);
    expect(screen.queryByText('Aigerim Nurlanovna has new keys')).not.toBeInTheDocument();
    expect(screen.getByText('Aigerim Nurlanovna is verified.')).toBeInTheDocument();
  });

  it('should only say so when the contact is verified already', async () => {
    open(withNumber('verified'));

    expect(await screen.findByRole('heading', { name: 'Verified on this device' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /as verified/ })).not.toBeInTheDocument();
  });

  it('should offer no scan where the browser cannot read QR codes', async () => {
    open(withNumber());
    await screen.findByRole('list', { name: /Safety number/ });

    expect(screen.queryByRole('heading', { name: 'Scan their code' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Scan/ })).not.toBeInTheDocument();
  });

  it('should scan their code with the camera where the browser can, compare it and stop the camera', async () => {
    const stop = vi.fn();
    const getUserMedia = vi.fn(() => Promise.resolve({ getTracks: () => [{ stop }] }));
    vi.stubGlobal('navigator', {
      ...navigator,
      mediaDevices: {
        getUserMedia,
        enumerateDevices: () => Promise.resolve([{ kind: 'videoinput' }]),
      },
    });
    vi.stubGlobal(
      'BarcodeDetector',
      class {
        static getSupportedFormats = () => Promise.resolve(['qr_code', 'ean_13']);
        detect = () => Promise.resolve([{ rawValue: DIGITS }]);
      },
    );
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    open(withNumber());

    await userEvent.click(await screen.findByRole('button', { name: 'Scan Aigerim Nurlanovna’s code' }));

    expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'environment' }, audio: false });
    expect(await screen.findByText('The scanned code matches this safety number.')).toBeInTheDocument();
    expect(stop).toHaveBeenCalled();
    expect(screen.queryByLabelText('Camera view')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Scan again' })).toBeInTheDocument();
  });

  it('should show an error with Retry when the number cannot be worked out', async () => {
    const fake = new FakeChatSession();
    open(fake);

    expect(await screen.findByRole('alert')).toHaveTextContent('The safety number could not be worked out.');
    expect(screen.queryByRole('button', { name: /as verified/ })).not.toBeInTheDocument();

    fake.safetyNumbers.set(PARTNER, { digits: DIGITS, theirKeys: KEYS });
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('list', { name: /Safety number/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('should say so when the contact has no device yet, rather than show a meaningless number', async () => {
    const fake = new FakeChatSession();
    fake.safetyNumbers.set(PARTNER, { digits: DIGITS, theirKeys: [] });
    open(fake);

    expect(await screen.findByText(/has not set up the chat on any device yet/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /Safety number/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('should render in Russian', async () => {
    await i18next.changeLanguage('ru');
    open(withNumber('changed'));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Код безопасности: Aigerim Nurlanovna' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('list', { name: 'Код безопасности: 12 групп по 5 цифр' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Назад к чату' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Отметить как подтверждённого: Aigerim Nurlanovna' }),
    ).toBeInTheDocument();
  });
});

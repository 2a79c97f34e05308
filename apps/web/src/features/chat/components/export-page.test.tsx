import '../i18n/register';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReceivedMessage } from '@app/client';
import { i18next } from '@web/i18n';
import type { ChatConversationFragment, ChatPersonFragment } from '@web/lib/graphql/graphql';
import { fakeClient, renderAt } from '@web/test/fake-client';
import type { ConversationExport } from '../lib/export';
import { ChatContext } from '../lib/use-chat';
import { receivedMessage } from '../testing/factories';
import { FakeChatSession } from '../testing/fake-session';

const message = (seq: number, overrides: Partial<ReceivedMessage> = {}) =>
  receivedMessage(seq, overrides, 'karimi');
import { ExportPage } from './export-page';

const CONVERSATION = 'c-1';

const participant = (memberId: string, role: 'OWNER' | 'MEMBER' = 'MEMBER') => ({
  memberId,
  role,
  readSeq: 0,
  joinedAt: '2026-11-01T00:00:00.000Z',
});

const GROUP: ChatConversationFragment = {
  id: CONVERSATION,
  kind: 'GROUP',
  title: 'Case 42',
  myRole: 'OWNER',
  lastSeq: 3,
  lastActivityAt: '2026-12-01T10:03:00.000Z',
  unreadCount: 0,
  participants: [
    participant('me', 'OWNER'),
    participant('karimi'),
    participant('raza'),
    participant('rossi'),
  ],
};

const person = (id: string, displayName: string, country: string): ChatPersonFragment => ({
  id,
  displayName,
  nativeName: null,
  country,
  position: null,
  timeZone: 'UTC',
  localTime: '2026-12-01T10:00+00:00',
  availableNow: true,
  available24x7: false,
  agency: null,
});

const PEOPLE = [
  person('me', 'Giulia Romano', 'IT'),
  person('karimi', 'Ahmad Karimi', 'TJ'),
  person('raza', 'Ali Raza', 'PK'),
  person('rossi', 'Marco Rossi', 'IT'),
];

/** The fake client answering the conversation and its people. */
function client() {
  const fake = fakeClient((operation, variables) => {
    if (operation === 'ChatConversations') {
      return { data: { conversations: [GROUP] } };
    }
    if (operation === 'ChatPeople') {
      const ids = variables.ids as string[];
      return { data: { practitionersByIds: PEOPLE.filter((candidate) => ids.includes(candidate.id)) } };
    }
    throw new Error(`unexpected ${operation}`);
  });
  return fake;
}

/** A session holding the whole conversation: an informal message, a plain one, one this device cannot open. */
function sessionWithHistory() {
  const fake = new FakeChatSession('me');
  fake.threads.history(
    CONVERSATION,
    [
      message(1, { body: { text: 'The account is at Bank A.', caveat: 'INFORMAL_NOT_FOR_JUDICIAL_USE' } }),
      message(2, { senderId: 'me', body: { text: 'Thank you.' } }),
      message(3, { senderId: 'raza', body: null, problem: 'NOT_A_RECIPIENT' }),
    ],
    false,
  );
  fake.trust.set('karimi', 'verified');
  fake.trust.set('raza', 'unverified');
  fake.trust.set('rossi', 'changed');
  return fake;
}

function show(fake: FakeChatSession) {
  const { client: urql } = client();
  return renderAt(urql, `/chat/${CONVERSATION}/export`, [
    {
      path: '/chat/:conversationId/export',
      element: (
        <ChatContext value={fake.asSession()}>
          <ExportPage />
        </ChatContext>
      ),
    },
  ]);
}

describe(ExportPage.name, () => {
  beforeEach(async () => {
    await i18next.changeLanguage('en');
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await i18next.changeLanguage('en');
  });

  it('should warn that the record holds decrypted messages, and link back to the conversation', async () => {
    show(sessionWithHistory());
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Export for the record' }),
    ).toBeInTheDocument();
    expect(screen.getByText('This record contains decrypted messages.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Back to the conversation' })).toHaveAttribute(
      'href',
      `/chat/${CONVERSATION}`,
    );
  });

  it('should show every message with its sender, time, caveat and text, in order', async () => {
    show(sessionWithHistory());
    const list = (await screen.findByRole('heading', { name: 'Messages' })).closest('section')!;
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);

    expect(items[0]).toHaveTextContent('Message 1');
    expect(items[0]).toHaveTextContent('From: Ahmad Karimi');
    expect(within(items[0]).getByText(/^Informal — not for judicial use$/)).toBeInTheDocument();
    // The print-safe words, beside the badge (only one of the two shows: screen or paper).
    expect(within(items[0]).getByText('[Informal — not for judicial use]')).toBeInTheDocument();
    expect(items[0]).toHaveTextContent('The account is at Bank A.');
    const time = items[0].querySelector('time');
    expect(time).toHaveAttribute('datetime', '2026-12-01T10:01:00.000Z');
    // With the time zone.
    expect(time?.textContent).toMatch(/\d{1,2}:\d{2}:\d{2}\s\S+/);

    expect(items[1]).toHaveTextContent('From: Giulia Romano (you)');
    expect(items[1]).toHaveTextContent('Handling caveat: No caveat');
    expect(items[1]).toHaveTextContent('Thank you.');

    expect(items[2]).toHaveTextContent('From: Ali Raza');
    expect(items[2]).toHaveTextContent('This device could not open this message.');
    expect(items[2]).toHaveTextContent('this browser was set up later');
    expect(items[2]).toHaveTextContent('Handling caveat: Unknown: the message could not be opened.');
  });

  it('should give each participant’s verification as this device sees it, in plain words', async () => {
    show(sessionWithHistory());
    const section = (await screen.findByRole('heading', { name: 'Participants' })).closest('section')!;
    const rows = within(section).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Giulia Romano \(you\).*Italy.*Owner of the group.*made this record/),
      expect.stringMatching(/^Ahmad Karimi.*Tajikistan.*Verified by comparing safety numbers on this device/),
      expect.stringMatching(/^Ali Raza.*Pakistan.*Keys: Not verified$/),
      expect.stringMatching(/^Marco Rossi.*Keys changed, not confirmed/),
    ]);
  });

  it('should say who exported the conversation, from which device', async () => {
    show(sessionWithHistory());
    const term = await screen.findByText('Exported by');
    expect(term.nextElementSibling).toHaveTextContent('Giulia Romano');
    expect(screen.getByText('Device that decrypted it').nextElementSibling).toHaveTextContent('this-device');
    expect(screen.getByText('Conversation').nextElementSibling).toHaveTextContent('Case 42 (Group)');
    expect(screen.getByText('Exported on').nextElementSibling?.querySelector('time')).toBeInTheDocument();
  });

  it('should load the whole history first, page by page, showing how far it got', async () => {
    const fake = new FakeChatSession('me');
    fake.trust.set('karimi', 'verified');
    const pages = [
      [message(3)],
      [message(2)],
      [message(1, { body: { text: 'first', caveat: 'DO_NOT_DISSEMINATE' } })],
    ];
    let release: () => void = () => undefined;
    fake.loadOlder = (conversationId: string) => {
      fake.calls.push(['loadOlder', conversationId]);
      const page = pages.shift()!;
      const apply = () => fake.threads.history(conversationId, page, pages.length > 0);
      if (pages.length === 1) {
        // The second page waits: the progress shows what is in so far.
        return new Promise<void>((resolve) => {
          release = () => {
            apply();
            resolve();
          };
        });
      }
      apply();
      return Promise.resolve();
    };
    show(fake);
    expect(await screen.findByText('Loaded 1 message…')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download JSON' })).not.toBeInTheDocument();
    release();
    const list = (await screen.findByRole('heading', { name: 'Messages' })).closest('section')!;
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringContaining('first'),
      expect.stringContaining('message 2'),
      expect.stringContaining('message 3'),
    ]);
    expect(fake.calls.filter(([name]) => name === 'loadOlder')).toHaveLength(3);
    expect(within(list).getByText('3 messages')).toBeInTheDocument();
  });

  it('should say when the history did not load, and try again', async () => {
    const fake = new FakeChatSession('me');
    let failures = 1;
    fake.loadOlder = (conversationId: string) => {
      if (failures-- > 0) {
        return Promise.reject(new Error('offline'));
      }
      fake.threads.history(conversationId, [message(1)], false);
      return Promise.resolve();
    };
    show(fake);
    expect(
      await screen.findByText('The whole conversation could not be loaded, so the record is not ready.'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('message 1')).toBeInTheDocument();
  });

  it('should fail rather than wait forever when a page brings nothing', async () => {
    const fake = new FakeChatSession('me');
    show(fake);
    expect(
      await screen.findByText('The whole conversation could not be loaded, so the record is not ready.'),
    ).toBeInTheDocument();
  });

  it('should download the record as a JSON file with the caveats and verification statuses', async () => {
    let blob: Blob | undefined;
    const create = vi.fn((object: Blob | MediaSource) => {
      blob = object as Blob;
      return 'blob:record';
    });
    const revoke = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke }));
    const clicked: Array<{ href: string; download: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });

    show(sessionWithHistory());
    await userEvent.click(await screen.findByRole('button', { name: 'Download JSON' }));

    expect(create).toHaveBeenCalledOnce();
    expect(blob?.type).toBe('application/json');
    expect(clicked).toEqual([
      {
        href: 'blob:record',
        download: expect.stringMatching(/^counterpart-case-42-\d{4}-\d{2}-\d{2}\.json$/),
      },
    ]);
    const record = JSON.parse(await blob!.text()) as ConversationExport;
    expect(record).toMatchObject({
      format: 'counterpart-conversation-export',
      version: 1,
      exportedBy: { memberId: 'me', name: 'Giulia Romano', deviceId: 'this-device' },
      conversation: { id: CONVERSATION, kind: 'GROUP', title: 'Case 42' },
    });
    expect(record.messages.map((entry) => [entry.seq, entry.caveat, entry.undecryptable])).toEqual([
      [1, 'INFORMAL_NOT_FOR_JUDICIAL_USE', null],
      [2, 'NONE', null],
      [3, null, 'NOT_A_RECIPIENT'],
    ]);
    expect(record.participants.map((entry) => [entry.memberId, entry.verification])).toEqual([
      ['me', null],
      ['karimi', 'verified'],
      ['raza', 'unverified'],
      ['rossi', 'changed'],
    ]);
    expect(document.querySelector('a[download]')).toBeNull();
    await waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:record'));
  });

  it('should print the page', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    show(sessionWithHistory());
    await userEvent.click(await screen.findByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('should render in Russian', async () => {
    await i18next.changeLanguage('ru');
    show(sessionWithHistory());
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Экспорт для материалов дела' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Скачать JSON' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Распечатать' })).toBeInTheDocument();
    expect(screen.getByText('В этом документе — расшифрованные сообщения.')).toBeInTheDocument();
    expect(screen.getByText('Подтверждены сверкой кода безопасности на этом устройстве')).toBeInTheDocument();
    expect(screen.getByText('Ключи изменились и не подтверждены')).toBeInTheDocument();
    expect(screen.getByText('[Неофициально — не для использования в суде]')).toBeInTheDocument();
    expect(screen.getByText('3 сообщения')).toBeInTheDocument();
  });
});

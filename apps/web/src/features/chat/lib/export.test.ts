import { describe, expect, it } from 'vitest';
import type { TrustState } from '@app/client';
import { buildExport, exportFileName, exportJson, type ExportInput } from './export';
import type { ChatLine } from './threads';

const CONVERSATION = 'c0ffee12-3456-7890-abcd-ef0123456789';

function line(seq: number, overrides: Partial<ChatLine> = {}): ChatLine {
  return {
    id: `cm-${seq}`,
    conversationId: CONVERSATION,
    seq,
    senderId: 'them',
    sentAt: `2026-12-01T10:0${seq}:00.000Z`,
    body: { text: `message ${seq}` },
    problem: null,
    status: 'stored',
    ...overrides,
  };
}

const PEOPLE = new Map([
  [
    'me',
    { displayName: 'Giulia Romano', country: 'IT', position: 'Prosecutor', agency: { name: 'Procura' } },
  ],
  ['them', { displayName: 'Ahmad Karimi', country: 'TJ', position: null, agency: null }],
  ['other', { displayName: 'Ali Raza', country: 'PK', position: null, agency: null }],
]);

function input(overrides: Partial<ExportInput> = {}): ExportInput {
  const trust = new Map<string, TrustState>([
    ['them', 'verified'],
    ['other', 'changed'],
  ]);
  return {
    exportedAt: new Date('2026-12-02T08:30:00.000Z'),
    exporter: { memberId: 'me', deviceId: 'device-1' },
    conversation: {
      id: CONVERSATION,
      kind: 'GROUP',
      participants: [
        { memberId: 'me', role: 'OWNER', readSeq: 0, joinedAt: '2026-11-01T00:00:00.000Z' },
        { memberId: 'them', role: 'MEMBER', readSeq: 0, joinedAt: '2026-11-01T00:00:00.000Z' },
        { memberId: 'other', role: 'MEMBER', readSeq: 0, joinedAt: '2026-11-01T00:00:00.000Z' },
        { memberId: 'hidden', role: 'MEMBER', readSeq: 0, joinedAt: '2026-11-01T00:00:00.000Z' },
      ],
    },
    title: 'Case 42 / Dushanbe',
    people: PEOPLE,
    trustOf: (memberId) => trust.get(memberId),
    lines: [],
    ...overrides,
  };
}

describe(buildExport.name, () => {
  it('should mark the format and say who exported it, when and from which device', () => {
    const record = buildExport(input());
    expect(record).toMatchObject({
      format: 'counterpart-conversation-export',
      version: 1,
      exportedAt: '2026-12-02T08:30:00.000Z',
      exportedBy: { memberId: 'me', name: 'Giulia Romano', deviceId: 'device-1' },
      conversation: { id: CONVERSATION, kind: 'GROUP', title: 'Case 42 / Dushanbe' },
    });
    expect(record.notes.plaintext).toMatch(/server never had/);
    expect(record.notes.verification).toMatch(/exporting device/);
  });

  it('should keep stored lines only, in seq order', () => {
    const record = buildExport(
      input({
        lines: [
          line(3),
          line(1),
          line(2, { senderId: 'me' }),
          { ...line(4), seq: null, sentAt: null, status: 'waiting' },
          { ...line(5), seq: null, sentAt: null, status: 'refused' },
        ],
      }),
    );
    expect(record.messages.map((message) => message.seq)).toEqual([1, 2, 3]);
    expect(record.messages[1]).toMatchObject({ senderId: 'me', senderName: 'Giulia Romano' });
    expect(record.messages[0]).toMatchObject({
      sentAt: '2026-12-01T10:01:00.000Z',
      senderId: 'them',
      senderName: 'Ahmad Karimi',
      text: 'message 1',
    });
  });

  it('should give a message without a caveat NONE, and keep the caveat of one that has it', () => {
    const record = buildExport(
      input({
        lines: [line(1), line(2, { body: { text: 'informal', caveat: 'INFORMAL_NOT_FOR_JUDICIAL_USE' } })],
      }),
    );
    expect(record.messages.map((message) => message.caveat)).toEqual([
      'NONE',
      'INFORMAL_NOT_FOR_JUDICIAL_USE',
    ]);
  });

  it('should keep a message this device could not open, with the reason and no text or caveat', () => {
    const record = buildExport(
      input({
        lines: [line(1, { body: null, problem: 'NOT_A_RECIPIENT' }), line(2, { body: null, problem: null })],
      }),
    );
    expect(record.messages).toEqual([
      expect.objectContaining({ seq: 1, text: null, caveat: null, undecryptable: 'NOT_A_RECIPIENT' }),
      expect.objectContaining({ seq: 2, text: null, caveat: null, undecryptable: 'MALFORMED' }),
    ]);
  });

  it('should record what this device believed of the sender’s keys when it opened a message', () => {
    const record = buildExport(input({ lines: [line(1, { senderTrust: 'changed' }), line(2)] }));
    expect(record.messages.map((message) => message.senderKeys)).toEqual(['changed', null]);
  });

  it('should give each partner the verification this device knows, and none to the exporter', () => {
    const record = buildExport(input());
    expect(
      record.participants.map(({ memberId, verification, exporter }) => ({
        memberId,
        verification,
        exporter,
      })),
    ).toEqual([
      { memberId: 'me', verification: null, exporter: true },
      { memberId: 'them', verification: 'verified', exporter: false },
      { memberId: 'other', verification: 'changed', exporter: false },
      { memberId: 'hidden', verification: 'unknown', exporter: false },
    ]);
    expect(record.participants[0]).toMatchObject({
      name: 'Giulia Romano',
      country: 'IT',
      position: 'Prosecutor',
      agency: 'Procura',
      role: 'OWNER',
    });
    expect(record.participants[3]).toMatchObject({ name: null, country: null, role: 'MEMBER' });
  });

  it('should say unverified for a partner whose keys were seen but not compared', () => {
    const record = buildExport(input({ trustOf: () => 'unverified' }));
    expect(record.participants[1].verification).toBe('unverified');
  });
});

describe(exportFileName.name, () => {
  const named = (title: string) => exportFileName(buildExport(input({ title })));
  const SAFE = /^[a-z0-9-]+\.json$/;

  it('should make a slug of a Latin title, with the export date', () => {
    expect(named('Case 42 / Dushanbe')).toBe('counterpart-case-42-dushanbe-2026-12-02.json');
  });

  it('should strip accents and keep the name short', () => {
    const name = named(`Procura di Napoli — indagine ${'lunghissima '.repeat(10)}`);
    expect(name).toMatch(SAFE);
    expect(name).toMatch(/^counterpart-procura-di-napoli-indagine-lun/);
    expect(name.length).toBeLessThanOrEqual('counterpart-'.length + 40 + '-2026-12-02.json'.length);
    expect(named('Ñandú São Paulo')).toBe('counterpart-nandu-sao-paulo-2026-12-02.json');
  });

  it.each(['Дело Каримова', 'احمد شاه کریمی', '李明', '   ', '🙂🙂'])(
    'should fall back to the conversation id for %j',
    (title) => {
      expect(named(title)).toBe('counterpart-conversation-c0ffee12-2026-12-02.json');
    },
  );

  it('should keep what Latin there is in a mixed title', () => {
    expect(named('Дело 17 — Karimi')).toBe('counterpart-17-karimi-2026-12-02.json');
  });

  it('should be safe whatever the title holds', () => {
    for (const title of ['../../etc/passwd', 'a\\b:c*d?"e<f>g|h', 'CON', '\u0000\u202e', 'x'.repeat(500)]) {
      expect(named(title)).toMatch(SAFE);
    }
  });
});

describe(exportJson.name, () => {
  it('should pretty-print the record so that it parses back to the same', () => {
    const record = buildExport(
      input({ lines: [line(1, { body: { text: 'hi', caveat: 'DO_NOT_DISSEMINATE' } })] }),
    );
    const json = exportJson(record);
    expect(json).toContain('\n  "format": "counterpart-conversation-export",');
    expect(JSON.parse(json)).toEqual(record);
  });
});

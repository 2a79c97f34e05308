import type { ReceivedMessage } from '@app/client';

/** A message as the chat client delivers it (decrypted): seq `seq` of conversation `c-1`, from `sender`. */
export function receivedMessage(
  seq: number,
  overrides: Partial<ReceivedMessage> = {},
  sender = 'them',
): ReceivedMessage {
  return {
    conversationId: 'c-1',
    messageId: `m-${seq}`,
    seq,
    senderId: sender,
    senderDeviceId: 'd-1',
    clientMessageId: `cm-${seq}`,
    envelope: {},
    sentAt: `2026-12-01T10:0${seq % 10}:00.000Z`,
    body: { text: `message ${seq}` },
    problem: null,
    ...overrides,
  };
}

/** A practitioner as the chat's `ChatPerson` fragment reads one. */
export const chatPerson = (
  id: string,
  displayName: string,
  country: string,
  position: string,
  agency = 'Prosecutor General’s Office',
) => ({
  __typename: 'Practitioner' as const,
  id,
  displayName,
  nativeName: null,
  country,
  position,
  timeZone: 'Asia/Almaty',
  localTime: '2026-06-01T14:30:00+05:00',
  availableNow: true,
  available24x7: false,
  agency: { __typename: 'Agency' as const, name: agency },
});

/** A participant as the `ChatConversation` fragment reads one. */
export const chatParticipant = (memberId: string, role: 'OWNER' | 'MEMBER', readSeq = 0) => ({
  __typename: 'Participant' as const,
  memberId,
  role,
  readSeq,
  joinedAt: '2026-05-01T08:00:00.000Z',
});

/** A conversation as the `ChatConversation` fragment reads one (a group is called “Operation Silk Road”). */
export const chatConversation = (
  id: string,
  kind: 'GROUP' | 'DIRECT',
  myRole: 'OWNER' | 'MEMBER',
  participants: ReturnType<typeof chatParticipant>[],
  overrides: { lastSeq?: number; unreadCount?: number; lastActivityAt?: string } = {},
) => ({
  __typename: 'Conversation' as const,
  id,
  kind,
  title: kind === 'GROUP' ? 'Operation Silk Road' : null,
  myRole,
  lastSeq: 3,
  lastActivityAt: '2026-06-01T10:00:00.000Z',
  unreadCount: 0,
  participants,
  ...overrides,
});

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

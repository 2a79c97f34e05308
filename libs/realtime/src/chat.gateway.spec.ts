import type { ChatConfig } from '@app/config';
import type { AuthService, IdentityEvents } from '@app/identity';
import type {
  ConversationService,
  DeviceService,
  KeyDirectoryService,
  MessageService,
  MessagingEvents,
} from '@app/messaging';
import { ChatGateway, type ChatServer, type ChatSocket } from './chat.gateway';
import type { PresenceService } from './cluster/presence.service';
import type { ChatMetrics } from './metrics/chat-metrics';

const ME = '11111111-2222-4333-8444-555555555555';
const PARTNER = '66666666-7777-4888-8999-aaaaaaaaaaaa';
const CONVERSATION = '0B9F3A4E-2C1D-4E5F-8A7B-6C5D4E3F2A1B';
const conversation = CONVERSATION.toLowerCase();

const chat: ChatConfig = {
  embedded: true,
  path: '/socket.io',
  allowedOrigins: [],
  maxHttpBufferSize: 65_536,
  maxEnvelopeBytes: 60_000,
  typingIntervalMs: 1_000,
  rateLimit: { messages: 20, windowMs: 10_000 },
};

function setup() {
  const messages = {
    send: jest.fn<ReturnType<MessageService['send']>, Parameters<MessageService['send']>>(),
    markRead: jest.fn<ReturnType<MessageService['markRead']>, Parameters<MessageService['markRead']>>(),
    othersIn: jest.fn<ReturnType<MessageService['othersIn']>, Parameters<MessageService['othersIn']>>(),
  };
  const keyDirectory = {
    forConversation: jest.fn<
      ReturnType<KeyDirectoryService['forConversation']>,
      Parameters<KeyDirectoryService['forConversation']>
    >(),
    forMembers: jest.fn<
      ReturnType<KeyDirectoryService['forMembers']>,
      Parameters<KeyDirectoryService['forMembers']>
    >(),
  };
  const metrics = {
    errors: { inc: jest.fn() },
    messages: { inc: jest.fn() },
    ackLatency: { startTimer: jest.fn(() => jest.fn()) },
  };
  const emit = jest.fn();
  const to = jest.fn((rooms: string[]) => ({ rooms, emit }));
  const gateway = new ChatGateway(
    {} as AuthService,
    {} as IdentityEvents,
    {} as DeviceService,
    messages as unknown as MessageService,
    {} as MessagingEvents,
    metrics as unknown as ChatMetrics,
    {} as PresenceService,
    {} as ConversationService,
    keyDirectory as unknown as KeyDirectoryService,
    chat,
  );
  gateway.server = { to } as unknown as ChatServer;
  const socket = {
    id: 'socket-1',
    data: { principal: { memberId: ME, sessionId: 'session', role: 'MEMBER', deviceId: 'device' } },
  } as ChatSocket;
  return { gateway, socket, messages, keyDirectory, to, emit };
}

describe(ChatGateway.name, () => {
  it('should hand the services the ids its DTOs normalized, and send them back the same way', async () => {
    const { gateway, socket, messages, keyDirectory, to, emit } = setup();
    messages.markRead.mockResolvedValue({ readSeq: 3, changed: true, recipients: [ME, PARTNER] });
    messages.othersIn.mockResolvedValue([PARTNER]);
    keyDirectory.forConversation.mockResolvedValue([]);
    keyDirectory.forMembers.mockResolvedValue([]);

    await expect(gateway.read(socket, { conversationId: CONVERSATION, seq: 3 })).resolves.toEqual({
      ok: true,
      readSeq: 3,
    });
    expect(messages.markRead).toHaveBeenCalledWith(ME, { conversationId: conversation, seq: 3 });
    expect(to).toHaveBeenCalledWith([`member:${ME}`, `member:${PARTNER}`]);
    expect(emit).toHaveBeenCalledWith('receipt', { conversationId: conversation, memberId: ME, readSeq: 3 });

    await expect(gateway.typing(socket, { conversationId: CONVERSATION, typing: true })).resolves.toEqual({
      ok: true,
    });
    expect(messages.othersIn).toHaveBeenCalledWith(ME, conversation);
    expect(emit).toHaveBeenCalledWith('typing', { conversationId: conversation, memberId: ME, typing: true });

    await gateway.keys(socket, { conversationId: CONVERSATION });
    expect(keyDirectory.forConversation).toHaveBeenCalledWith(ME, conversation);
    await gateway.keys(socket, { memberIds: [PARTNER.toUpperCase()] });
    expect(keyDirectory.forMembers).toHaveBeenCalledWith(ME, [PARTNER]);
  });

  it('should refuse an invalid payload in its DTO, before any service sees it', async () => {
    const { gateway, socket, messages } = setup();
    const ack = await gateway.send(socket, {
      conversationId: CONVERSATION,
      clientMessageId: 'short',
      envelope: {},
    });
    expect(ack).toEqual({
      ok: false,
      error: {
        code: 'BAD_USER_INPUT',
        message: 'Some fields are invalid.',
        fields: [{ path: 'clientMessageId', code: 'INVALID_FORMAT', message: expect.any(String) }],
      },
    });
    expect(messages.send).not.toHaveBeenCalled();
  });
});

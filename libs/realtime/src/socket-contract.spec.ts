import { dirname, join } from 'node:path';
import type { Server } from 'socket.io';
import type { Socket as ClientSocket } from 'socket.io-client';
import ts from 'typescript';
import type {
  ChatRequest,
  ChatRequester,
  ClientToServerEvents,
  RequestAck,
  RequestPayload,
  RequestResult,
  ServerToClientEvents,
} from '@app/common/chat-protocol';
import type { SocketData } from './realtime.events';

/*
 * The socket contract at the type level. Every `@ts-expect-error` below must stay an error: the last test compiles
 * this file with the repository's compiler options and fails on any diagnostic, an unused `@ts-expect-error` (a wrong
 * payload that started to type-check) included. (ts-jest only transpiles here: isolatedModules.) Nothing in
 * `contract` runs.
 */

type GatewayServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type TypedClient = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

const ID = '0b9f3a4e-2c1d-4e5f-8a7b-6c5d4e3f2a1b';

/** The client half's pattern: one line per request, then a generic `request<E>` without casts. */
function requesterOf(socket: TypedClient): ChatRequester {
  return {
    'session:ping': (payload, ms) => socket.timeout(ms).emitWithAck('session:ping', payload),
    'message:send': (payload, ms) => socket.timeout(ms).emitWithAck('message:send', payload),
    sync: (payload, ms) => socket.timeout(ms).emitWithAck('sync', payload),
    'message:read': (payload, ms) => socket.timeout(ms).emitWithAck('message:read', payload),
    typing: (payload, ms) => socket.timeout(ms).emitWithAck('typing', payload),
    keys: (payload, ms) => socket.timeout(ms).emitWithAck('keys', payload),
  };
}

async function request<E extends ChatRequest>(
  requester: ChatRequester,
  event: E,
  payload: RequestPayload<E>,
): Promise<RequestResult<E>> {
  const send: ChatRequester[E] = requester[event];
  const ack = await send(payload, 5000);
  if (!ack.ok) {
    throw new Error(ack.error.message);
  }
  return ack;
}

export async function contract(server: GatewayServer, socket: TypedClient): Promise<void> {
  // The server emits only events of ServerToClientEvents, with their payloads, to any room.
  server.to(`member:${ID}`).emit('receipt', { conversationId: ID, memberId: ID, readSeq: 3 });
  server.local.to([`member:${ID}`]).emit('conversation:updated', { conversationId: ID, change: 'CREATED' });
  // @ts-expect-error an event the client does not know
  server.to(`member:${ID}`).emit('message:created', {});
  // @ts-expect-error a receipt without its readSeq
  server.to(`member:${ID}`).emit('receipt', { conversationId: ID, memberId: ID });
  // @ts-expect-error a change the contract does not name
  server.emit('conversation:updated', { conversationId: ID, change: 'RENAMED' });
  // @ts-expect-error presence says online as a boolean
  server.emit('presence', { memberId: ID, online: 'yes', lastSeenAt: null });

  // Acks: each request's `ok: true` carries its result, and refusals carry an error payload.
  const sent: RequestAck<'message:send'> = { ok: true, messageId: ID, seq: 1, sentAt: '' };
  const refused: RequestAck<'keys'> = { ok: false, error: { code: 'FORBIDDEN', message: 'No.' } };
  // @ts-expect-error a send ack without its seq
  const incomplete: RequestAck<'message:send'> = { ok: true, messageId: ID, sentAt: '' };
  // @ts-expect-error a read ack carries readSeq, not seq
  const misnamed: RequestAck<'message:read'> = { ok: true, seq: 1 };
  void [sent, refused, incomplete, misnamed];

  // The client listens to server events with typed payloads and emits requests with typed payloads.
  socket.on('message:new', (message) => void message.seq.toFixed());
  // @ts-expect-error a payload field the event does not have
  socket.on('typing', (signal) => void signal.readSeq);
  // @ts-expect-error a server event name the contract does not have
  socket.on('message:deleted', () => undefined);
  socket.emit('typing', { conversationId: ID, typing: true }, (ack) => void ack.ok);
  // @ts-expect-error typing is a boolean
  socket.emit('typing', { conversationId: ID, typing: 'yes' }, () => undefined);

  const requester = requesterOf(socket);
  const { devices } = await request(requester, 'keys', { conversationId: ID });
  const { readSeq } = await request(requester, 'message:read', { conversationId: ID, seq: 2 });
  void [devices.map((device) => device.current), readSeq.toFixed()];
  // @ts-expect-error keys names either a conversation or members, never both
  await request(requester, 'keys', { conversationId: ID, memberIds: [ID] });
  // @ts-expect-error keys names at least one of them
  await request(requester, 'keys', {});
  // @ts-expect-error message:send needs its clientMessageId
  await request(requester, 'message:send', { conversationId: ID, envelope: {} });
  // @ts-expect-error since maps ids to seqs (numbers)
  await request(requester, 'sync', { since: { [ID]: '3' } });
  // @ts-expect-error an event that is not a request
  await request(requester, 'message:new', {});
  // @ts-expect-error a result field the request does not have
  void (await request(requester, 'sync', { since: {} })).readSeq;
}

describe('socket contract', () => {
  it('should refuse wrong events, payloads and acks at compile time (and accept right ones)', () => {
    const root = join(__dirname, '../../..');
    const configFile = ts.readConfigFile(join(root, 'tsconfig.json'), (path) => ts.sys.readFile(path));
    const { options } = ts.parseJsonConfigFileContent(
      configFile.config,
      ts.sys,
      dirname(join(root, 'tsconfig.json')),
    );
    const program = ts.createProgram([__filename], { ...options, noEmit: true, incremental: false });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where =
        diagnostic.file && diagnostic.start !== undefined
          ? `line ${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1}: `
          : '';
      return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  }, 60_000); // one compile of this file and what it imports: a few seconds, longer on a busy machine
});

import { io, type Socket } from 'socket.io-client';
import { ChatClient, type ChatClientOptions, type ReceivedMessage } from '@app/client';
import {
  publicKeysOf,
  sealEnvelope,
  TweetnaclDeviceSecrets,
  type DeviceKeyPairs,
  type EnvelopeV1,
  type MessageBody,
} from '@app/crypto';
import type { MemberEntity } from '@app/identity';
import { createDevice } from '../factories/device.factory';
import { createMember } from '../factories/member.factory';
import type { TestApp } from './create-test-app';
import { openSession } from './sessions';

export interface ChatUser {
  member: MemberEntity;
  token: string;
  deviceId: string;
  /** The device's private keys (the server has only the public halves). */
  keys: DeviceKeyPairs;
  /** A real envelope v1 from this user's device, readable by the given users' devices (for raw frames). */
  seal(
    conversationId: string,
    clientMessageId: string,
    body: MessageBody | string,
    readers: ChatUser[],
  ): Promise<EnvelopeV1>;
  /** A typed client (not connected yet); closed by `closeAll`. */
  client(options?: Partial<ChatClientOptions>): ChatClient;
  /** A bare socket.io client with this user's handshake (for frames the typed client never sends). */
  raw(options?: Parameters<typeof io>[1]): Promise<Socket>;
}

/** A vetted member with a session and a registered device, ready to chat on the test app. */
export async function chatUser(api: TestApp, opened: { close(): void }[], member?: Partial<MemberEntity>) {
  const created = await createMember(api.dataSource, member);
  const { accessToken } = await openSession(api.dataSource, created, api.config.auth);
  const device = await createDevice(api.dataSource, created.id);
  const user: ChatUser = {
    member: created,
    token: accessToken,
    deviceId: device.id,
    keys: device.keys,
    seal: (conversationId, clientMessageId, body, readers) =>
      sealEnvelope({
        conversationId,
        clientMessageId,
        senderDeviceId: device.id,
        secrets: new TweetnaclDeviceSecrets(device.keys),
        recipients: readers.map((reader) => ({
          deviceId: reader.deviceId,
          encryptionKey: publicKeysOf(reader.keys).encryptionKey,
        })),
        body: typeof body === 'string' ? { text: body } : body,
      }),
    client: (options = {}) => {
      const client = new ChatClient({
        url: api.url,
        token: accessToken,
        deviceId: device.id,
        secrets: new TweetnaclDeviceSecrets(device.keys),
        ackTimeoutMs: 2000,
        retryDelayMs: 50,
        socket: { reconnection: false },
        ...options,
      });
      opened.push(client);
      return client;
    },
    raw: async (options = {}) => {
      const socket = io(api.url, {
        path: '/socket.io',
        transports: ['websocket'],
        reconnection: false,
        auth: { token: accessToken, deviceId: device.id },
        ...options,
      });
      opened.push({ close: () => socket.close() });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      return socket;
    },
  };
  return user;
}

/** The texts of decrypted messages (undecryptable ones as `!PROBLEM`). */
export const textsOf = (messages: ReceivedMessage[]): string[] =>
  messages.map((message) => message.body?.text ?? `!${message.problem}`);

/** Collects a client's messages; `until(n)` waits for at least n of them. */
export function inbox(client: ChatClient): {
  messages: ReceivedMessage[];
  until(count: number, ms?: number): Promise<void>;
} {
  const messages: ReceivedMessage[] = [];
  const waiters: (() => void)[] = [];
  client.on('message', (message) => {
    messages.push(message);
    waiters.splice(0).forEach((wake) => wake());
  });
  return {
    messages,
    async until(count, ms = 5000) {
      const deadline = Date.now() + ms;
      while (messages.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} messages, got ${messages.length}`);
        }
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

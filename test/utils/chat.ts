import { io, type Socket } from 'socket.io-client';
import { ChatClient, type ChatClientOptions, type ChatMessage } from '@app/client';
import type { MemberEntity } from '@app/identity';
import { createDevice } from '../factories/device.factory';
import { createMember } from '../factories/member.factory';
import type { TestApp } from './create-test-app';
import { openSession } from './sessions';

export interface ChatUser {
  member: MemberEntity;
  token: string;
  deviceId: string;
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
    client: (options = {}) => {
      const client = new ChatClient({
        url: api.url,
        token: accessToken,
        deviceId: device.id,
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

/** Collects a client's messages; `until(n)` waits for at least n of them. */
export function inbox(client: ChatClient): {
  messages: ChatMessage[];
  until(count: number, ms?: number): Promise<void>;
} {
  const messages: ChatMessage[] = [];
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

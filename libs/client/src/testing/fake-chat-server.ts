import {
  generateDeviceKeys,
  openEnvelope,
  registrationOf,
  SharedKeyCache,
  tweetnaclVerifier,
  TweetnaclDeviceSecrets,
  type DeviceKeyPairs,
  type EnvelopeV1,
  type MessageBody,
} from '@app/crypto';
import type {
  ChatMessage,
  ChatRequest,
  DeviceKeys,
  RequestPayload,
  RequestResult,
  MessageSendPayload,
} from '@app/common/chat-protocol';
import { ErrorCode, type ErrorPayload } from '@app/common/error-codes';
import { ContactTrust } from '../contact-trust';
import { KeyDirectory } from '../key-directory';
import { ChatError } from '../transport';

const randomUUID = () => globalThis.crypto.randomUUID();

/** A device of the fake server: its raw keys (to open what was sealed for it) and what `keys` lists. */
export interface FakeDevice {
  keys: DeviceKeyPairs;
  secrets: TweetnaclDeviceSecrets;
  listed: DeviceKeys;
}

export function fakeDevice(memberId: string = randomUUID()): FakeDevice {
  const keys = generateDeviceKeys();
  const registration = registrationOf(keys);
  return {
    keys,
    secrets: new TweetnaclDeviceSecrets(keys),
    listed: {
      deviceId: randomUUID(),
      memberId,
      identityKey: registration.identityKey,
      encryptionKey: registration.encryptionKey,
      keySignature: registration.keySignature,
      revoked: false,
      current: true,
    },
  };
}

/**
 * The server side of the chat protocol for unit tests of the client's parts: `keys` lists the conversation's
 * devices, `message:send` stores a message once per clientMessageId (a retry gets the first ack, as the real server
 * does); `connected` false makes every request time out; `refuse` queues refusals for the next sends.
 */
export class FakeChatServer {
  connected = true;
  readonly ackTimeoutMs = 50;
  devices: FakeDevice[] = [];
  /** Every `message:send` that reached the server, retries included. */
  readonly sends: MessageSendPayload[] = [];
  readonly refusals: ErrorPayload[] = [];
  private readonly stored = new Map<string, { messageId: string; seq: number; sentAt: string }>();
  keyLookups = 0;
  /** What `sync` answers: every message after the cursors it is given, this many per page. */
  readonly history: ChatMessage[] = [];
  syncPageSize = 2;
  readonly syncRequests: Array<Record<string, number>> = [];

  constructor(readonly conversationId: string = randomUUID()) {}

  /** Queues a refusal of the next send. */
  refuse(code: ErrorCode, fields?: ErrorPayload['fields']): void {
    this.refusals.push({ code, message: `refused: ${code}`, fields });
  }

  request<E extends ChatRequest>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>> {
    if (!this.connected) {
      return Promise.reject(
        new ChatError({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: `${event}: no answer in time` }),
      );
    }
    return Promise.resolve(this.answer(event, payload) as RequestResult<E>);
  }

  /** The messages stored, in seq order, by clientMessageId. */
  get storedIds(): string[] {
    return [...this.stored.keys()];
  }

  private answer(event: ChatRequest, payload: unknown): unknown {
    if (event === 'keys') {
      this.keyLookups += 1;
      return { ok: true, devices: this.devices.map((device) => device.listed) };
    }
    if (event === 'sync') {
      const since = (payload as { since: Record<string, number> }).since;
      this.syncRequests.push({ ...since });
      const after = this.history.filter((message) => message.seq > (since[message.conversationId] ?? 0));
      return {
        ok: true,
        messages: after.slice(0, this.syncPageSize),
        hasMore: after.length > this.syncPageSize,
      };
    }
    if (event !== 'message:send') {
      throw new Error(`the fake server does not answer ${event}`);
    }
    const send = payload as MessageSendPayload;
    this.sends.push(send);
    const refusal = this.refusals.shift();
    if (refusal) {
      throw new ChatError(refusal);
    }
    let stored = this.stored.get(send.clientMessageId);
    if (!stored) {
      stored = { messageId: randomUUID(), seq: this.stored.size + 1, sentAt: new Date().toISOString() };
      this.stored.set(send.clientMessageId, stored);
    }
    return { ok: true, ...stored };
  }
}

/** The key directory of `me` on the fake server, verifying with tweetnacl. */
export function directoryOf(
  server: FakeChatServer,
  me: FakeDevice,
  trust = new ContactTrust(),
): KeyDirectory {
  return new KeyDirectory(
    server,
    trust,
    { deviceId: me.listed.deviceId, publicKeys: me.secrets.publicKeys },
    () => Promise.resolve(tweetnaclVerifier),
  );
}

/** Opens an envelope as the given device would (verified against the sender's keys). */
export async function openAs(
  reader: FakeDevice,
  sender: { deviceId: string; identityKey: string; encryptionKey: string },
  envelope: EnvelopeV1,
): Promise<MessageBody> {
  return openEnvelope(envelope, {
    conversationId: envelope.conversationId,
    clientMessageId: envelope.clientMessageId,
    sender,
    deviceId: reader.listed.deviceId,
    secrets: reader.secrets,
    sharedKeys: new SharedKeyCache(reader.secrets),
    verifier: tweetnaclVerifier,
  });
}

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { ChatClient, type ReceivedMessage } from '@app/client';
import {
  generateDeviceKeys,
  registrationOf,
  TweetnaclDeviceSecrets,
  WebCryptoDeviceSecrets,
  type DeviceKeyPairs,
  type DeviceSecrets,
  type Ed25519Verifier,
  type EnvelopeV1,
  type MessageBody,
  type PublicDeviceKeys,
  type RecipientDevice,
  type ScryptCost,
  type SerializedDeviceKeys,
} from '@app/crypto';
import type { StoredRecord } from '../client-lib/harness';
import { HARNESS_BASE, HARNESS_OUT_DIR } from '../client-lib/paths';
import type { Account } from './api';
import { serverUrl } from './context';
import { expect, test as base } from './fixtures';

const HARNESS_DIST = resolve(__dirname, '../../../..', HARNESS_OUT_DIR);

/**
 * How long a send waits for its ack before it is sent again: long, so that on a loaded machine a slow ack is not
 * resent — the tests count what leaves a page.
 */
const ACK_TIMEOUT_MS = 20_000;

const REGISTER_DEVICE =
  'mutation Register($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }';

/** The two implementations of a device's key operations. */
export const SECRETS_KINDS = ['tweetnacl', 'webcrypto'] as const;
export type SecretsKind = (typeof SECRETS_KINDS)[number];

/** Raw key pairs behind either implementation (in Node). */
export function secretsOf(kind: SecretsKind, keys: DeviceKeyPairs): Promise<DeviceSecrets> {
  return kind === 'tweetnacl'
    ? Promise.resolve(new TweetnaclDeviceSecrets(keys))
    : WebCryptoDeviceSecrets.fromRawKeys(keys);
}

/** A vetted member with an access token. */
export interface ChatMember extends Account {
  token: string;
}

/** A member's device in the test process (tweetnacl keys, registered through GraphQL) and its connected client. */
export interface NodeDevice {
  member: ChatMember;
  deviceId: string;
  client: ChatClient;
  /** Every `message` event of the client, in order. */
  received: ReceivedMessage[];
}

interface ChatKit {
  /** Opens the harness page (see `openHarness`); an uncaught error in it fails the test. */
  harness(page: Page): Promise<void>;
  member(label: string): Promise<ChatMember>;
  /** A new member with a device in this process, its client connected (closed after the test). */
  nodeDevice(label: string, options?: { verifier?: Ed25519Verifier }): Promise<NodeDevice>;
  /** The direct conversation of `from` with the member `withId`. */
  directConversation(from: ChatMember, withId: string): Promise<string>;
  /** What the server stored in a conversation, oldest first (GraphQL history). */
  storedMessages(
    reader: ChatMember,
    conversationId: string,
  ): Promise<{ clientMessageId: string; senderDeviceId: string; seq: number }[]>;
}

/**
 * Opens the harness (apps/web/e2e/client-lib: the built libs on `window.clientLib`) on the API's own origin, served
 * from dist/client-lib-harness: a secure context (IndexedDB, Web Locks, WebCrypto), whose socket and GraphQL requests
 * are same-origin. The route stays for reloads of the page.
 */
async function openHarness(page: Page): Promise<void> {
  if (!existsSync(join(HARNESS_DIST, 'index.html'))) {
    throw new Error('Build the harness first: npm run -s web:build:harness');
  }
  const origin = serverUrl();
  // A response Playwright fulfils has no IP address: Chromium's Local Network Access checks would take the page for a
  // public one and block its WebSocket to 127.0.0.1 (fetch passes). The page served by the API itself needs no grant.
  await page.context().grantPermissions(['local-network-access'], { origin });
  await page.route(`${origin}${HARNESS_BASE}**`, (route) =>
    route.fulfill({
      path: join(HARNESS_DIST, new URL(route.request().url()).pathname.slice(HARNESS_BASE.length)),
    }),
  );
  await page.goto(`${origin}${HARNESS_BASE}index.html`);
  expect(await page.evaluate(() => typeof window.clientLib)).toBe('object');
}

export const test = base.extend<{ chat: ChatKit }>({
  chat: async ({ api }, provide) => {
    const clients: ChatClient[] = [];
    const pageErrors: string[] = [];
    const member = async (label: string): Promise<ChatMember> => {
      const account = await api.member(label);
      const session = await api.signIn(account.email, account.password);
      return { ...account, token: session.accessToken };
    };
    await provide({
      async harness(page) {
        page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
        await openHarness(page);
      },
      member,
      async nodeDevice(label, options = {}) {
        const owner = await member(label);
        const keys = generateDeviceKeys();
        const registered = await api.graphql<{ registerDevice: { id: string } }>(
          owner.token,
          REGISTER_DEVICE,
          {
            input: { ...registrationOf(keys), name: 'Node (client-lib browser test)' },
          },
        );
        const client = new ChatClient({
          url: serverUrl(),
          token: owner.token,
          deviceId: registered.registerDevice.id,
          secrets: new TweetnaclDeviceSecrets(keys),
          verifier: options.verifier,
          ackTimeoutMs: ACK_TIMEOUT_MS,
        });
        clients.push(client);
        const received: ReceivedMessage[] = [];
        client.on('message', (message) => received.push(message));
        await client.connect();
        return { member: owner, deviceId: registered.registerDevice.id, client, received };
      },
      async directConversation(from, withId) {
        const started = await api.graphql<{ startDirectConversation: { id: string } }>(
          from.token,
          'mutation Start($memberId: ID!) { startDirectConversation(memberId: $memberId) { id } }',
          { memberId: withId },
        );
        return started.startDirectConversation.id;
      },
      async storedMessages(reader, conversationId) {
        const history = await api.graphql<{
          messages: { messages: { clientMessageId: string; senderDeviceId: string; seq: number }[] };
        }>(
          reader.token,
          'query History($conversationId: ID!) { messages(conversationId: $conversationId) { messages { clientMessageId senderDeviceId seq } } }',
          { conversationId },
        );
        return history.messages.messages;
      },
    });
    clients.forEach((client) => client.close());
    expect(pageErrors, 'uncaught errors in the harness pages').toEqual([]);
  },
});

export { expect };

// --- In the page (window.clientLib, apps/web/e2e/client-lib/harness.ts) --------------------------------------------

/** Seals in the page with raw keys behind the `kind` implementation. */
export function sealInPage(
  page: Page,
  input: {
    kind: SecretsKind;
    keys: SerializedDeviceKeys;
    conversationId: string;
    clientMessageId: string;
    senderDeviceId: string;
    recipients: RecipientDevice[];
    body: MessageBody;
  },
): Promise<EnvelopeV1> {
  return page.evaluate(async ({ kind, keys, ...rest }) => {
    const lib = window.clientLib.crypto;
    const raw = lib.deserializeDeviceKeys(keys);
    const secrets =
      kind === 'tweetnacl'
        ? new lib.TweetnaclDeviceSecrets(raw)
        : await lib.WebCryptoDeviceSecrets.fromRawKeys(raw);
    return lib.sealEnvelope({ ...rest, secrets });
  }, input);
}

/**
 * Opens in the page as the reader (raw keys behind `kind`), with Chromium's default verifier and with tweetnacl's:
 * the verifiers' names and, for each, the body or the envelope problem.
 */
export function openInPage(
  page: Page,
  envelope: EnvelopeV1,
  input: {
    kind: SecretsKind;
    keys: SerializedDeviceKeys;
    conversationId: string;
    clientMessageId: string;
    sender: { deviceId: string } & PublicDeviceKeys;
    deviceId: string;
  },
): Promise<{ verifier: string; body: MessageBody | null; problem: string | null }[]> {
  return page.evaluate(
    async ({ envelope, input: { kind, keys, ...context } }) => {
      const lib = window.clientLib.crypto;
      const raw = lib.deserializeDeviceKeys(keys);
      const secrets =
        kind === 'tweetnacl'
          ? new lib.TweetnaclDeviceSecrets(raw)
          : await lib.WebCryptoDeviceSecrets.fromRawKeys(raw);
      const results = [];
      for (const verifier of [await lib.defaultEd25519Verifier(), lib.tweetnaclVerifier]) {
        try {
          const body = await lib.openEnvelope(envelope, { ...context, secrets, verifier });
          results.push({ verifier: verifier.name, body, problem: null });
        } catch (error) {
          const problem = error instanceof lib.EnvelopeError ? error.problem : String(error);
          results.push({ verifier: verifier.name, body: null, problem });
        }
      }
      return results;
    },
    { envelope, input },
  );
}

/** What a page tells of the device vault it opened. */
export interface VaultReport {
  database: string;
  state: string;
  protected: boolean;
  publicKeys: PublicDeviceKeys;
  deviceId: string | null;
  /** Of both private keys: whether WebCrypto calls them extractable. */
  extractable: boolean[];
  /** Every export tried of both private keys: `<key> <format>: exported` or the error's name. */
  exports: string[];
  /** base64 signature of `challenge` by the identity key (the keys are usable). */
  signature: string;
}

/**
 * Opens the member's device vault in the page (created on first use) and keeps it in the tab; tries to export both
 * private keys in every format, and signs `challenge` with the identity key.
 */
export function openVaultInPage(
  page: Page,
  memberId: string,
  options: { passphrase?: string; scrypt?: ScryptCost } = {},
  challenge = 'challenge',
): Promise<VaultReport> {
  return page.evaluate(
    async ({ memberId, options, challenge }) => {
      const { browser, crypto: lib, tab } = window.clientLib;
      const vault = await browser.BrowserDeviceVault.open(memberId, options);
      tab.vault = vault;
      const { identity, encryption } = vault.secrets.keys;
      const exports: string[] = [];
      for (const [name, key] of [
        ['identity', identity.privateKey],
        ['encryption', encryption.privateKey],
      ] as const) {
        for (const format of ['pkcs8', 'jwk', 'raw'] as const) {
          exports.push(
            await crypto.subtle.exportKey(format, key).then(
              () => `${name} ${format}: exported`,
              (error: Error) => `${name} ${format}: ${error.name}`,
            ),
          );
        }
      }
      return {
        database: browser.deviceDatabaseName(memberId),
        state: await browser.BrowserDeviceVault.state(memberId),
        protected: vault.protected,
        publicKeys: vault.publicKeys,
        deviceId: vault.deviceId,
        extractable: [identity.privateKey.extractable, encryption.privateKey.extractable],
        exports,
        signature: lib.toBase64(await vault.secrets.sign(lib.utf8(challenge))),
      };
    },
    { memberId, options, challenge },
  );
}

/** The name of the error `BrowserDeviceVault.open` rejects with, or null when it opens. */
export function vaultOpenError(
  page: Page,
  memberId: string,
  options: { passphrase?: string } = {},
): Promise<string | null> {
  return page.evaluate(
    ({ memberId, options }) =>
      window.clientLib.browser.BrowserDeviceVault.open(memberId, options).then(
        (vault) => {
          vault.close();
          return null;
        },
        (error: Error) => error.name,
      ),
    { memberId, options },
  );
}

/** Registers the page's vault as a device of the member (GraphQL from the page); the vault keeps the id. */
export function registerBrowserDevice(page: Page, token: string): Promise<string> {
  return page.evaluate(
    async ({ token, query }) => {
      const vault = window.clientLib.tab.vault;
      if (!vault) {
        throw new Error('no vault opened in this page');
      }
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query,
          variables: {
            input: { ...(await vault.registration()), name: 'Chromium (client-lib browser test)' },
          },
        }),
      });
      const answer = (await response.json()) as {
        data?: { registerDevice: { id: string } };
        errors?: unknown;
      };
      if (!answer.data) {
        throw new Error(`registerDevice: ${JSON.stringify(answer.errors)}`);
      }
      await vault.setDeviceId(answer.data.registerDevice.id);
      return answer.data.registerDevice.id;
    },
    { token, query: REGISTER_DEVICE },
  );
}

/**
 * A ChatClient on the page's vault (its keys, trust, IndexedDB outbox and Web Locks lock) with the runtime's default
 * verifier, its events recorded in the tab; connected unless told otherwise. Resolves with the verifier's name.
 */
export function startBrowserClient(
  page: Page,
  token: string,
  { connect = true }: { connect?: boolean } = {},
): Promise<string> {
  return page.evaluate(
    async ({ token, connect, ackTimeoutMs }) => {
      const { client: lib, crypto: cryptoLib, tab } = window.clientLib;
      const vault = tab.vault;
      if (!vault?.deviceId) {
        throw new Error('no registered vault in this page');
      }
      const client = new lib.ChatClient({
        url: location.origin,
        token,
        deviceId: vault.deviceId,
        secrets: vault.secrets,
        trust: vault.trust,
        outbox: vault.outbox,
        outboxLock: vault.outboxLock,
        ackTimeoutMs,
      });
      client.on('message', (message) => tab.received.push(message));
      client.on('queued', ({ clientMessageId }) => tab.outbox.push({ event: 'queued', clientMessageId }));
      client.on('sent', ({ clientMessageId }) => tab.outbox.push({ event: 'sent', clientMessageId }));
      client.on('rejected', ({ clientMessageId }) => tab.outbox.push({ event: 'rejected', clientMessageId }));
      tab.client = client;
      if (connect) {
        await client.connect();
      }
      return (await cryptoLib.defaultEd25519Verifier()).name;
    },
    { token, connect, ackTimeoutMs: ACK_TIMEOUT_MS },
  );
}

/** Whether the page's client has a connected socket. */
export function connectedInPage(page: Page): Promise<boolean | undefined> {
  return page.evaluate(() => window.clientLib.tab.client?.connected);
}

/** Takes the context offline and waits until every page's client has lost its socket. */
export async function goOffline(context: BrowserContext, pages: Page[]): Promise<void> {
  await context.setOffline(true);
  for (const page of pages) {
    await expect.poll(() => connectedInPage(page)).toBe(false);
  }
}

/**
 * Sends `text` from the page's client while it has no socket; resolves with the clientMessageId once the message is
 * `queued` (sealed and in the store). The send itself settles later, or never in this page (a reload): the tests
 * follow the outbox's events and the partner's inbox, not this promise.
 */
export function queueInPage(page: Page, conversationId: string, text: string): Promise<string> {
  return page.evaluate(
    ({ conversationId, text }) =>
      new Promise<string>((resolve, reject) => {
        const client = window.clientLib.tab.client;
        if (!client || client.connected) {
          reject(new Error('queueInPage wants a client without a socket'));
          return;
        }
        const stop = client.on('queued', (queued) => {
          stop();
          resolve(queued.clientMessageId);
        });
        client.send(conversationId, { text }).catch(() => undefined);
      }),
    { conversationId, text },
  );
}

/** Sends from the page's client (connected) and waits for the server's ack. */
export function sendInPage(page: Page, conversationId: string, text: string): Promise<{ seq: number }> {
  return page.evaluate(
    async ({ conversationId, text }) => {
      const client = window.clientLib.tab.client;
      if (!client) {
        throw new Error('no client in this page');
      }
      const ack = await client.send(conversationId, { text });
      return { seq: ack.seq };
    },
    { conversationId, text },
  );
}

/** What the page's client has waiting, bodies read back from the sealed records. */
export function pendingInPage(page: Page): Promise<{ clientMessageId: string; text: string }[]> {
  return page.evaluate(async () => {
    const client = window.clientLib.tab.client;
    if (!client) {
      throw new Error('no client in this page');
    }
    return (await client.pendingMessages()).map(({ clientMessageId, body }) => ({
      clientMessageId,
      text: body.text,
    }));
  });
}

/** The page's state: its client's pending count, outbox events and received messages (text or problem). */
export function tabInPage(page: Page) {
  return page.evaluate(() => {
    const { tab } = window.clientLib;
    return {
      pending: tab.client?.pending ?? 0,
      outbox: tab.outbox,
      received: tab.received.map((message) => ({
        clientMessageId: message.clientMessageId,
        senderDeviceId: message.senderDeviceId,
        text: message.body?.text ?? null,
        problem: message.problem,
      })),
    };
  });
}

/** Every IndexedDB record of the page's origin, as leaves (harness.ts `storedRecords`). */
export function storedRecordsInPage(page: Page): Promise<StoredRecord[]> {
  return page.evaluate(() => window.clientLib.storedRecords());
}

declare global {
  interface Window {
    /** Frames carrying `message:send` that left the page's WebSockets (`recordMessageSendFrames`). */
    messageSendFrames?: string[];
  }
}

/** Init script: keeps every WebSocket text frame of the page that carries a `message:send` event. */
export function recordMessageSendFrames(): void {
  const frames: string[] = [];
  window.messageSendFrames = frames;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
    if (typeof data === 'string' && data.includes('"message:send"')) {
      frames.push(data);
    }
    send.call(this, data);
  };
}

export function messageSendFrames(page: Page): Promise<string[]> {
  return page.evaluate(() => window.messageSendFrames ?? []);
}

import {
  ChatClient,
  ChatError,
  newClientMessageId,
  SafetyNumberChangedError,
  type ReceivedMessage,
  type SendAck,
  type TrustState,
} from '@app/client';
import { BrowserDeviceVault, PassphraseRequiredError, type CachedMessage } from '@app/client/browser';
import { WrongPassphraseError, type HandlingCaveat, type MessageBody } from '@app/crypto';
import type { AnyVariables, Client, TypedDocumentNode } from 'urql';
import { ApiError, resultError } from '@web/lib/api-error';
import {
  ChatDevicesDocument,
  ChatHistoryDocument,
  ChatRegisterDeviceDocument,
  ChatRevokeDeviceDocument,
} from '@web/lib/graphql/graphql';
import { MessageSearch } from './message-search';
import { setUpThisDevice, type DeviceRegistrationInput, type DeviceRegistry } from './this-device';
import { Threads, type ChatLine } from './threads';

/** Where this browser's chat stands for the signed-in member. */
export type ChatPhase =
  /** Reading this browser's storage. */
  | { phase: 'starting' }
  /** No IndexedDB or WebCrypto here (a private window, an old browser): no keys can be kept. */
  | { phase: 'unsupported' }
  /** No device in this browser yet (or it was wiped): the member names it, and may protect it with a passphrase. */
  | { phase: 'setup'; revoked: boolean }
  /** The keys are under a passphrase. */
  | { phase: 'passphrase' }
  /** Opening the socket and catching up. */
  | { phase: 'connecting' }
  | { phase: 'ready' }
  /** Idle too long: hidden until the member re-authenticates (passphrase, or the account password). */
  | { phase: 'locked'; protectedKeys: boolean }
  | { phase: 'failed'; code: string };

export interface ChatState {
  phase: ChatPhase;
  /** The socket is up (messages leave at once); false: they wait in the outbox. */
  online: boolean;
  deviceId: string | null;
  /** Bumped when trust, presence, typing or receipts change (what the screens read from here). */
  version: number;
}

export interface Presence {
  online: boolean;
  lastSeenAt: string | null;
}

/** What a session needs of the page: its GraphQL client and the access token (refreshed when needed). */
export interface ChatSessionDeps {
  graphql: Client;
  token: () => Promise<string | null>;
  origin: string;
}

const HISTORY_PAGE = 100;
const TYPING_SHOWN_MS = 6000;
/** Messages decrypted within this long are sealed into the device's cache together, in one transaction. */
const CACHE_BATCH_MS = 50;

/** What the sealed cache keeps of a message this device opened or sent; nothing of one it could not open. */
function cacheable(message: {
  conversationId: string;
  seq: number | null;
  senderId: string;
  sentAt: string | null;
  body: MessageBody | null;
}): CachedMessage[] {
  const { conversationId, seq, senderId, sentAt, body } = message;
  if (!body || seq === null || sentAt === null) {
    return [];
  }
  const { text, caveat } = body;
  return [
    caveat && caveat !== 'NONE'
      ? { conversationId, seq, senderId, sentAt, text, caveat }
      : { conversationId, seq, senderId, sentAt, text },
  ];
}

class NoSessionError extends Error {}

/**
 * This browser's chat for one member: the device (created, registered, unlocked), the end-to-end encrypted chat
 * client on top of it, and what the screens show that the server does not own — decrypted lines, who is typing,
 * presence, read receipts, trust. One per signed-in member and page; screens subscribe to it (use-chat.ts).
 */
export class ChatSession {
  readonly threads = new Threads();
  private state: ChatState = { phase: { phase: 'starting' }, online: false, deviceId: null, version: 0 };
  private readonly listeners = new Set<() => void>();
  private vault: BrowserDeviceVault | undefined;
  private client: ChatClient | undefined;
  private readonly presence = new Map<string, Presence>();
  /** Partners who removed (revoked) a device since this tab opened the chat, until the member dismisses the notice. */
  private readonly removedDevices = new Set<string>();
  private readonly typing = new Map<string, Map<string, ReturnType<typeof setTimeout>>>();
  private readonly receipts = new Map<string, Map<string, number>>();
  private readonly historyLoads = new Map<string, Promise<void>>();
  private readonly activityListeners = new Set<(conversationId: string) => void>();
  /** Decrypted messages on their way into the device's sealed cache (one batch per CACHE_BATCH_MS). */
  private cacheQueue: CachedMessage[] = [];
  private cacheTimer: ReturnType<typeof setTimeout> | undefined;
  /** The local search's index, while the chat is unlocked (dropped with the rest of what was decrypted). */
  private search: MessageSearch | undefined;
  private closed = false;

  constructor(
    readonly memberId: string,
    private readonly deps: ChatSessionDeps,
  ) {}

  // ---- the store screens read ----

  getState = (): ChatState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A conversation's messages changed on the server side (new message, a conversation created or changed). */
  onActivity(listener: (conversationId: string) => void): () => void {
    this.activityListeners.add(listener);
    return () => this.activityListeners.delete(listener);
  }

  // ---- the device ----

  /** Reads this browser's storage and goes on as far as it can without asking the member. */
  async start(): Promise<void> {
    if (typeof indexedDB === 'undefined' || !globalThis.crypto?.subtle) {
      this.setPhase({ phase: 'unsupported' });
      return;
    }
    try {
      const held = await BrowserDeviceVault.state(this.memberId);
      if (held === 'protected') {
        this.setPhase({ phase: 'passphrase' });
      } else if (held === 'none') {
        this.setPhase({ phase: 'setup', revoked: false });
      } else {
        await this.open({});
      }
    } catch {
      this.setPhase({ phase: 'unsupported' });
    }
  }

  /** Names this browser's device (and protects its keys with a passphrase, if given), registers it, connects. */
  async createDevice(name: string, passphrase?: string): Promise<void> {
    const vault = await BrowserDeviceVault.open(this.memberId, passphrase ? { passphrase } : {});
    try {
      await setUpThisDevice(vault, name, this.registry());
    } catch (error) {
      vault.close();
      throw error;
    }
    await this.connectWith(vault);
  }

  /** Unlocks a protected device; `WrongPassphraseError` for a wrong passphrase. */
  async unlock(passphrase: string): Promise<void> {
    await this.open({ passphrase });
  }

  /** Idle too long: the keys and every decrypted line leave memory; the member re-authenticates to come back. */
  lock(): void {
    if (this.state.phase.phase !== 'ready' && this.state.phase.phase !== 'connecting') {
      return;
    }
    const protectedKeys = this.vault?.protected ?? false;
    this.shutDown();
    this.setPhase({ phase: 'locked', protectedKeys });
  }

  /**
   * Back from the lock: with the passphrase for protected keys; otherwise after the account password was confirmed
   * (the caller asks the API first).
   */
  async resume(passphrase?: string): Promise<void> {
    await this.open(passphrase === undefined ? {} : { passphrase });
  }

  /**
   * Ends this browser's device: revoked on the server (partners stop encrypting for it and are told its keys
   * changed), then its keys, trust decisions and outbox deleted here.
   */
  async wipe(): Promise<void> {
    const deviceId = this.vault?.deviceId ?? (await BrowserDeviceVault.registeredDeviceId(this.memberId));
    if (deviceId) {
      const failure = await this.mutate(ChatRevokeDeviceDocument, { id: deviceId });
      if (failure && failure.code !== 'NOT_FOUND') {
        throw failure;
      }
    }
    this.shutDown();
    await BrowserDeviceVault.wipe(this.memberId);
    this.setPhase({ phase: 'setup', revoked: false });
  }

  /** The page signs out, or another member signs in: lets go of everything (the device stays in the browser). */
  close(): void {
    this.closed = true;
    this.shutDown();
    this.listeners.clear();
  }

  // ---- messages ----

  /** Sends a message: shown at once as waiting, sealed and kept in the outbox until the server stores it. */
  send(
    conversationId: string,
    text: string,
    caveat: HandlingCaveat,
    options: { confirmKeyChanges?: boolean } = {},
  ): void {
    const client = this.requireClient();
    const id = newClientMessageId();
    const body = caveat === 'NONE' ? { text } : { text, caveat };
    this.threads.waiting({ id, conversationId, senderId: this.memberId, body, queuedAt: Date.now() });
    client.send(conversationId, body, { clientMessageId: id, ...options }).then(
      (ack) => this.storedOwn(conversationId, id, ack),
      (error: unknown) =>
        this.threads.refused(
          conversationId,
          id,
          error instanceof SafetyNumberChangedError
            ? { code: 'SAFETY_NUMBER_CHANGED', message: error.message, memberIds: error.memberIds }
            : error instanceof ChatError
              ? error.payload
              : { code: 'INTERNAL_SERVER_ERROR', message: 'not sent' },
        ),
    );
    if (this.state.phase.phase === 'ready') {
      void client.typing(conversationId, false).catch(() => undefined);
    }
  }

  /** Loads the page of history before what is held (or the newest page), decrypted here. */
  loadOlder(conversationId: string): Promise<void> {
    const { oldestSeq, hasOlder } = this.threads.extent(conversationId);
    return hasOlder
      ? this.loadHistory(conversationId, oldestSeq ?? undefined, HISTORY_PAGE)
      : Promise.resolve();
  }

  /**
   * The newest message of a conversation this tab holds nothing of yet (the list shows its caveat): one message
   * fetched and opened; scrolling back loads the rest.
   */
  loadNewest(conversationId: string, lastSeq: number): Promise<void> {
    const held = this.threads.last(conversationId)?.seq ?? 0;
    return lastSeq > 0 && held < lastSeq && this.threads.extent(conversationId).oldestSeq === null
      ? this.loadHistory(conversationId, undefined, 1)
      : Promise.resolve();
  }

  private loadHistory(conversationId: string, beforeSeq: number | undefined, last: number): Promise<void> {
    const running = this.historyLoads.get(conversationId);
    if (running) {
      return running;
    }
    if (!this.client) {
      return Promise.resolve();
    }
    const client = this.client;
    const load = (async () => {
      const result = await this.deps.graphql
        .query(ChatHistoryDocument, { conversationId, beforeSeq, last }, { requestPolicy: 'network-only' })
        .toPromise();
      const failure = resultError(result.error);
      if (failure || !result.data) {
        throw failure ?? new ApiError('UNKNOWN');
      }
      const page = result.data.messages;
      const opened = await Promise.all(page.messages.map((message) => client.decrypt(message)));
      this.threads.history(conversationId, opened, page.hasMore);
      this.remember(opened.flatMap(cacheable));
    })().finally(() => this.historyLoads.delete(conversationId));
    this.historyLoads.set(conversationId, load);
    return load;
  }

  /**
   * "Search my messages": this device's sealed cache, decrypted into an in-memory index when the screen first asks
   * (`start`), kept while the chat stays unlocked. Only while it is ready (the chat screens are).
   */
  messageSearch(): MessageSearch {
    const vault = this.vault;
    if (!vault) {
      throw new ApiError('UNAVAILABLE');
    }
    // The folding module (and any-ascii's tables) arrive only now, in a chunk of their own.
    this.search ??= new MessageSearch(vault.messages, () => import('@app/folding'));
    return this.search;
  }

  /** Marks everything up to `seq` read (the server moves the member's cursor; others see the receipt). */
  async markRead(conversationId: string, seq: number): Promise<void> {
    const mine = this.receipts.get(conversationId)?.get(this.memberId) ?? 0;
    if (!this.client?.connected || seq <= mine) {
      return;
    }
    this.noteReceipt(conversationId, this.memberId, seq);
    await this.client.read(conversationId, seq).catch(() => undefined);
    this.activity(conversationId);
  }

  /** Tells the others this member is typing (or stopped). */
  setTyping(conversationId: string, typing: boolean): void {
    if (this.client?.connected) {
      void this.client.typing(conversationId, typing).catch(() => undefined);
    }
  }

  typingIn(conversationId: string): string[] {
    return [...(this.typing.get(conversationId)?.keys() ?? [])];
  }

  presenceOf(memberId: string): Presence | undefined {
    return this.presence.get(memberId);
  }

  /** Presence as GraphQL answered it when a screen opened; live events keep it current after. */
  seedPresence(states: Array<{ memberId: string } & Presence>): void {
    states.forEach(({ memberId, online, lastSeenAt }) => this.presence.set(memberId, { online, lastSeenAt }));
    this.bump();
  }

  /** Read cursors as GraphQL answered them; live receipts move them forward. */
  seedReceipts(conversationId: string, participants: Array<{ memberId: string; readSeq: number }>): void {
    participants.forEach(({ memberId, readSeq }) =>
      this.noteReceipt(conversationId, memberId, readSeq, false),
    );
    this.bump();
  }

  receiptsOf(conversationId: string): ReadonlyMap<string, number> {
    return this.receipts.get(conversationId) ?? new Map();
  }

  // ---- trust ----

  trustOf(memberId: string): TrustState | undefined {
    return this.client?.trust.state(memberId);
  }

  /** Re-reads a conversation's devices: what changed since this device accepted them shows as `changed`. */
  async refreshKeys(conversationId: string): Promise<void> {
    await this.client?.keysOf(conversationId).catch(() => undefined);
    this.bump();
  }

  safetyNumber(memberId: string): Promise<{ digits: string; theirKeys: string[] }> {
    return this.client ? this.client.safetyNumber(memberId) : Promise.reject(new ApiError('UNAVAILABLE'));
  }

  /** The member compared the safety number: these keys are the contact's. */
  verify(memberId: string, theirKeys: string[]): void {
    this.requireClient().trust.verify(memberId, theirKeys);
    this.bump();
  }

  /** Whether this partner removed one of their devices since the chat opened here (and the member was not told yet). */
  removedDevice(memberId: string): boolean {
    return this.removedDevices.has(memberId);
  }

  /** The member read that a partner removed a device. */
  dismissRemovedDevice(memberId: string): void {
    this.removedDevices.delete(memberId);
    this.bump();
  }

  /** The member accepts a contact's changed keys without comparing (back to unverified). */
  acceptKeyChange(memberId: string): void {
    this.requireClient().trust.acceptChange(memberId);
    this.bump();
  }

  // ---- inside ----

  private async open(options: { passphrase?: string }): Promise<void> {
    let vault: BrowserDeviceVault;
    try {
      vault = await BrowserDeviceVault.open(this.memberId, options);
    } catch (error) {
      if (error instanceof PassphraseRequiredError) {
        this.setPhase({ phase: 'passphrase' });
        return;
      }
      throw error;
    }
    if (!vault.deviceId) {
      // Created, never registered (the page closed in between, or the answer was lost): naming it again finishes it.
      vault.close();
      this.setPhase({ phase: 'setup', revoked: false });
      return;
    }
    await this.connectWith(vault);
  }

  private async connectWith(vault: BrowserDeviceVault): Promise<void> {
    if (this.closed) {
      vault.close();
      return;
    }
    this.shutDown();
    this.vault = vault;
    const deviceId = vault.deviceId!;
    this.state = { ...this.state, deviceId };
    // The benchmark (bench:web) times a conversation's catch-up from here.
    performance.mark('chat:connecting');
    this.setPhase({ phase: 'connecting' });
    const client = new ChatClient({
      url: this.deps.origin,
      token: async () => {
        const token = await this.deps.token();
        if (!token) {
          throw new NoSessionError();
        }
        return token;
      },
      deviceId,
      secrets: vault.secrets,
      trust: vault.trust,
      outbox: vault.outbox,
      outboxLock: vault.outboxLock,
      outboxPeers: vault.outboxPeers,
      cursorStore: vault.cursors,
    });
    this.client = client;
    this.listen(client);
    try {
      await client.connect();
    } catch (error) {
      if (this.client !== client) {
        return;
      }
      if (error instanceof ChatError && error.code === 'FORBIDDEN' && (await this.deviceRevoked(deviceId))) {
        await this.forgetRevokedDevice();
        return;
      }
      this.shutDown();
      this.setPhase({ phase: 'failed', code: error instanceof ChatError ? error.code : 'NETWORK' });
      return;
    }
    if (this.client !== client) {
      return;
    }
    for (const pending of await client.pendingMessages()) {
      this.threads.waiting({
        id: pending.clientMessageId,
        conversationId: pending.conversationId,
        senderId: this.memberId,
        body: pending.body,
        queuedAt: pending.queuedAt,
      });
    }
    performance.mark('chat:ready');
    this.setPhase({ phase: 'ready' });
  }

  private listen(client: ChatClient): void {
    client.on('message', (message: ReceivedMessage) => {
      this.threads.received(message);
      this.remember(cacheable(message));
      this.stopTyping(message.conversationId, message.senderId);
      this.activity(message.conversationId);
    });
    client.on('sent', ({ conversationId, clientMessageId, ack }) =>
      this.storedOwn(conversationId, clientMessageId, ack),
    );
    client.on('rejected', ({ conversationId, clientMessageId, error }) =>
      this.threads.refused(conversationId, clientMessageId, error),
    );
    client.on('connection', ({ connected }) => {
      this.state = { ...this.state, online: connected };
      this.bump();
    });
    client.on('typing', ({ conversationId, memberId, typing }) => {
      if (memberId === this.memberId) {
        return;
      }
      if (typing) {
        const people = this.typing.get(conversationId) ?? new Map<string, ReturnType<typeof setTimeout>>();
        clearTimeout(people.get(memberId));
        people.set(
          memberId,
          setTimeout(() => this.stopTyping(conversationId, memberId), TYPING_SHOWN_MS),
        );
        this.typing.set(conversationId, people);
        this.bump();
      } else {
        this.stopTyping(conversationId, memberId);
      }
    });
    client.on('receipt', ({ conversationId, memberId, readSeq }) =>
      this.noteReceipt(conversationId, memberId, readSeq),
    );
    client.on('presence', ({ memberId, online, lastSeenAt }) => {
      this.presence.set(memberId, { online, lastSeenAt });
      this.bump();
    });
    client.on('keysChanged', ({ memberId, change, trust }) => {
      // A partner this device knows (it holds a trust decision for them) removed a device: their keys and the safety
      // number changed. Nothing to block — no one new can read — but the member is told, as on a new device.
      if (change === 'REVOKED' && memberId !== this.memberId && trust !== undefined) {
        this.removedDevices.add(memberId);
      }
      this.bump();
    });
    client.on('conversation', ({ conversationId }) => this.activity(conversationId));
    client.on('revoked', () => {
      void this.deviceRevoked(this.state.deviceId ?? '').then((revoked) =>
        revoked ? this.forgetRevokedDevice() : this.setPhase({ phase: 'failed', code: 'UNAUTHENTICATED' }),
      );
    });
  }

  /** Whether the server lists this device as revoked (another of the member's devices, or a coordinator, did it). */
  private async deviceRevoked(deviceId: string): Promise<boolean> {
    const result = await this.deps.graphql
      .query(ChatDevicesDocument, { memberId: this.memberId }, { requestPolicy: 'network-only' })
      .toPromise();
    const device = result.data?.devices.find((candidate) => candidate.id === deviceId);
    return Boolean(result.data) && (!device || device.revokedAt !== null);
  }

  /** Revoked elsewhere: its keys are worth nothing now; nothing of them stays in this browser. */
  private async forgetRevokedDevice(): Promise<void> {
    this.shutDown();
    await BrowserDeviceVault.wipe(this.memberId).catch(() => undefined);
    this.setPhase({ phase: 'setup', revoked: true });
  }

  private registry(): DeviceRegistry {
    return {
      register: async (input: DeviceRegistrationInput) => {
        const result = await this.deps.graphql.mutation(ChatRegisterDeviceDocument, { input }).toPromise();
        const failure = resultError(result.error);
        if (failure || !result.data) {
          throw failure ?? new ApiError('UNKNOWN');
        }
        return result.data.registerDevice.id;
      },
      devices: async () => {
        const result = await this.deps.graphql
          .query(ChatDevicesDocument, { memberId: this.memberId }, { requestPolicy: 'network-only' })
          .toPromise();
        const failure = resultError(result.error);
        if (failure || !result.data) {
          throw failure ?? new ApiError('UNKNOWN');
        }
        return result.data.devices;
      },
    };
  }

  private async mutate<Data, Variables extends AnyVariables>(
    document: TypedDocumentNode<Data, Variables>,
    variables: Variables,
  ): Promise<ApiError | undefined> {
    const result = await this.deps.graphql.mutation(document, variables).toPromise();
    return resultError(result.error);
  }

  private requireClient(): ChatClient {
    if (!this.client) {
      throw new ApiError('UNAVAILABLE');
    }
    return this.client;
  }

  /** One of this member's messages stored by the server: in its place in the thread, and into the cache. */
  private storedOwn(conversationId: string, clientMessageId: string, ack: SendAck): void {
    const line: ChatLine | undefined = this.threads.stored(conversationId, clientMessageId, ack);
    if (line) {
      this.remember(cacheable(line));
    }
  }

  /** Seals these messages into the device's cache (batched) and makes them searchable at once. */
  private remember(messages: CachedMessage[]): void {
    if (messages.length === 0 || !this.vault) {
      return;
    }
    this.search?.add(messages);
    this.cacheQueue.push(...messages);
    this.cacheTimer ??= setTimeout(() => void this.flushCache(), CACHE_BATCH_MS);
  }

  private async flushCache(): Promise<void> {
    clearTimeout(this.cacheTimer);
    this.cacheTimer = undefined;
    const batch = this.cacheQueue;
    this.cacheQueue = [];
    if (batch.length > 0 && this.vault) {
      // A batch that fails to write (storage full, the database deleted by a wipe) is cached the next time the
      // message is loaded; it never becomes an unhandled rejection.
      await this.vault.messages.put(batch).catch(() => undefined);
    }
  }

  private shutDown(): void {
    // The search's decrypted index leaves memory now; what waits for the cache is sealed and written first, then the
    // vault closes (a wipe closes it at once instead: its database is deleted under it).
    this.search?.close();
    this.search = undefined;
    const vault = this.vault;
    void this.flushCache().finally(() => vault?.close());
    this.client?.close();
    this.client = undefined;
    this.vault = undefined;
    this.typing.forEach((people) => people.forEach((timer) => clearTimeout(timer)));
    this.typing.clear();
    this.state = { ...this.state, online: false };
  }

  private stopTyping(conversationId: string, memberId: string): void {
    const people = this.typing.get(conversationId);
    if (people?.has(memberId)) {
      clearTimeout(people.get(memberId));
      people.delete(memberId);
      this.bump();
    }
  }

  private noteReceipt(conversationId: string, memberId: string, readSeq: number, notify = true): void {
    const cursors = this.receipts.get(conversationId) ?? new Map<string, number>();
    if (readSeq > (cursors.get(memberId) ?? 0)) {
      cursors.set(memberId, readSeq);
      this.receipts.set(conversationId, cursors);
      if (notify) {
        this.bump();
      }
    }
  }

  private activity(conversationId: string): void {
    this.activityListeners.forEach((listener) => listener(conversationId));
  }

  private setPhase(phase: ChatPhase): void {
    if (this.closed) {
      return;
    }
    this.state = { ...this.state, phase, version: this.state.version + 1 };
    this.listeners.forEach((listener) => listener());
  }

  private bump(): void {
    this.state = { ...this.state, version: this.state.version + 1 };
    this.listeners.forEach((listener) => listener());
  }
}

export { WrongPassphraseError };

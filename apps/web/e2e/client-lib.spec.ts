import { randomUUID } from 'node:crypto';
import { hex } from '@scure/base';
import nacl from 'tweetnacl';
import {
  fromBase64,
  generateDeviceKeys,
  openEnvelope,
  publicKeysOf,
  sealEnvelope,
  serializeDeviceKeys,
  toHex,
  tweetnaclVerifier,
  utf8,
  type EnvelopeV1,
  type MessageBody,
} from '@app/crypto';
import {
  ED25519_RFC8032_TEST1,
  ED25519_RFC8032_TEST2,
  NACL_BOX_VECTOR,
} from '../../../libs/crypto/src/testing/published-vectors';
import {
  expect,
  goOffline,
  messageSendFrames,
  openInPage,
  openVaultInPage,
  pendingInPage,
  queueInPage,
  recordMessageSendFrames,
  registerBrowserDevice,
  sealInPage,
  secretsOf,
  SECRETS_KINDS,
  sendInPage,
  startBrowserClient,
  storedRecordsInPage,
  tabInPage,
  test,
  vaultOpenError,
  type VaultReport,
} from './support/client-lib';

/**
 * The client libraries in Debian's Chromium (issue 16): the harness page (e2e/client-lib) loads them as Vite builds
 * them, on the API's own origin; the other end of each exchange is this Node process, with the same libraries.
 */

/** Cyrillic, an emoji and a caveat: what must come out byte for byte on the other runtime. */
const BODY: MessageBody = {
  text: 'Запрос о правовой помощи № 17/2026: ответ до пятницы 🔒',
  caveat: 'INFORMAL_NOT_FOR_JUDICIAL_USE',
};

/** Every pairing of the sealing side's key implementation with the opening side's. */
const PAIRINGS = SECRETS_KINDS.flatMap((seal) => SECRETS_KINDS.map((open) => ({ seal, open })));

/** scrypt at a test's cost (the vault's default is N = 2^15). */
const CHEAP_SCRYPT = { logN: 10, r: 8, p: 1 };

/** The same envelope with one byte of its ciphertext changed (still well-formed base64). */
function tampered(envelope: EnvelopeV1): EnvelopeV1 {
  const first = envelope.ciphertext[0] === 'A' ? 'B' : 'A';
  return { ...envelope, ciphertext: first + envelope.ciphertext.slice(1) };
}

/** A sender's and a reader's raw keys and fresh ids: one envelope's worth. */
function exchange() {
  return {
    sender: generateDeviceKeys(),
    reader: generateDeviceKeys(),
    conversationId: randomUUID(),
    clientMessageId: randomUUID(),
    senderDeviceId: randomUUID(),
    readerDeviceId: randomUUID(),
  };
}

/** The identity key signed `challenge` (checked in Node, by tweetnacl). */
function signedBy(report: VaultReport, challenge: string): boolean {
  const identityKey = fromBase64(report.publicKeys.identityKey);
  const signature = fromBase64(report.signature);
  return Boolean(
    identityKey && signature && nacl.sign.detached.verify(utf8(challenge), signature, identityKey),
  );
}

const EVERY_EXPORT_REFUSED = ['identity', 'encryption'].flatMap((key) =>
  ['pkcs8', 'jwk', 'raw'].map((format) => `${key} ${format}: InvalidAccessError`),
);

test.describe('client libraries in Chromium', () => {
  test('envelopes sealed in Chromium open in Node, whichever key implementation each side uses', async ({
    page,
    chat,
  }) => {
    await chat.harness(page);
    for (const { seal, open } of PAIRINGS) {
      await test.step(`sealed by ${seal} in Chromium, opened by ${open} in Node`, async () => {
        const ids = exchange();
        const envelope = await sealInPage(page, {
          kind: seal,
          keys: serializeDeviceKeys(ids.sender),
          conversationId: ids.conversationId,
          clientMessageId: ids.clientMessageId,
          senderDeviceId: ids.senderDeviceId,
          recipients: [
            { deviceId: ids.readerDeviceId, encryptionKey: publicKeysOf(ids.reader).encryptionKey },
          ],
          body: BODY,
        });
        const context = {
          conversationId: ids.conversationId,
          clientMessageId: ids.clientMessageId,
          sender: { deviceId: ids.senderDeviceId, ...publicKeysOf(ids.sender) },
          deviceId: ids.readerDeviceId,
          secrets: await secretsOf(open, ids.reader),
        };
        expect(await openEnvelope(envelope, context)).toEqual(BODY);
        expect(await openEnvelope(envelope, { ...context, verifier: tweetnaclVerifier })).toEqual(BODY);
        await expect(openEnvelope(tampered(envelope), context)).rejects.toMatchObject({
          problem: 'BAD_SIGNATURE',
        });
      });
    }
  });

  test('envelopes sealed in Node open in Chromium, whichever key implementation each side uses', async ({
    page,
    chat,
  }) => {
    await chat.harness(page);
    for (const { seal, open } of PAIRINGS) {
      await test.step(`sealed by ${seal} in Node, opened by ${open} in Chromium`, async () => {
        const ids = exchange();
        const envelope = await sealEnvelope({
          conversationId: ids.conversationId,
          clientMessageId: ids.clientMessageId,
          senderDeviceId: ids.senderDeviceId,
          secrets: await secretsOf(seal, ids.sender),
          recipients: [
            { deviceId: ids.readerDeviceId, encryptionKey: publicKeysOf(ids.reader).encryptionKey },
          ],
          body: BODY,
        });
        const context = {
          kind: open,
          keys: serializeDeviceKeys(ids.reader),
          conversationId: ids.conversationId,
          clientMessageId: ids.clientMessageId,
          sender: { deviceId: ids.senderDeviceId, ...publicKeysOf(ids.sender) },
          deviceId: ids.readerDeviceId,
        };
        // Chromium's default verifier is its WebCrypto Ed25519; tweetnacl's verifies the same signature.
        expect(await openInPage(page, envelope, context)).toEqual([
          { verifier: 'webcrypto', body: BODY, problem: null },
          { verifier: 'tweetnacl', body: BODY, problem: null },
        ]);
        expect(await openInPage(page, tampered(envelope), context)).toEqual([
          { verifier: 'webcrypto', body: null, problem: 'BAD_SIGNATURE' },
          { verifier: 'tweetnacl', body: null, problem: 'BAD_SIGNATURE' },
        ]);
      });
    }
  });

  test("Chromium's WebCrypto signs as tweetnacl does for the same seed, and its X25519 gives NaCl's box key", async ({
    page,
    chat,
  }) => {
    await chat.harness(page);
    for (const vector of [ED25519_RFC8032_TEST1, ED25519_RFC8032_TEST2]) {
      const keys = {
        identity: nacl.sign.keyPair.fromSeed(hex.decode(vector.seed)),
        encryption: nacl.box.keyPair.fromSecretKey(hex.decode(NACL_BOX_VECTOR.aliceSk)),
      };
      const inChromium = await page.evaluate(
        async ({ keys, message, peer }) => {
          const lib = window.clientLib.crypto;
          const bytes = (text: string) =>
            Uint8Array.from(text.match(/../g) ?? [], (byte) => parseInt(byte, 16));
          const secrets = await lib.WebCryptoDeviceSecrets.fromRawKeys(lib.deserializeDeviceKeys(keys));
          return {
            identityKey: lib.toHex(lib.fromBase64(secrets.publicKeys.identityKey) ?? new Uint8Array()),
            extractable: secrets.keys.identity.privateKey.extractable,
            signature: lib.toHex(await secrets.sign(bytes(message))),
            boxKey: lib.toHex(await secrets.sharedKey(bytes(peer))),
          };
        },
        { keys: serializeDeviceKeys(keys), message: vector.message, peer: NACL_BOX_VECTOR.bobPk },
      );
      const byTweetnacl = toHex(nacl.sign.detached(hex.decode(vector.message), keys.identity.secretKey));
      expect(byTweetnacl, vector.source).toBe(vector.signature);
      expect(inChromium, vector.source).toEqual({
        identityKey: vector.publicKey,
        extractable: false,
        signature: vector.signature,
        boxKey: NACL_BOX_VECTOR.firstkey,
      });
    }
  });

  test('a device vault keeps non-extractable CryptoKeys in IndexedDB, and they stay so after a reload', async ({
    page,
    chat,
  }) => {
    const memberId = randomUUID();
    await chat.harness(page);
    const created = await openVaultInPage(page, memberId, {}, 'before the reload');
    expect(created).toMatchObject({ state: 'ready', protected: false, extractable: [false, false] });
    expect(created.exports).toEqual(EVERY_EXPORT_REFUSED);
    expect(signedBy(created, 'before the reload')).toBe(true);

    await page.reload();
    const reopened = await openVaultInPage(page, memberId, {}, 'after the reload');
    expect(reopened.publicKeys).toEqual(created.publicKeys);
    expect(reopened).toMatchObject({ state: 'ready', extractable: [false, false] });
    expect(reopened.exports).toEqual(EVERY_EXPORT_REFUSED);
    expect(signedBy(reopened, 'after the reload')).toBe(true);

    // What IndexedDB holds: the four CryptoKeys themselves (structured clones), no byte of any key.
    const device = (await storedRecordsInPage(page)).filter(
      (record) => record.database === created.database && record.store === 'device',
    );
    expect(device).toHaveLength(1);
    expect(device[0].leaves).toEqual([
      { path: 'v', kind: 'number' },
      { path: 'deviceId', kind: 'null' },
      { path: 'createdAt', kind: 'number' },
      { path: 'keys.identity.publicKey', kind: 'CryptoKey', keyType: 'public', extractable: true },
      { path: 'keys.identity.privateKey', kind: 'CryptoKey', keyType: 'private', extractable: false },
      { path: 'keys.encryption.publicKey', kind: 'CryptoKey', keyType: 'public', extractable: true },
      { path: 'keys.encryption.privateKey', kind: 'CryptoKey', keyType: 'private', extractable: false },
    ]);
  });

  test('a vault under a passphrase opens with the right one only, its keys unwrapped non-extractable', async ({
    page,
    chat,
  }) => {
    const memberId = randomUUID();
    const passphrase = `samarkand ${randomUUID()}`;
    await chat.harness(page);
    const created = await openVaultInPage(page, memberId, { passphrase, scrypt: CHEAP_SCRYPT }, 'created');
    expect(created).toMatchObject({ state: 'protected', protected: true, extractable: [false, false] });
    expect(created.exports).toEqual(EVERY_EXPORT_REFUSED);

    await page.reload();
    expect(await vaultOpenError(page, memberId)).toBe('PassphraseRequiredError');
    expect(await vaultOpenError(page, memberId, { passphrase: `${passphrase}!` })).toBe(
      'WrongPassphraseError',
    );
    const unlocked = await openVaultInPage(page, memberId, { passphrase }, 'unlocked');
    expect(unlocked.publicKeys).toEqual(created.publicKeys);
    expect(unlocked).toMatchObject({ protected: true, extractable: [false, false] });
    expect(unlocked.exports).toEqual(EVERY_EXPORT_REFUSED);
    expect(signedBy(unlocked, 'unlocked')).toBe(true);

    // Stored: the wrapped record only (strings: salt, ivs, AES-GCM of each private key, the public keys), no CryptoKey.
    const device = (await storedRecordsInPage(page)).filter(
      (record) => record.database === created.database && record.store === 'device',
    );
    expect(device).toHaveLength(1);
    const leaves = device[0].leaves;
    expect(leaves.filter((leaf) => leaf.kind === 'CryptoKey' || leaf.kind === 'bytes')).toEqual([]);
    expect(leaves.some((leaf) => leaf.path.startsWith('keys'))).toBe(false);
    expect(leaves).toEqual(
      expect.arrayContaining([
        { path: 'wrapped.identityKey', kind: 'string', text: created.publicKeys.identityKey },
        expect.objectContaining({ path: 'wrapped.identity.wrapped', kind: 'string' }),
        expect.objectContaining({ path: 'wrapped.encryption.wrapped', kind: 'string' }),
      ]),
    );
  });

  test('a message queued offline is kept sealed, survives a reload and is sent once with its clientMessageId', async ({
    page,
    context,
    chat,
  }) => {
    const alice = await chat.member('client-lib-outbox-alice');
    const bob = await chat.nodeDevice('client-lib-outbox-bob');
    const conversationId = await chat.directConversation(alice, bob.member.id);
    const canary = `canary-${randomUUID()}`;

    await chat.harness(page);
    const vault = await openVaultInPage(page, alice.id);
    const deviceId = await registerBrowserDevice(page, alice.token);
    await startBrowserClient(page, alice.token);
    await goOffline(context, [page]);
    const clientMessageId = await queueInPage(page, conversationId, canary);

    // In IndexedDB: one sealed outbox record, and the canary nowhere, in no value of any store.
    const records = await storedRecordsInPage(page);
    const outbox = records.filter(
      (record) => record.database === vault.database && record.store === 'outbox',
    );
    expect(outbox.map((record) => record.key)).toEqual([clientMessageId]);
    expect(outbox[0].leaves).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'envelope.ciphertext', kind: 'string' })]),
    );
    const holding = records.flatMap((record) =>
      record.leaves
        .filter((leaf) => leaf.text?.includes(canary))
        .map((leaf) => `${record.database}/${record.store}/${record.key}: ${leaf.path}`),
    );
    expect(holding).toEqual([]);

    // The reload, still offline: a new page reads the message back from its sealed record.
    await page.reload();
    await openVaultInPage(page, alice.id);
    await startBrowserClient(page, alice.token, { connect: false });
    expect(await pendingInPage(page)).toEqual([{ clientMessageId, text: canary }]);

    await context.setOffline(false);
    await page.evaluate(() => window.clientLib.tab.client?.connect());
    await expect
      .poll(async () => (await tabInPage(page)).outbox)
      .toEqual([{ event: 'sent', clientMessageId }]);
    await expect
      .poll(() =>
        bob.received.map((message) => ({
          clientMessageId: message.clientMessageId,
          senderDeviceId: message.senderDeviceId,
          text: message.body?.text,
        })),
      )
      .toEqual([{ clientMessageId, senderDeviceId: deviceId, text: canary }]);
    expect(await chat.storedMessages(bob.member, conversationId)).toEqual([
      { clientMessageId, senderDeviceId: deviceId, seq: 1 },
    ]);
    expect(await pendingInPage(page)).toEqual([]);
  });

  test('two tabs of one browser send a message queued offline exactly once', async ({
    page,
    context,
    chat,
  }) => {
    const alice = await chat.member('client-lib-tabs-alice');
    const bob = await chat.nodeDevice('client-lib-tabs-bob');
    const conversationId = await chat.directConversation(alice, bob.member.id);
    const canary = `canary-${randomUUID()}`;
    await context.addInitScript(recordMessageSendFrames);

    const second = await context.newPage();
    const tabs = [page, second];
    await chat.harness(page);
    await chat.harness(second);
    const first = await openVaultInPage(page, alice.id);
    const deviceId = await registerBrowserDevice(page, alice.token);
    // The second tab opens the same device: same database, same keys, the id the first registered.
    const other = await openVaultInPage(second, alice.id);
    expect(other.publicKeys).toEqual(first.publicKeys);
    expect(other.deviceId).toBe(deviceId);
    for (const tab of tabs) {
      await startBrowserClient(tab, alice.token);
    }

    await goOffline(context, tabs);
    const clientMessageId = await queueInPage(page, conversationId, canary);
    // One outbox for the browser: the other tab reads the same sealed record.
    expect(await pendingInPage(second)).toEqual([{ clientMessageId, text: canary }]);

    // Both back at the same moment, the worst case for a shared outbox: their reconnection attempts stopped while
    // offline, then both connect together, each flushing the outbox as soon as it has caught up.
    for (const tab of tabs) {
      await tab.evaluate(() => window.clientLib.tab.client?.close());
    }
    await context.setOffline(false);
    await Promise.all(tabs.map((tab) => tab.evaluate(() => window.clientLib.tab.client?.connect())));
    await expect
      .poll(() => bob.received.map((message) => [message.clientMessageId, message.body?.text]))
      .toEqual([[clientMessageId, canary]]);
    // Done in both tabs (the sender by its ack, or by seeing it in the conversation), nothing left in the store.
    await expect
      .poll(async () => (await tabInPage(page)).outbox)
      .toEqual([
        { event: 'queued', clientMessageId },
        { event: 'sent', clientMessageId },
      ]);
    for (const tab of tabs) {
      await expect.poll(async () => (await tabInPage(tab)).pending).toBe(0);
      expect(await pendingInPage(tab)).toEqual([]);
    }

    const frames = [...(await messageSendFrames(page)), ...(await messageSendFrames(second))];
    expect(frames).toHaveLength(1);
    expect(frames[0]).toContain(clientMessageId);
    expect(await chat.storedMessages(bob.member, conversationId)).toEqual([
      { clientMessageId, senderDeviceId: deviceId, seq: 1 },
    ]);
  });

  test('a Chromium client with WebCrypto keys and a Node client exchange messages through the server', async ({
    page,
    chat,
  }) => {
    const alice = await chat.member('client-lib-webcrypto-alice');
    // Node verifies with tweetnacl what Chromium signed with WebCrypto; Chromium verifies with WebCrypto.
    const bob = await chat.nodeDevice('client-lib-webcrypto-bob', { verifier: tweetnaclVerifier });
    const conversationId = await chat.directConversation(alice, bob.member.id);
    const fromChromium = `from Chromium ${randomUUID()}`;
    const fromNode = `from Node ${randomUUID()}`;

    await chat.harness(page);
    await openVaultInPage(page, alice.id);
    const deviceId = await registerBrowserDevice(page, alice.token);
    expect(await startBrowserClient(page, alice.token)).toBe('webcrypto');

    expect(await sendInPage(page, conversationId, fromChromium)).toEqual({ seq: 1 });
    await expect
      .poll(() =>
        bob.received.map((message) => [message.senderDeviceId, message.body?.text, message.problem]),
      )
      .toEqual([[deviceId, fromChromium, null]]);

    const ack = await bob.client.send(conversationId, { text: fromNode });
    expect(ack.seq).toBe(2);
    await expect
      .poll(async () =>
        (await tabInPage(page)).received.filter((message) => message.senderDeviceId !== deviceId),
      )
      .toEqual([
        { clientMessageId: expect.any(String), senderDeviceId: bob.deviceId, text: fromNode, problem: null },
      ]);
  });
});

import { BrowserDeviceVault } from '@app/client/browser';
import {
  DEFAULT_SCRYPT,
  defaultEd25519Verifier,
  generateDeviceKeys,
  openEnvelope,
  publicKeysOf,
  sealEnvelope,
  SharedKeyCache,
  tweetnaclVerifier,
  TweetnaclDeviceSecrets,
  WebCryptoDeviceSecrets,
  WebCryptoEd25519Verifier,
  type DeviceSecrets,
  type Ed25519Verifier,
} from '@app/crypto';
import type { ClientCryptoFigures, ClientCryptoOptions, Spread } from './client-crypto-figures';

const BODY = { text: 'Can your office check two passport numbers informally before we send an MLA request?' };

/**
 * A full collection before each timed loop when the browser exposes one (bench:web launches Chromium with
 * `--js-flags=--expose-gc`): the garbage of sealing a thousand messages, or of the loop before, is not collected
 * inside the next loop's timings. Without the flag, nothing.
 */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

function spread(times: number[]): Spread {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

/**
 * bench:web's client-cost figures, measured in this page: what opening a room-of-N message costs in Chromium with
 * WebCrypto (and with tweetnacl, the baseline beside it), a catch-up from nothing cached, and unlocking a device under
 * a passphrase at the default scrypt cost. Every opened body is checked: a wrong one throws.
 */
export async function measureClientCrypto(options: ClientCryptoOptions): Promise<ClientCryptoFigures> {
  const conversationId = crypto.randomUUID();
  const devices = Array.from({ length: options.roomSize }, () => ({
    deviceId: crypto.randomUUID(),
    keys: generateDeviceKeys(),
  }));
  const recipients = devices.map((device) => ({
    deviceId: device.deviceId,
    encryptionKey: publicKeysOf(device.keys).encryptionKey,
  }));
  const [reader, ...writers] = devices;
  const writerSecrets = await Promise.all(
    writers.map((writer) => WebCryptoDeviceSecrets.fromRawKeys(writer.keys)),
  );
  const writerCaches = writerSecrets.map((secrets) => new SharedKeyCache(secrets));
  const warmUp = 20;
  const sealed: Array<{ wire: string; clientMessageId: string; writer: number }> = [];
  for (let i = 0; i < Math.max(options.messages, options.catchUp) + warmUp; i += 1) {
    const writer = i % writers.length;
    const clientMessageId = `bench-${i}`;
    const envelope = await sealEnvelope({
      conversationId,
      clientMessageId,
      senderDeviceId: writers[writer].deviceId,
      secrets: writerSecrets[writer],
      recipients,
      body: BODY,
      sharedKeys: writerCaches[writer],
    });
    sealed.push({ wire: JSON.stringify(envelope), clientMessageId, writer });
  }
  const open = async (
    item: (typeof sealed)[number],
    secrets: DeviceSecrets,
    sharedKeys: SharedKeyCache,
    verifier: Ed25519Verifier,
  ) => {
    const sender = writers[item.writer];
    const body = await openEnvelope(JSON.parse(item.wire), {
      conversationId,
      clientMessageId: item.clientMessageId,
      sender: { deviceId: sender.deviceId, ...publicKeysOf(sender.keys) },
      deviceId: reader.deviceId,
      secrets,
      sharedKeys,
      verifier,
    });
    if (body.text !== BODY.text) {
      throw new Error('bench:web: an envelope opened to the wrong body');
    }
  };
  const timedLoop = async (
    count: number,
    secrets: DeviceSecrets,
    verifier: Ed25519Verifier,
    warm: boolean,
  ): Promise<number[]> => {
    const sharedKeys = new SharedKeyCache(secrets);
    const times: number[] = [];
    collectGarbage();
    const items = warm ? sealed.slice(0, count + warmUp) : sealed.slice(warmUp, warmUp + count);
    for (const [index, item] of items.entries()) {
      const started = performance.now();
      await open(item, secrets, sharedKeys, verifier);
      if (!warm || index >= warmUp) {
        times.push(performance.now() - started);
      }
    }
    return times;
  };

  // Warm: the sender's keys imported and shared keys derived during the warm-up, as in a conversation already open.
  const webVerifier = await defaultEd25519Verifier();
  const readerWeb = await WebCryptoDeviceSecrets.fromRawKeys(reader.keys);
  const webcrypto = spread(await timedLoop(options.messages, readerWeb, webVerifier, true));
  const baselineCount = Math.max(20, Math.floor(options.messages / 5));
  const tweetnacl = spread(
    await timedLoop(baselineCount, new TweetnaclDeviceSecrets(reader.keys), tweetnaclVerifier, true),
  );

  // Catch-up: a fresh reader (keys read back, nothing derived or imported yet), every message in turn.
  // (A verifier of its own: the default one's imported keys are warm from the loop above.)
  const freshReader = await WebCryptoDeviceSecrets.fromRawKeys(reader.keys);
  const freshVerifier = new WebCryptoEd25519Verifier(crypto.subtle);
  const catchUpTimes = await timedLoop(options.catchUp, freshReader, freshVerifier, false);
  const totalMs = catchUpTimes.reduce((sum, ms) => sum + ms, 0);

  // A device under a passphrase, at the default cost: created once, then unlocked (scrypt, then AES-GCM unwrap).
  const memberId = crypto.randomUUID();
  const passphrase = 'bench passphrase: Tashkent 2026';
  let createMs = performance.now();
  (await BrowserDeviceVault.open(memberId, { passphrase })).close();
  createMs = performance.now() - createMs;
  const unlockMs: number[] = [];
  for (let run = 0; run < options.unlockRuns; run += 1) {
    const unlockStarted = performance.now();
    const vault = await BrowserDeviceVault.open(memberId, { passphrase });
    unlockMs.push(performance.now() - unlockStarted);
    if (vault.secrets.keys.identity.privateKey.extractable) {
      throw new Error('bench:web: an unlocked key is extractable');
    }
    vault.close();
  }
  await BrowserDeviceVault.wipe(memberId);

  return {
    roomSize: options.roomSize,
    envelopeBytes: new TextEncoder().encode(sealed[0].wire).length,
    open: { webcrypto, tweetnacl, verifier: webVerifier.name },
    catchUp: { messages: options.catchUp, totalMs, longestMs: Math.max(...catchUpTimes) },
    vault: { createMs, unlockMs, scrypt: { ...DEFAULT_SCRYPT } },
  };
}

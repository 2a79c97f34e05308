import { randomUUID } from 'node:crypto';
import { fromBase64, toBase64, toHex, utf8 } from './bytes';
import { generateDeviceKeys, publicKeysOf, type DeviceKeyPairs } from './device-keys';
import { TweetnaclDeviceSecrets } from './device-secrets';
import {
  canonicalEnvelopeBytes,
  EnvelopeError,
  openEnvelope,
  parseEnvelope,
  sealEnvelope,
  type EnvelopeProblem,
  type EnvelopeV1,
} from './envelope';

interface Device {
  deviceId: string;
  keys: DeviceKeyPairs;
  secrets: TweetnaclDeviceSecrets;
}

const device = (): Device => {
  const keys = generateDeviceKeys();
  return { deviceId: randomUUID(), keys, secrets: new TweetnaclDeviceSecrets(keys) };
};
const recipient = (d: Device) => ({
  deviceId: d.deviceId,
  encryptionKey: publicKeysOf(d.keys).encryptionKey,
});
const senderOf = (d: Device) => ({ deviceId: d.deviceId, ...publicKeysOf(d.keys) });

describe('envelope v1', () => {
  const alice = device();
  const alicePhone = device();
  const bob = device();
  const carol = device();
  const conversationId = randomUUID();
  const clientMessageId = randomUUID();
  const body = {
    text: 'Привет, Bob — the shipment leaves Termez on Friday',
    caveat: 'DO_NOT_DISSEMINATE' as const,
  };
  let sealed: EnvelopeV1;
  beforeAll(async () => {
    sealed = await sealEnvelope({
      conversationId,
      clientMessageId,
      senderDeviceId: alice.deviceId,
      secrets: alice.secrets,
      recipients: [recipient(alice), recipient(alicePhone), recipient(bob)],
      body,
    });
  });
  const openAs = (reader: Device, value: unknown = sealed, overrides: Record<string, unknown> = {}) =>
    openEnvelope(value, {
      conversationId,
      clientMessageId,
      sender: senderOf(alice),
      deviceId: reader.deviceId,
      secrets: reader.secrets,
      ...overrides,
    });
  const problemOf = async (open: () => unknown): Promise<EnvelopeProblem | 'OPENED'> => {
    try {
      await open();
      return 'OPENED';
    } catch (error) {
      if (error instanceof EnvelopeError) {
        return error.problem;
      }
      throw error;
    }
  };

  it('should open for every wrapped device, the sender’s own included', async () => {
    for (const reader of [alice, alicePhone, bob]) {
      expect(await openAs(reader)).toEqual(body);
    }
  });

  it('should not contain the body, and pad it to a block', async () => {
    const text = JSON.stringify(sealed);
    expect(text).not.toContain('Termez');
    expect(text).not.toContain(toBase64(utf8('Termez')).slice(0, 8));
    const short = await sealEnvelope({
      ...sealed,
      secrets: alice.secrets,
      recipients: [recipient(bob)],
      body: { text: 'a' },
    });
    const longer = await sealEnvelope({
      ...sealed,
      secrets: alice.secrets,
      recipients: [recipient(bob)],
      body: { text: 'a'.repeat(40) },
    });
    expect(fromBase64(short.ciphertext)?.length).toBe(fromBase64(longer.ciphertext)?.length);
  });

  it('should refuse a device that has no wrap', async () => {
    expect(await problemOf(() => openAs(carol))).toBe('NOT_A_RECIPIENT');
  });

  it('should refuse an envelope replayed into another conversation or as another message', async () => {
    expect(await problemOf(() => openAs(bob, sealed, { conversationId: randomUUID() }))).toBe(
      'WRONG_CONVERSATION',
    );
    expect(await problemOf(() => openAs(bob, sealed, { clientMessageId: randomUUID() }))).toBe(
      'WRONG_MESSAGE_ID',
    );
    // Rewriting the ids inside the envelope breaks the signature.
    const moved = { ...sealed, conversationId: randomUUID() };
    expect(await problemOf(() => openAs(bob, moved, { conversationId: moved.conversationId }))).toBe(
      'BAD_SIGNATURE',
    );
  });

  it('should refuse a sender key the server swapped, and an envelope claiming another device', async () => {
    const mallory = device();
    expect(
      await problemOf(() =>
        openAs(bob, sealed, { sender: { ...senderOf(mallory), deviceId: alice.deviceId } }),
      ),
    ).toBe('BAD_SIGNATURE');
    expect(await problemOf(() => openAs(bob, sealed, { sender: senderOf(alicePhone) }))).toBe(
      'WRONG_SENDER_DEVICE',
    );
  });

  it('should refuse a re-signed envelope whose wrap was made for someone else', async () => {
    // Mallory copies Alice's wraps and ciphertext under her own signature: Bob checks against Alice's key.
    const mallory = device();
    const forged = await sealEnvelope({
      ...sealed,
      senderDeviceId: alice.deviceId,
      secrets: mallory.secrets,
      recipients: [recipient(bob)],
      body,
    });
    expect(await problemOf(() => openAs(bob, forged))).toBe('BAD_SIGNATURE');
  });

  it('should refuse the envelope when any byte of its stored JSON is flipped', async () => {
    const forBob = await sealEnvelope({
      ...sealed,
      secrets: alice.secrets,
      recipients: [recipient(bob)],
      body,
    });
    const stored = utf8(JSON.stringify(forBob));
    const accepted: number[] = [];
    for (let i = 0; i < stored.length; i += 1) {
      const copy = stored.slice();
      copy[i] ^= 0x01;
      let value: unknown;
      try {
        value = JSON.parse(new TextDecoder().decode(copy));
      } catch {
        continue; // not even JSON: refused
      }
      if ((await problemOf(() => openAs(bob, value))) === 'OPENED') {
        accepted.push(i);
      }
    }
    expect(stored.length).toBeGreaterThan(300);
    expect(accepted).toEqual([]);
  });

  it('should refuse a flipped bit anywhere in the binary fields', async () => {
    const parsed = parseEnvelope(sealed);
    const fields: Array<[string, Uint8Array, (bytes: Uint8Array) => EnvelopeV1]> = [
      ['nonce', parsed.nonce, (bytes) => ({ ...sealed, nonce: toBase64(bytes) })],
      ['ciphertext', parsed.ciphertext, (bytes) => ({ ...sealed, ciphertext: toBase64(bytes) })],
      ['signature', parsed.signature, (bytes) => ({ ...sealed, signature: toBase64(bytes) })],
      ...sealed.wraps.flatMap((wrap, w): Array<[string, Uint8Array, (bytes: Uint8Array) => EnvelopeV1]> => [
        [
          `wrap ${w} nonce`,
          parsed.wraps[w].nonce,
          (bytes) => ({
            ...sealed,
            wraps: sealed.wraps.map((x, i) => (i === w ? { ...x, nonce: toBase64(bytes) } : x)),
          }),
        ],
        [
          `wrap ${w} key`,
          parsed.wraps[w].key,
          (bytes) => ({
            ...sealed,
            wraps: sealed.wraps.map((x, i) => (i === w ? { ...x, key: toBase64(bytes) } : x)),
          }),
        ],
      ]),
    ];
    // Every byte of the JSON is covered above; here the first, a middle and the last byte of each decoded field.
    for (const [, bytes, rebuild] of fields) {
      for (const i of new Set([0, bytes.length >> 1, bytes.length - 1])) {
        const copy = bytes.slice();
        copy[i] ^= 0x80;
        expect(await problemOf(() => openAs(bob, rebuild(copy)))).not.toBe('OPENED');
      }
    }
  });

  it('should check shape and sizes the way the server does', async () => {
    const problems = [
      null,
      [],
      { ...sealed, v: 2 },
      { ...sealed, extra: 1 },
      { ...sealed, nonce: 'AAAA' },
      { ...sealed, signature: sealed.nonce },
      { ...sealed, wraps: [] },
      { ...sealed, wraps: [sealed.wraps[0], sealed.wraps[0]] },
      { ...sealed, wraps: [{ ...sealed.wraps[0], extra: true }] },
      { ...sealed, conversationId: '' },
      { ...sealed, ciphertext: 'not base64!' },
    ];
    for (const value of problems) {
      expect(await problemOf(() => parseEnvelope(value))).toBe('MALFORMED');
    }
    expect(parseEnvelope(sealed).wraps).toHaveLength(3);
  });

  it('should encode the signed fields canonically (known answer)', () => {
    const bytes = (length: number, start: number) => Uint8Array.from({ length }, (_, i) => (start + i) & 255);
    const canonical = canonicalEnvelopeBytes({
      conversationId: 'c',
      clientMessageId: 'm',
      senderDeviceId: 'd',
      nonce: bytes(2, 1),
      ciphertext: bytes(3, 16),
      wraps: [
        { deviceId: 'y', nonce: bytes(1, 32), key: bytes(1, 48) },
        { deviceId: 'x', nonce: bytes(1, 64), key: bytes(1, 80) },
      ],
    });
    expect(toHex(canonical)).toBe(CANONICAL_VECTOR);
  });

  it('should order non-ASCII device ids by their UTF-8 bytes, not by UTF-16 code units', () => {
    const one = new Uint8Array([1]);
    // U+FF61 is EF BD A1 in UTF-8, U+1F600 F0 9F 98 80: byte order puts U+FF61 first, code-unit order (FF61 > D83D)
    // would not.
    const canonical = canonicalEnvelopeBytes({
      conversationId: 'c',
      clientMessageId: 'm',
      senderDeviceId: 'd',
      nonce: one,
      ciphertext: one,
      wraps: [
        { deviceId: '\u{1F600}', nonce: one, key: one },
        { deviceId: '\uFF61', nonce: one, key: one },
      ],
    });
    const hex = toHex(canonical);
    expect(hex.indexOf('efbda1')).toBeGreaterThan(0);
    expect(hex.indexOf('efbda1')).toBeLessThan(hex.indexOf('f09f9880'));
  });
});

/** domain tag, v, ids, nonce, ciphertext, 2 wraps in device-id order (x before y), each field length-prefixed. */
const CANONICAL_VECTOR = [
  '00000017',
  toHex(utf8('counterpart/envelope/v1')),
  '00000001',
  '01',
  '00000001',
  '63',
  '00000001',
  '6d',
  '00000001',
  '64',
  '00000002',
  '0102',
  '00000003',
  '101112',
  '00000002',
  '00000001',
  '78',
  '00000001',
  '40',
  '00000001',
  '50',
  '00000001',
  '79',
  '00000001',
  '20',
  '00000001',
  '30',
].join('');

import { openEnvelope, publicKeysOf, sealEnvelope, SharedKeyCache, type EnvelopeV1 } from '@app/crypto';
import { percentiles } from '../common/stats';
import type { BenchMember } from './population';

/** A 200-byte body, as the E2EE issue's benchmark asks. */
export const BENCH_BODY = { text: 'x'.repeat(200) };

function roomDevices(members: BenchMember[], room: number) {
  return members
    .filter((member) => member.room === room)
    .map((member) => ({ deviceId: member.deviceId, encryptionKey: publicKeysOf(member.keys).encryptionKey }));
}

/**
 * One real envelope per sender, sealed for every device of its room. The load generator sends it with the
 * `clientMessageId` field rewritten per message: the server checks shape, sizes, ids and wraps — never signatures,
 * it has no way to read them — so its work per message is that of a freshly sealed envelope, while the generator's
 * one core is not spent on 1,000 Ed25519 signatures a second (`measureClientCrypto` reports that cost).
 */
export function envelopeTemplates(members: BenchMember[], rooms: string[]): EnvelopeV1[] {
  return members.map((member) =>
    sealEnvelope({
      conversationId: rooms[member.room],
      clientMessageId: 'template',
      senderDeviceId: member.deviceId,
      keys: member.keys,
      recipients: roomDevices(members, member.room),
      body: BENCH_BODY,
    }),
  );
}

export interface ClientCryptoCost {
  roomSize: number;
  bodyBytes: number;
  envelopeBytes: number;
  /** Sealing one message for the room (shared keys warm, as in a running client): ms. */
  seal: { p50: number; p99: number };
  /** Verifying and opening one message as a recipient: ms. */
  open: { p50: number; p99: number };
  /** Baseline side by side: JSON encoding and decoding of the same body in the clear, ms per message. */
  plaintext: { p50: number; p99: number };
}

/** Client-side cost per message in a room of `members` (one sender, one reader), over `count` messages. */
export function measureClientCrypto(
  members: BenchMember[],
  rooms: string[],
  count: number,
): ClientCryptoCost {
  const [sender, reader] = members.filter((member) => member.room === 0);
  const recipients = roomDevices(members, 0);
  const senderKeys = new SharedKeyCache(sender.keys.encryption.secretKey);
  const readerKeys = new SharedKeyCache(reader.keys.encryption.secretKey);
  const timed = (work: () => void) => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };
  const seals: number[] = [];
  const opens: number[] = [];
  const plain: number[] = [];
  let envelopeBytes = 0;
  for (let i = 0; i < count; i += 1) {
    let envelope: EnvelopeV1 | undefined;
    const clientMessageId = `cost-${i}`;
    seals.push(
      timed(() => {
        envelope = sealEnvelope({
          conversationId: rooms[0],
          clientMessageId,
          senderDeviceId: sender.deviceId,
          keys: sender.keys,
          recipients,
          body: BENCH_BODY,
          sharedKeys: senderKeys,
        });
      }),
    );
    const wire = JSON.stringify(envelope);
    envelopeBytes = Buffer.byteLength(wire);
    opens.push(
      timed(() =>
        openEnvelope(JSON.parse(wire), {
          conversationId: rooms[0],
          clientMessageId,
          sender: { deviceId: sender.deviceId, ...publicKeysOf(sender.keys) },
          deviceId: reader.deviceId,
          keys: reader.keys,
          sharedKeys: readerKeys,
        }),
      ),
    );
    plain.push(timed(() => void (JSON.parse(JSON.stringify(BENCH_BODY)) as unknown)));
  }
  const summary = (values: number[]) => {
    const { p50, p99 } = percentiles(values);
    return { p50, p99 };
  };
  return {
    roomSize: recipients.length,
    bodyBytes: Buffer.byteLength(JSON.stringify(BENCH_BODY)),
    envelopeBytes,
    seal: summary(seals),
    open: summary(opens),
    plaintext: summary(plain),
  };
}

import { NodeEd25519Verifier } from '@app/client/node';
import {
  openEnvelope,
  publicKeysOf,
  sealEnvelope,
  SharedKeyCache,
  tweetnaclVerifier,
  TweetnaclDeviceSecrets,
  WebCryptoDeviceSecrets,
  WebCryptoEd25519Verifier,
  webCryptoSubtle,
  type DeviceSecrets,
  type Ed25519Verifier,
  type EnvelopeV1,
} from '@app/crypto';
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
export async function envelopeTemplates(members: BenchMember[], rooms: string[]): Promise<EnvelopeV1[]> {
  const envelopes: EnvelopeV1[] = [];
  for (const member of members) {
    envelopes.push(
      await sealEnvelope({
        conversationId: rooms[member.room],
        clientMessageId: 'template',
        senderDeviceId: member.deviceId,
        secrets: new TweetnaclDeviceSecrets(member.keys),
        recipients: roomDevices(members, member.room),
        body: BENCH_BODY,
      }),
    );
  }
  return envelopes;
}

type Percentiles = { p50: number; p99: number };

/**
 * The client stacks measured: tweetnacl alone (before issue 16), the browser's (WebCrypto non-extractable keys and
 * WebCrypto verify) and Node's (raw keys from a key file, node:crypto verify).
 */
export type ClientStack = 'tweetnacl' | 'webcrypto' | 'node';

export interface ClientCryptoCost {
  roomSize: number;
  bodyBytes: number;
  envelopeBytes: number;
  /** Sealing one message for the room (shared keys warm, as in a running client), per key implementation: ms. */
  seal: { tweetnacl: Percentiles; webcrypto: Percentiles };
  /** Verifying and opening one message as a recipient (shared keys warm), per stack: ms. */
  open: Record<ClientStack, Percentiles>;
  /**
   * A reader catching up on `messages` messages of the room from all its other members, nothing cached (each
   * sender's first message derives a shared key and imports a public key), per stack: ms in all.
   */
  catchUp: { messages: number } & Record<ClientStack, number>;
  /** Baseline side by side: JSON encoding and decoding of the same body in the clear, ms per message. */
  plaintext: Percentiles;
}

interface Reader {
  secrets: DeviceSecrets;
  verifier: Ed25519Verifier;
}

/**
 * Client-side cost per message in a room of `members` (one sender, one reader), over `count` messages, and of a
 * catch-up on `catchUpCount` messages. Every opened body is checked: a wrong result fails the bench.
 */
export async function measureClientCrypto(
  members: BenchMember[],
  rooms: string[],
  count: number,
  catchUpCount: number,
): Promise<ClientCryptoCost> {
  const subtle = webCryptoSubtle();
  if (!subtle) {
    throw new Error('bench:chat needs WebCrypto (Node 20 has it)');
  }
  const inRoom = members.filter((member) => member.room === 0);
  const [sender, reader] = inRoom;
  const recipients = roomDevices(members, 0);
  const senderSecrets = {
    tweetnacl: new TweetnaclDeviceSecrets(sender.keys),
    webcrypto: await WebCryptoDeviceSecrets.fromRawKeys(sender.keys, subtle),
  };
  const readerStack = async (member: BenchMember): Promise<Record<ClientStack, Reader>> => ({
    tweetnacl: { secrets: new TweetnaclDeviceSecrets(member.keys), verifier: tweetnaclVerifier },
    webcrypto: {
      secrets: await WebCryptoDeviceSecrets.fromRawKeys(member.keys, subtle),
      verifier: new WebCryptoEd25519Verifier(subtle),
    },
    node: { secrets: new TweetnaclDeviceSecrets(member.keys), verifier: new NodeEd25519Verifier() },
  });
  const stacks: ClientStack[] = ['tweetnacl', 'webcrypto', 'node'];
  const readers = await readerStack(reader);
  const senderCaches = {
    tweetnacl: new SharedKeyCache(senderSecrets.tweetnacl),
    webcrypto: new SharedKeyCache(senderSecrets.webcrypto),
  };
  const readerCaches = Object.fromEntries(
    stacks.map((stack) => [stack, new SharedKeyCache(readers[stack].secrets)]),
  ) as Record<ClientStack, SharedKeyCache>;
  const timed = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
    const started = performance.now();
    const result = await work();
    return [performance.now() - started, result];
  };
  const expectBody = (body: { text: string }) => {
    if (body.text !== BENCH_BODY.text) {
      throw new Error('bench:chat: an envelope opened to the wrong body');
    }
  };
  const open = (
    wire: string,
    clientMessageId: string,
    from: BenchMember,
    as: Reader,
    cache: SharedKeyCache,
  ) =>
    openEnvelope(JSON.parse(wire), {
      conversationId: rooms[0],
      clientMessageId,
      sender: { deviceId: from.deviceId, ...publicKeysOf(from.keys) },
      deviceId: reader.deviceId,
      secrets: as.secrets,
      sharedKeys: cache,
      verifier: as.verifier,
    });

  // Each implementation in its own loop after a warm-up, so one's garbage (tweetnacl allocates a Float64Array per
  // field element) is not collected inside another's timings.
  const warmUp = 20;
  const seals = { tweetnacl: [] as number[], webcrypto: [] as number[] };
  const wires: string[] = [];
  for (const keys of ['tweetnacl', 'webcrypto'] as const) {
    for (let i = -warmUp; i < count; i += 1) {
      const [ms, envelope] = await timed(() =>
        sealEnvelope({
          conversationId: rooms[0],
          clientMessageId: `cost-${i}`,
          senderDeviceId: sender.deviceId,
          secrets: senderSecrets[keys],
          recipients,
          body: BENCH_BODY,
          sharedKeys: senderCaches[keys],
        }),
      );
      if (i >= 0) {
        seals[keys].push(ms);
        wires[i] = JSON.stringify(envelope);
      }
    }
  }
  const envelopeBytes = new TextEncoder().encode(wires[0]).length;
  const opens = { tweetnacl: [] as number[], webcrypto: [] as number[], node: [] as number[] };
  for (const stack of stacks) {
    for (let i = -warmUp; i < count; i += 1) {
      const n = Math.max(i, 0);
      const [ms, body] = await timed(() =>
        open(wires[n], `cost-${n}`, sender, readers[stack], readerCaches[stack]),
      );
      expectBody(body);
      if (i >= 0) {
        opens[stack].push(ms);
      }
    }
  }
  const plain: number[] = [];
  for (let i = 0; i < count; i += 1) {
    plain.push((await timed(() => Promise.resolve(JSON.parse(JSON.stringify(BENCH_BODY)) as unknown)))[0]);
  }

  // Catch-up: the room's other members take turns sending; sealed with WebCrypto keys (the same bytes as tweetnacl's).
  const writers = inRoom.filter((member) => member.deviceId !== reader.deviceId);
  const writerSecrets = await Promise.all(
    writers.map((writer) => WebCryptoDeviceSecrets.fromRawKeys(writer.keys, subtle)),
  );
  const history: Array<{ wire: string; clientMessageId: string; from: BenchMember }> = [];
  for (let i = 0; i < catchUpCount; i += 1) {
    const w = i % writers.length;
    const clientMessageId = `history-${i}`;
    const envelope = await sealEnvelope({
      conversationId: rooms[0],
      clientMessageId,
      senderDeviceId: writers[w].deviceId,
      secrets: writerSecrets[w],
      recipients,
      body: BENCH_BODY,
    });
    history.push({ wire: JSON.stringify(envelope), clientMessageId, from: writers[w] });
  }
  const catchUp = { messages: catchUpCount } as ClientCryptoCost['catchUp'];
  for (const stack of stacks) {
    const cold = (await readerStack(reader))[stack];
    const cache = new SharedKeyCache(cold.secrets);
    const [ms] = await timed(async () => {
      for (const message of history) {
        expectBody(await open(message.wire, message.clientMessageId, message.from, cold, cache));
      }
    });
    catchUp[stack] = ms;
  }

  const summary = (values: number[]): Percentiles => {
    const { p50, p99 } = percentiles(values);
    return { p50, p99 };
  };
  return {
    roomSize: recipients.length,
    bodyBytes: new TextEncoder().encode(JSON.stringify(BENCH_BODY)).length,
    envelopeBytes,
    seal: { tweetnacl: summary(seals.tweetnacl), webcrypto: summary(seals.webcrypto) },
    open: {
      tweetnacl: summary(opens.tweetnacl),
      webcrypto: summary(opens.webcrypto),
      node: summary(opens.node),
    },
    catchUp,
    plaintext: summary(plain),
  };
}

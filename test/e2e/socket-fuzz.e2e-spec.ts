import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { FIELD_ERROR_CODES } from '@app/common';
import { AuditEntryEntity, AuthService } from '@app/identity';
import {
  ConversationEntity,
  ConversationService,
  KEYS_MEMBERS_MAX,
  MessageEntity,
  ParticipantEntity,
  SYNC_LIMIT_MAX,
} from '@app/messaging';
import { chatUser, type ChatUser } from '../utils/chat';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import {
  FUZZ_RUNS,
  fuzzParameters,
  fuzzTimeout,
  hostileJson,
  hostileKey,
  oddNumber,
  unicodeEdge,
  withReservedKey,
} from '../utils/fuzz';

/**
 * Property-based fuzzing of the socket transport: every client → server event gets generated payloads (hostile JSON,
 * non-objects, and mutations of a valid payload), and each answer is checked against a reference validator written
 * here from the documented contract (README "Talk to them", chat-protocol.ts, envelope v1), not from the server's
 * DTOs. The invariant, per payload:
 * - `{ ok: true }` exactly when the reference accepts it, and then exactly the expected rows changed (a seq beyond
 *   2³¹−1, or a since key of 8-4-4-4-12 hex that is no RFC 4122 UUID, may go either way);
 * - otherwise `{ ok: false, error: { code, message } }` with a documented code (never INTERNAL_SERVER_ERROR), a
 *   message without a stack trace, and no row changed (messages, participants, conversations' seqs, audit);
 * - the socket is still connected and answers `session:ping`.
 * Frames over CHAT_MAX_HTTP_BUFFER_SIZE close the socket by design: then nothing may change, and the suite reconnects.
 * Deterministic (FUZZ_SEED); a failure prints the seed and path to replay it (see test/utils/fuzz.ts).
 */

// ——— The documented contract ———

/** Codes an ack may carry; INTERNAL_SERVER_ERROR is never an acceptable answer to a client's payload. */
const DOCUMENTED_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
];
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** RFC 4122 variant with a version 1–8 (or nil/max): every real id; other 8-4-4-4-12 hex strings may go either way. */
const STRICT_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const CLIENT_MESSAGE_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** Seqs are 32-bit integer columns: a larger integer is a seq no conversation reaches (refused or capped, both fine). */
const SEQ_MAX = 2 ** 31 - 1;
const SINCE_MAX = 1000;
/** Envelope v1 (libs/crypto envelope.ts): exactly these fields, base64 binary fields of fixed sizes. */
const ENVELOPE_FIELDS = [
  'v',
  'conversationId',
  'clientMessageId',
  'senderDeviceId',
  'nonce',
  'ciphertext',
  'wraps',
  'signature',
];
const WRAP_FIELDS = ['deviceId', 'nonce', 'key'];
const NONCE_BYTES = 24;
const SIGNATURE_BYTES = 64;
const WRAPPED_KEY_BYTES = 48;
/** A secretbox (16 bytes of tag) of a body padded to a multiple of 64 bytes, at most 48 KiB; at most 1000 wraps. */
const CIPHERTEXT_BYTES = { min: 16 + 64, max: 48 * 1024 };
const MAX_WRAPS = 1000;
const STACK_TRACE = /\n\s*at |\bat \S+ \(|node_modules|\.[jt]s:\d+/;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !Buffer.isBuffer(value) &&
  !ArrayBuffer.isView(value);

const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** The path of the first reserved key at any depth (arrays included), or undefined. */
function reservedPath(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = reservedPath(item, `${path}[${index}]`);
      if (found) {
        return found;
      }
    }
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (RESERVED_KEYS.has(key)) {
        return here;
      }
      const found = reservedPath(child, here);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

/** Why `value` does not have exactly the `required` fields (plus any of `optional`), or undefined. */
function fieldProblem(value: Json, required: string[], optional: string[] = []): string | undefined {
  const keys = Object.keys(value);
  const extra = keys.filter((key) => !required.includes(key) && !optional.includes(key));
  const missing = required.filter((key) => !Object.hasOwn(value, key));
  if (extra.length > 0) {
    return `extra field(s) ${extra.map((key) => JSON.stringify(key.slice(0, 40))).join(', ')}`;
  }
  return missing.length > 0 ? `missing ${missing.join(', ')}` : undefined;
}

/** Decoded length of strict, padded, canonical standard base64; undefined for anything else. */
function base64Bytes(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
    return undefined;
  }
  const bytes = Buffer.from(value, 'base64');
  return bytes.toString('base64') === value ? bytes.length : undefined;
}

type SeqKind = 'valid' | 'invalid' | 'either';

function seqKind(value: unknown, min = 0): SeqKind {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    return 'invalid';
  }
  return value <= SEQ_MAX ? 'valid' : 'either';
}

/** Why an envelope is not an envelope v1 sealed for this message by this device (its shape; receivers check the rest). */
function envelopeProblem(
  envelope: unknown,
  expected: { conversationId: string; clientMessageId: string; senderDeviceId: string },
  maxBytes: number,
): string | undefined {
  if (!isObject(envelope)) {
    return 'envelope is not an object';
  }
  const fields = fieldProblem(envelope, ENVELOPE_FIELDS);
  if (fields) {
    return `envelope: ${fields}`;
  }
  if (envelope.v !== 1) {
    return 'envelope.v is not 1';
  }
  for (const field of ['conversationId', 'clientMessageId', 'senderDeviceId'] as const) {
    if (envelope[field] !== expected[field]) {
      return `envelope.${field} is not this message's`;
    }
  }
  if (base64Bytes(envelope.nonce) !== NONCE_BYTES || base64Bytes(envelope.signature) !== SIGNATURE_BYTES) {
    return 'envelope nonce or signature is not base64 of the right size';
  }
  const ciphertext = base64Bytes(envelope.ciphertext);
  if (ciphertext === undefined || ciphertext < CIPHERTEXT_BYTES.min || ciphertext > CIPHERTEXT_BYTES.max) {
    return 'envelope.ciphertext is not base64 of a possible size';
  }
  const wraps = envelope.wraps;
  if (!Array.isArray(wraps) || wraps.length === 0 || wraps.length > MAX_WRAPS) {
    return 'envelope.wraps is not a list of 1–1000';
  }
  const seen = new Set<unknown>();
  for (const wrap of wraps) {
    if (!isObject(wrap) || fieldProblem(wrap, WRAP_FIELDS)) {
      return 'a wrap is not {deviceId, nonce, key}';
    }
    if (
      typeof wrap.deviceId !== 'string' ||
      !UUID.test(wrap.deviceId) ||
      wrap.deviceId !== wrap.deviceId.toLowerCase()
    ) {
      return 'a wrap deviceId is not a device id';
    }
    if (seen.has(wrap.deviceId)) {
      return 'two wraps for one device';
    }
    seen.add(wrap.deviceId);
    if (base64Bytes(wrap.nonce) !== NONCE_BYTES || base64Bytes(wrap.key) !== WRAPPED_KEY_BYTES) {
      return 'a wrap nonce or key is not base64 of the right size';
    }
  }
  return Buffer.byteLength(JSON.stringify(envelope)) > maxBytes ? 'envelope is too large' : undefined;
}

// ——— What the database holds ———

interface MessageRow {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  clientMessageId: string;
}

interface ParticipantRow {
  conversationId: string;
  memberId: string;
  role: string;
  readSeq: number;
  leftAt: string | null;
  lastVisibleSeq: number | null;
}

interface Snapshot {
  messages: MessageRow[];
  participants: ParticipantRow[];
  lastSeq: Record<string, number>;
  audit: number;
}

const byConversationAndSeq = (a: MessageRow, b: MessageRow) =>
  a.conversationId === b.conversationId ? a.seq - b.seq : a.conversationId < b.conversationId ? -1 : 1;

/** What changed between an expected and an actual snapshot, in words (empty: nothing). */
function differences(expected: Snapshot, actual: Snapshot): string[] {
  const problems: string[] = [];
  const compare = (what: string, want: string[], got: string[]) => {
    const missing = want.filter((row) => !got.includes(row));
    const unexpected = got.filter((row) => !want.includes(row));
    if (missing.length > 0 || unexpected.length > 0) {
      problems.push(`${what}: missing ${JSON.stringify(missing)}, unexpected ${JSON.stringify(unexpected)}`);
    }
  };
  compare(
    'message rows',
    expected.messages.map((row) => JSON.stringify(row)),
    actual.messages.map((row) => JSON.stringify(row)),
  );
  compare(
    'participant rows',
    expected.participants.map((row) => JSON.stringify(row)),
    actual.participants.map((row) => JSON.stringify(row)),
  );
  compare(
    'conversation seqs',
    Object.entries(expected.lastSeq).map((entry) => entry.join('=')),
    Object.entries(actual.lastSeq).map((entry) => entry.join('=')),
  );
  if (expected.audit !== actual.audit) {
    problems.push(`audit entries: expected ${expected.audit}, got ${actual.audit}`);
  }
  return problems;
}

// ——— Verdicts of the reference validator ———

type Ack = Json;

interface Accepted {
  /** The snapshot after the event and any problem with the ack's own fields. */
  expect(ack: Ack, before: Snapshot): Promise<{ after: Snapshot; problems: string[] }>;
}

type Verdict =
  { outcome: 'refuse'; why: string } | ({ outcome: 'accept' | 'either'; why: string } & Accepted);

const refuse = (why: string): Verdict => ({ outcome: 'refuse', why });
const unchanged =
  (problems: (ack: Ack) => string[] = () => []): Accepted['expect'] =>
  // eslint-disable-next-line @typescript-eslint/require-await
  async (ack, before) => ({ after: before, problems: problems(ack) });

function ackFields(ack: Ack, fields: string[]): string[] {
  const problem = fieldProblem(ack, ['ok', ...fields]);
  return problem ? [`ack: ${problem}`] : [];
}

/** What is wrong with a refusal (empty: a proper `{ ok: false, error }`). */
function refusalProblems(ack: Ack): string[] {
  const problems = ackFields(ack, ['error']);
  const error = ack.error;
  if (!isObject(error)) {
    return [...problems, 'ack.error is not an object'];
  }
  const extra = fieldProblem(error, ['code', 'message'], ['fields']);
  if (extra) {
    problems.push(`ack.error: ${extra}`);
  }
  if (typeof error.code !== 'string' || !DOCUMENTED_CODES.includes(error.code)) {
    problems.push(`error code ${JSON.stringify(error.code)} is not a documented code`);
  }
  if (typeof error.message !== 'string' || error.message.trim() === '') {
    problems.push('error message is not a non-empty string');
  } else if (STACK_TRACE.test(error.message)) {
    problems.push('error message looks like a stack trace');
  }
  // Field errors: a list of { path, code, message, min?, max? } with a documented FieldErrorCode.
  if (
    error.fields !== undefined &&
    (!Array.isArray(error.fields) ||
      !error.fields.every(
        (field: unknown) =>
          isObject(field) &&
          typeof field.path === 'string' &&
          typeof field.message === 'string' &&
          (FIELD_ERROR_CODES as readonly unknown[]).includes(field.code),
      ))
  ) {
    problems.push('error.fields is not a list of { path, code, message } with documented codes');
  }
  return problems;
}

/** The payload as the server receives it: JSON over the wire (binary attachments stay binary). */
function onTheWire(payload: unknown): unknown {
  const binary = (value: unknown): boolean =>
    Buffer.isBuffer(value) ||
    ArrayBuffer.isView(value) ||
    (Array.isArray(value) && value.some(binary)) ||
    (isObject(value) && Object.values(value).some(binary));
  if (payload === undefined || binary(payload)) {
    return payload;
  }
  return JSON.parse(JSON.stringify(payload)) as unknown;
}

function preview(value: unknown, max = 1500): string {
  let text: string;
  try {
    text = Buffer.isBuffer(value)
      ? `<Buffer ${value.toString('hex')}>`
      : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

interface Tally {
  ok: number;
  refused: number;
  oversized: number;
}

const newTally = (): Tally => ({ ok: 0, refused: 0, oversized: 0 });

// ——— Generators ———

type Target = 'direct' | 'room' | 'former' | 'foreign' | 'unknown';
type Readers = 'pair' | 'partner' | 'everyone' | 'stray';

type SendMutation =
  | { kind: 'none' }
  | { kind: 'drop'; field: string }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'replace'; field: string; value: unknown }
  | { kind: 'reserved'; key: string; value: unknown; depth: number }
  | { kind: 'envelope-drop'; field: string }
  | { kind: 'envelope-extra'; key: string; value: unknown }
  | { kind: 'envelope-replace'; field: string; value: unknown }
  | { kind: 'hostile'; value: unknown };

interface SendPlan {
  target: Target;
  upper: boolean;
  clientMessageId: { fresh: string } | { retry: number } | { odd: string };
  sealedFor: {
    conversation: 'same' | 'upper' | 'other';
    clientMessageId: 'same' | 'other';
    readers: Readers;
  };
  mutation: SendMutation;
}

const SEND_FIELDS = ['conversationId', 'clientMessageId', 'envelope'];

const targets = (): fc.Arbitrary<Target> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant<Target>('direct') },
    { weight: 2, arbitrary: fc.constant<Target>('room') },
    { weight: 1, arbitrary: fc.constant<Target>('former') },
    { weight: 1, arbitrary: fc.constant<Target>('foreign') },
    { weight: 1, arbitrary: fc.constant<Target>('unknown') },
  );

const mostlyFalse = () =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

/** Names every object inherits (`toString`, `__defineGetter__`, …): data keys like any other, never methods. */
const INHERITED_NAMES = Object.getOwnPropertyNames(Object.prototype).filter(
  (name) => !RESERVED_KEYS.has(name),
);

/** A key that is not one of the event's fields (reserved and inherited names included). */
const extraKey = (fields: string[]) =>
  fc
    .oneof(
      hostileKey(),
      fc.constantFrom(...INHERITED_NAMES),
      fc.constantFrom('extra', 'ok', 'memberId', 'Envelope'),
    )
    .filter((key) => !fields.includes(key));

/** Payloads that are not objects at all. */
const nonObjects = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    oddNumber(),
    fc.string({ maxLength: 30 }),
    unicodeEdge(),
    fc.array(hostileJson(2), { maxLength: 4 }),
    fc.constant(Buffer.from('{"conversationId":"x"}')),
  );

/** Large but under the frame limit, or over it (the socket must close then). */
const hugeValues = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.integer({ min: 1000, max: 60_000 }).map((n) => 'z'.repeat(n)),
    fc.constant('w'.repeat(80_000)),
    fc.integer({ min: 100, max: 5000 }).map((n) => Array.from({ length: n }, () => 'ab')),
  );

/** A valid payload, then the same with one thing wrong: the mix every event's property draws from. */
function mutations(
  valid: fc.Arbitrary<Json>,
  fields: string[],
  odd: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<unknown> {
  const oddField = fc.oneof(
    ...Object.entries(odd).map(([field, values]) => values.map((value): [string, unknown] => [field, value])),
  );
  return fc.oneof(
    { weight: 8, arbitrary: valid },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...fields))
        .map(([payload, field]) =>
          Object.fromEntries(Object.entries(payload).filter(([key]) => key !== field)),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...fields))
        .map(([payload, field]) => ({ ...payload, [field]: null })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(valid, extraKey(fields), hostileJson(2))
        .map(([payload, key, value]) => ({ ...payload, [key]: value })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...fields), fc.oneof(hostileJson(3), hugeValues()))
        .map(([payload, field, value]) => ({ ...payload, [field]: value })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(valid, oddField)
        .map(([payload, [field, value]]) => ({ ...payload, [field]: value })),
    },
    { weight: 2, arbitrary: withReservedKey(valid) },
    { weight: 1, arbitrary: hostileJson() },
    { weight: 1, arbitrary: nonObjects() },
  );
}

/** A reserved key at depth 0 (the payload), 1 (the envelope) or 2 (its first wrap), as JSON.parse makes it. */
function injectReserved(payload: Json, key: string, value: unknown, depth: number): Json {
  const envelope = payload.envelope;
  if (depth === 0 || !isObject(envelope)) {
    return { [key]: value, ...payload };
  }
  const wraps = envelope.wraps;
  if (depth === 1 || !Array.isArray(wraps) || !isObject(wraps[0])) {
    return { ...payload, envelope: { ...envelope, [key]: value } };
  }
  const [first, ...rest] = wraps as Json[];
  return { ...payload, envelope: { ...envelope, wraps: [{ ...first, [key]: value }, ...rest] } };
}

function mutateSend(payload: Json, mutation: SendMutation): unknown {
  const envelope = isObject(payload.envelope) ? payload.envelope : {};
  switch (mutation.kind) {
    case 'none':
      return payload;
    case 'drop':
      return Object.fromEntries(Object.entries(payload).filter(([key]) => key !== mutation.field));
    case 'extra':
      return { ...payload, [mutation.key]: mutation.value };
    case 'replace':
      return { ...payload, [mutation.field]: mutation.value };
    case 'reserved':
      return injectReserved(payload, mutation.key, mutation.value, mutation.depth);
    case 'envelope-drop':
      return {
        ...payload,
        envelope: Object.fromEntries(Object.entries(envelope).filter(([key]) => key !== mutation.field)),
      };
    case 'envelope-extra':
      return { ...payload, envelope: { ...envelope, [mutation.key]: mutation.value } };
    case 'envelope-replace':
      return { ...payload, envelope: { ...envelope, [mutation.field]: mutation.value } };
    case 'hostile':
      return mutation.value;
  }
}

// ——— The suite ———

describe('socket transport fuzzing (property-based, real gateway)', () => {
  let api: TestApp;
  const opened: { close(): void }[] = [];
  let alice: ChatUser;
  let bob: ChatUser;
  let carol: ChatUser;
  let dave: ChatUser;
  let socket: Socket;
  /** alice's conversations by role: current (direct, room), one she left (former), one she never was in (foreign). */
  const ids = {} as Record<Target, string>;

  beforeAll(async () => {
    api = await createTestApp({
      env: { CHAT_RATE_LIMIT_MESSAGES: '10000', CHAT_RATE_LIMIT_WINDOW_MS: '1000' },
    });
    [alice, bob, carol, dave] = [
      await chatUser(api, opened),
      await chatUser(api, opened),
      await chatUser(api, opened),
      await chatUser(api, opened),
    ];
    const conversations = api.app.get(ConversationService);
    const viewer = (user: ChatUser) => api.app.get(AuthService).authenticate(user.token);
    ids.direct = (await conversations.startDirect(await viewer(alice), bob.member.id)).conversation.id;
    ids.room = (
      await conversations.createGroup(await viewer(alice), {
        title: 'Case 2026/7',
        memberIds: [bob.member.id, carol.member.id],
      })
    ).conversation.id;
    ids.former = (
      await conversations.createGroup(await viewer(bob), {
        title: 'Case 2025/3',
        memberIds: [alice.member.id, carol.member.id],
      })
    ).conversation.id;
    ids.foreign = (await conversations.startDirect(await viewer(bob), dave.member.id)).conversation.id;
    ids.unknown = randomUUID();
    // History to sync and read: bob writes in each; alice leaves `former` after two of its three messages.
    const bobSocket = await bob.raw();
    const say = async (conversationId: string, readers: ChatUser[], count: number) => {
      for (let i = 0; i < count; i += 1) {
        const clientMessageId = `seed-${randomUUID()}`;
        const ack = await bobSocket.timeout(5000).emitWithAck('message:send', {
          conversationId,
          clientMessageId,
          envelope: await bob.seal(conversationId, clientMessageId, `seed ${i}`, readers),
        });
        expect(ack).toMatchObject({ ok: true });
      }
    };
    await say(ids.direct, [alice, bob], 3);
    await say(ids.room, [alice, bob, carol], 2);
    await say(ids.former, [alice, bob, carol], 2);
    await conversations.leave(await viewer(alice), ids.former);
    await say(ids.former, [bob, carol], 1);
    await say(ids.foreign, [bob, dave], 2);
    bobSocket.close();
    socket = await alice.raw();
  });

  afterAll(async () => {
    opened.splice(0).forEach((client) => client.close());
    await api.close();
  });

  const idOf = (target: Target, upper = false) => (upper ? ids[target].toUpperCase() : ids[target]);
  const current = () => new Set([ids.direct, ids.room]);
  /** Conversations alice is or was in (keys and sync serve former participants too). */
  const visible = () => new Set([ids.direct, ids.room, ids.former]);
  /** Devices that may read new messages of alice's current conversations (everyone is vetted, nothing revoked). */
  const readable = (conversationId: string): Set<string> =>
    new Set(
      conversationId === ids.direct
        ? [alice.deviceId, bob.deviceId]
        : conversationId === ids.room
          ? [alice.deviceId, bob.deviceId, carol.deviceId]
          : [],
    );
  const readersOf = (readers: Readers): ChatUser[] => {
    switch (readers) {
      case 'pair':
        return [alice, bob];
      case 'partner':
        return [bob];
      case 'everyone':
        return [alice, bob, carol];
      case 'stray':
        return [alice, dave];
    }
  };

  async function snapshot(): Promise<Snapshot> {
    const messages = await api.dataSource.getRepository(MessageEntity).find({
      select: { id: true, conversationId: true, seq: true, senderId: true, clientMessageId: true },
    });
    const participants = await api.dataSource.getRepository(ParticipantEntity).find();
    const conversations = await api.dataSource
      .getRepository(ConversationEntity)
      .find({ select: { id: true, lastSeq: true } });
    const audit = await api.dataSource.getRepository(AuditEntryEntity).count();
    return {
      messages: messages
        .map((row) => ({
          id: row.id,
          conversationId: row.conversationId,
          seq: Number(row.seq),
          senderId: row.senderId,
          clientMessageId: row.clientMessageId,
        }))
        .sort(byConversationAndSeq),
      participants: participants
        .map((row) => ({
          conversationId: row.conversationId,
          memberId: row.memberId,
          role: row.role,
          readSeq: Number(row.readSeq),
          leftAt: row.leftAt ? new Date(row.leftAt).toISOString() : null,
          lastVisibleSeq: row.lastVisibleSeq === null ? null : Number(row.lastVisibleSeq),
        }))
        .sort((a, b) => (`${a.conversationId}:${a.memberId}` < `${b.conversationId}:${b.memberId}` ? -1 : 1)),
      lastSeq: Object.fromEntries(conversations.map((row) => [row.id, Number(row.lastSeq)])),
      audit,
    };
  }

  /** alice's participant row moved to `readSeq` (nothing else changed). */
  const withReadSeq = (before: Snapshot, conversationId: string, readSeq: number): Snapshot => ({
    ...before,
    participants: before.participants.map((row) =>
      row.conversationId === conversationId && row.memberId === alice.member.id ? { ...row, readSeq } : row,
    ),
  });
  const readSeqOf = (snapshot: Snapshot, conversationId: string): number =>
    snapshot.participants.find(
      (row) => row.conversationId === conversationId && row.memberId === alice.member.id,
    )?.readSeq ?? 0;

  // ——— Reference validators, one per event ———

  function judgeSend(wire: unknown, before: Snapshot): Verdict {
    if (!isObject(wire)) {
      return refuse('not an object');
    }
    const reserved = reservedPath(wire);
    if (reserved) {
      return refuse(`reserved key at ${reserved}`);
    }
    const fields = fieldProblem(wire, SEND_FIELDS);
    if (fields) {
      return refuse(fields);
    }
    if (!isUuid(wire.conversationId)) {
      return refuse('conversationId is not a UUID');
    }
    const clientMessageId = wire.clientMessageId;
    if (typeof clientMessageId !== 'string' || !CLIENT_MESSAGE_ID.test(clientMessageId)) {
      return refuse('clientMessageId is not 8–64 of [A-Za-z0-9_-]');
    }
    const conversationId = wire.conversationId.toLowerCase();
    const envelope = envelopeProblem(
      wire.envelope,
      { conversationId, clientMessageId, senderDeviceId: alice.deviceId },
      api.config.chat.maxEnvelopeBytes,
    );
    if (envelope) {
      return refuse(envelope);
    }
    const earlier = before.messages.find(
      (row) => row.senderId === alice.member.id && row.clientMessageId === clientMessageId,
    );
    if (earlier) {
      if (earlier.conversationId !== conversationId) {
        return refuse('clientMessageId already used in another conversation');
      }
      return {
        outcome: 'accept',
        why: 'a retry of a stored message',
        expect: unchanged((ack) => [
          ...ackFields(ack, ['messageId', 'seq', 'sentAt']),
          ...(ack.messageId === earlier.id && ack.seq === earlier.seq
            ? []
            : [`the retry was not answered with the first ack (${earlier.id} #${earlier.seq})`]),
        ]),
      };
    }
    if (!current().has(conversationId)) {
      return refuse('not a current participant');
    }
    const wraps = (wire.envelope as { wraps: { deviceId: string }[] }).wraps;
    const mayRead = readable(conversationId);
    if (!wraps.every((wrap) => mayRead.has(wrap.deviceId))) {
      return refuse('wraps a key for a device that may not read the conversation');
    }
    return {
      outcome: 'accept',
      why: 'a new message',
      expect: async (ack, previous) => {
        const seq = previous.lastSeq[conversationId] + 1;
        const problems = ackFields(ack, ['messageId', 'seq', 'sentAt']);
        if (ack.seq !== seq) {
          problems.push(`ack.seq ${String(ack.seq)}, expected the next seq ${seq}`);
        }
        if (typeof ack.sentAt !== 'string' || Number.isNaN(Date.parse(ack.sentAt))) {
          problems.push('ack.sentAt is not a timestamp');
        }
        const stored = isUuid(ack.messageId)
          ? await api.dataSource.getRepository(MessageEntity).findOneBy({ id: ack.messageId })
          : null;
        if (!stored) {
          problems.push('no stored message with ack.messageId');
        } else if (JSON.stringify(JSON.parse(stored.envelope)) !== JSON.stringify(wire.envelope)) {
          problems.push('the stored envelope is not the one sent');
        }
        const row: MessageRow = {
          id: String(ack.messageId),
          conversationId,
          seq,
          senderId: alice.member.id,
          clientMessageId,
        };
        const after = withReadSeq(
          previous,
          conversationId,
          Math.max(readSeqOf(previous, conversationId), seq),
        );
        return {
          after: {
            ...after,
            messages: [...previous.messages, row].sort(byConversationAndSeq),
            lastSeq: { ...previous.lastSeq, [conversationId]: seq },
          },
          problems,
        };
      },
    };
  }

  function judgeRead(wire: unknown): Verdict {
    if (!isObject(wire)) {
      return refuse('not an object');
    }
    const reserved = reservedPath(wire);
    if (reserved) {
      return refuse(`reserved key at ${reserved}`);
    }
    const fields = fieldProblem(wire, ['conversationId', 'seq']);
    if (fields) {
      return refuse(fields);
    }
    if (!isUuid(wire.conversationId)) {
      return refuse('conversationId is not a UUID');
    }
    const kind = seqKind(wire.seq);
    if (kind === 'invalid') {
      return refuse('seq is not an integer ≥ 0');
    }
    const conversationId = wire.conversationId.toLowerCase();
    if (!current().has(conversationId)) {
      return refuse('not a current participant');
    }
    const seq = wire.seq as number;
    return {
      outcome: kind === 'valid' ? 'accept' : 'either',
      why: 'a read receipt',
      // eslint-disable-next-line @typescript-eslint/require-await
      expect: async (ack, before) => {
        // Never back, never past the conversation's last message.
        const readSeq = Math.max(
          readSeqOf(before, conversationId),
          Math.min(seq, before.lastSeq[conversationId]),
        );
        const problems = ackFields(ack, ['readSeq']);
        if (ack.readSeq !== readSeq) {
          problems.push(`ack.readSeq ${String(ack.readSeq)}, expected ${readSeq}`);
        }
        return { after: withReadSeq(before, conversationId, readSeq), problems };
      },
    };
  }

  function judgeTyping(wire: unknown): Verdict {
    if (!isObject(wire)) {
      return refuse('not an object');
    }
    const reserved = reservedPath(wire);
    if (reserved) {
      return refuse(`reserved key at ${reserved}`);
    }
    const fields = fieldProblem(wire, ['conversationId', 'typing']);
    if (fields) {
      return refuse(fields);
    }
    if (!isUuid(wire.conversationId)) {
      return refuse('conversationId is not a UUID');
    }
    if (typeof wire.typing !== 'boolean') {
      return refuse('typing is not a boolean');
    }
    if (!current().has(wire.conversationId.toLowerCase())) {
      return refuse('not a current participant');
    }
    return { outcome: 'accept', why: 'a typing signal', expect: unchanged((ack) => ackFields(ack, [])) };
  }

  function judgeSync(wire: unknown): Verdict {
    if (!isObject(wire)) {
      return refuse('not an object');
    }
    const reserved = reservedPath(wire);
    if (reserved) {
      return refuse(`reserved key at ${reserved}`);
    }
    const fields = fieldProblem(wire, ['since'], ['limit']);
    if (fields) {
      return refuse(fields);
    }
    const since = wire.since;
    if (!isObject(since)) {
      return refuse('since is not an object');
    }
    const entries = Object.entries(since);
    if (entries.length > SINCE_MAX) {
      return refuse(`since has more than ${SINCE_MAX} entries`);
    }
    let lenient = false;
    for (const [key, value] of entries) {
      const kind = seqKind(value);
      if (!isUuid(key) || kind === 'invalid') {
        return refuse(`since.${key.slice(0, 40)} is not conversation id → seq ≥ 0`);
      }
      lenient ||= kind === 'either' || !STRICT_UUID.test(key);
    }
    const limit = Object.hasOwn(wire, 'limit') ? wire.limit : 100;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > SYNC_LIMIT_MAX) {
      return refuse(`limit is not an integer 1–${SYNC_LIMIT_MAX}`);
    }
    const after = new Map(entries.map(([key, value]) => [key.toLowerCase(), value as number]));
    return {
      outcome: lenient ? 'either' : 'accept',
      why: 'a sync',
      // eslint-disable-next-line @typescript-eslint/require-await
      expect: async (ack, before) => {
        const mine = before.participants.filter((row) => row.memberId === alice.member.id);
        const due = before.messages.filter((row) => {
          const participation = mine.find((p) => p.conversationId === row.conversationId);
          return (
            participation !== undefined &&
            row.seq > (after.get(row.conversationId) ?? 0) &&
            (participation.leftAt === null || row.seq <= (participation.lastVisibleSeq ?? 0))
          );
        });
        const problems = ackFields(ack, ['messages', 'hasMore']);
        const got = Array.isArray(ack.messages)
          ? (ack.messages as Json[]).map(
              (m) => `${String(m.conversationId)}#${String(m.seq)} ${String(m.messageId)}`,
            )
          : [];
        const want = due.slice(0, limit).map((row) => `${row.conversationId}#${row.seq} ${row.id}`);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          problems.push(`sync returned ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
        }
        if (ack.hasMore !== due.length > limit) {
          problems.push(`hasMore ${String(ack.hasMore)} with ${due.length} due and limit ${limit}`);
        }
        return { after: before, problems };
      },
    };
  }

  function judgeKeys(wire: unknown): Verdict {
    if (!isObject(wire)) {
      return refuse('not an object');
    }
    const reserved = reservedPath(wire);
    if (reserved) {
      return refuse(`reserved key at ${reserved}`);
    }
    const fields = fieldProblem(wire, [], ['conversationId', 'memberIds']);
    if (fields) {
      return refuse(fields);
    }
    const named = Object.keys(wire);
    if (named.length !== 1) {
      return refuse('not exactly one of conversationId and memberIds');
    }
    let owners: Set<string>;
    let current = true;
    if (named[0] === 'conversationId') {
      if (!isUuid(wire.conversationId)) {
        return refuse('conversationId is not a UUID');
      }
      const conversationId = wire.conversationId.toLowerCase();
      if (!visible().has(conversationId)) {
        return refuse('not a participant, now or before');
      }
      // Everyone in these conversations joined at their creation, before alice left `former`.
      owners = new Set(
        conversationId === ids.direct
          ? [alice.member.id, bob.member.id]
          : [alice.member.id, bob.member.id, carol.member.id],
      );
      current = conversationId !== ids.former;
    } else {
      const memberIds = wire.memberIds;
      if (
        !Array.isArray(memberIds) ||
        memberIds.length < 1 ||
        memberIds.length > KEYS_MEMBERS_MAX ||
        !memberIds.every(isUuid)
      ) {
        return refuse(`memberIds is not a list of 1–${KEYS_MEMBERS_MAX} UUIDs`);
      }
      owners = new Set(memberIds.map((id) => id.toLowerCase()));
      const shared = new Set([alice.member.id, bob.member.id, carol.member.id]);
      if (![...owners].every((id) => shared.has(id))) {
        return refuse('names a member alice shares no conversation with');
      }
    }
    return {
      outcome: 'accept',
      why: 'a keys lookup',
      expect: unchanged((ack) => {
        const problems = ackFields(ack, ['devices']);
        const devices = Array.isArray(ack.devices) ? (ack.devices as Json[]) : [];
        const got = devices.map((device) => String(device.memberId)).sort();
        if (JSON.stringify(got) !== JSON.stringify([...owners].sort())) {
          problems.push(
            `keys of ${JSON.stringify(got)}, expected one device each of ${JSON.stringify([...owners])}`,
          );
        }
        if (!devices.every((device) => device.current === current && device.revoked === false)) {
          problems.push(`devices not all current=${current}, unrevoked`);
        }
        return problems;
      }),
    };
  }

  // ——— Running one case ———

  const usable = async (): Promise<string[]> => {
    if (!socket.connected) {
      socket = await alice.raw();
      return ['the socket was disconnected'];
    }
    try {
      const pong: Ack = await socket.timeout(5000).emitWithAck('session:ping', {});
      return pong.ok === true ? [] : [`session:ping answered ${preview(pong)}`];
    } catch {
      return ['session:ping got no answer'];
    }
  };

  /** An oversized frame: the server closes the socket (by design) and changes nothing; then reconnect. */
  async function oversized(event: string, payload: unknown, before: Snapshot): Promise<string[]> {
    const problems: string[] = [];
    const closed = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 5000);
      socket.once('disconnect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    socket.emit(event, payload);
    if (!(await closed)) {
      problems.push(`a frame over ${api.config.chat.maxHttpBufferSize} bytes did not close the socket`);
      socket.close();
    }
    problems.push(...differences(before, await snapshot()));
    socket = await alice.raw();
    return problems;
  }

  /**
   * Sends one generated payload and checks the invariant; throws (for fast-check to report with the seed) when the
   * answer or the database disagrees with the reference validator.
   */
  async function probe(
    event: string,
    build: (before: Snapshot) => unknown,
    judge: (wire: unknown, before: Snapshot) => Verdict,
    tally: Tally,
  ): Promise<void> {
    const before = await snapshot();
    const payload: unknown = await build(before);
    const wire = onTheWire(payload);
    // socket.io frame: engine.io and socket.io packet types, the ack id, then the JSON array.
    const bytes = Buffer.byteLength(JSON.stringify([event, payload ?? null])) + 8;
    const limit = api.config.chat.maxHttpBufferSize;
    fc.pre(Math.abs(bytes - limit) > 256); // too close to the limit to tell which side the server counts it on
    let ack: Ack | undefined;
    const problems: string[] = [];
    const verdict = judge(wire, before);
    if (bytes > limit) {
      tally.oversized += 1;
      problems.push(...(await oversized(event, payload, before)));
    } else {
      try {
        ack = await (payload === undefined
          ? socket.timeout(5000).emitWithAck(event)
          : socket.timeout(5000).emitWithAck(event, payload));
      } catch {
        problems.push('no ack within 5 s');
      }
      const after = await snapshot();
      if (ack !== undefined && isObject(ack) && ack.ok === true) {
        tally.ok += 1;
        if (verdict.outcome === 'refuse') {
          problems.push(
            `accepted, but the contract refuses it: ${verdict.why}`,
            ...differences(before, after),
          );
        } else {
          const expected = await verdict.expect(ack, before);
          problems.push(...expected.problems, ...differences(expected.after, after));
        }
      } else if (ack !== undefined) {
        tally.refused += 1;
        if (verdict.outcome === 'accept') {
          problems.push(`refused, but the contract accepts it (${verdict.why})`);
        }
        problems.push(...(isObject(ack) ? refusalProblems(ack) : ['the ack is not an object']));
        problems.push(...differences(before, after));
      }
      problems.push(...(await usable()));
    }
    if (problems.length > 0) {
      throw new Error(
        [
          `${event} broke the contract:`,
          ...problems.map((problem) => `  - ${problem}`),
          `  payload (${bytes} bytes on the wire): ${preview(wire)}`,
          `  reference: ${verdict.outcome} (${verdict.why})`,
          `  ack: ${preview(ack)}`,
        ].join('\n'),
      );
    }
  }

  /** Both branches must have been exercised, or the property proved nothing. */
  const bothBranches = (tally: Tally) => {
    expect(tally.ok).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  };

  // ——— Generators that need the conversation ids ———

  const conversationIds = () =>
    fc.tuple(targets(), mostlyFalse()).map(([target, upper]) => idOf(target, upper));
  const badIds = (): fc.Arbitrary<unknown> =>
    fc.oneof(
      fc.string({ maxLength: 40 }),
      unicodeEdge(),
      fc.uuid({ version: 4 }),
      fc.constantFrom(
        'not-a-uuid',
        '',
        'aaaaaaaa-aaaa-9aaa-7aaa-aaaaaaaaaaaa',
        '00000000-0000-0000-0000-000000000000',
      ),
      fc
        .constantFrom<Target>('direct', 'room')
        .map((target) => [
          ids[target].replaceAll('-', ''),
          `{${ids[target]}}`,
          ` ${ids[target]}`,
          `${ids[target]}\u0000`,
          ids[target].slice(0, 35),
          `${ids[target]}0`,
        ])
        .chain((variants) => fc.constantFrom(...variants)),
      fc.constantFrom(null, 7, true, [], {}),
    );
  const seqs = () =>
    fc.oneof(
      { weight: 6, arbitrary: fc.nat({ max: 12 }) },
      { weight: 1, arbitrary: fc.constantFrom(0, SEQ_MAX, SEQ_MAX + 1, 2 ** 53, 1e308) },
    );
  const memberIds = () =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('alice', 'bob', 'carol').map((name) => memberOf(name)) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('alice', 'bob', 'carol').map((name) => memberOf(name).toUpperCase()),
      },
      { weight: 1, arbitrary: fc.constant('dave').map((name) => memberOf(name)) },
      { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
    );
  const memberOf = (name: string) =>
    ({ alice, bob, carol, dave })[name as 'alice']?.member.id ?? randomUUID();

  it(
    'should keep the message:send contract for every generated payload',
    async () => {
      const tally = newTally();
      const odd = fc.oneof(
        fc.string({ maxLength: 80 }),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,7}$/),
        fc.stringMatching(/^[A-Za-z0-9_-]{65,70}$/),
        unicodeEdge(),
        fc.constantFrom('has space 123', 'ünïcödé-id', 'abc/def/ghi', 'a'.repeat(64), 'a'.repeat(65)),
      );
      const plans: fc.Arbitrary<SendPlan> = fc.record({
        target: targets(),
        upper: mostlyFalse(),
        clientMessageId: fc.oneof(
          { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/).map((fresh) => ({ fresh })) },
          { weight: 2, arbitrary: fc.nat().map((retry) => ({ retry })) },
          { weight: 1, arbitrary: odd.map((value) => ({ odd: value })) },
        ),
        sealedFor: fc.record({
          conversation: fc.oneof(
            { weight: 12, arbitrary: fc.constant<'same'>('same') },
            { weight: 1, arbitrary: fc.constantFrom<'upper' | 'other'>('upper', 'other') },
          ),
          clientMessageId: fc.oneof(
            { weight: 9, arbitrary: fc.constant<'same'>('same') },
            { weight: 1, arbitrary: fc.constant<'other'>('other') },
          ),
          readers: fc.oneof(
            { weight: 8, arbitrary: fc.constant<Readers>('pair') },
            { weight: 1, arbitrary: fc.constantFrom<Readers>('partner', 'everyone', 'stray') },
          ),
        }),
        mutation: fc.oneof(
          { weight: 16, arbitrary: fc.constant<SendMutation>({ kind: 'none' }) },
          {
            weight: 1,
            arbitrary: fc
              .constantFrom(...SEND_FIELDS)
              .map((field): SendMutation => ({ kind: 'drop', field })),
          },
          {
            weight: 1,
            arbitrary: fc
              .tuple(extraKey(SEND_FIELDS), hostileJson(2))
              .map(([key, value]): SendMutation => ({ kind: 'extra', key, value })),
          },
          {
            weight: 2,
            arbitrary: fc
              .tuple(
                fc.constantFrom(...SEND_FIELDS),
                fc.oneof(hostileJson(3), badIds(), hugeValues(), nonObjects()),
              )
              .map(([field, value]): SendMutation => ({ kind: 'replace', field, value })),
          },
          {
            weight: 2,
            arbitrary: fc
              .tuple(fc.constantFrom(...RESERVED_KEYS), hostileJson(2), fc.nat({ max: 2 }))
              .map(([key, value, depth]): SendMutation => ({ kind: 'reserved', key, value, depth })),
          },
          {
            weight: 1,
            arbitrary: fc
              .constantFrom(...ENVELOPE_FIELDS)
              .map((field): SendMutation => ({ kind: 'envelope-drop', field })),
          },
          {
            weight: 1,
            arbitrary: fc
              .tuple(extraKey(ENVELOPE_FIELDS), fc.oneof(hostileJson(2), hugeValues()))
              .map(([key, value]): SendMutation => ({ kind: 'envelope-extra', key, value })),
          },
          {
            weight: 2,
            arbitrary: fc
              .tuple(fc.constantFrom(...ENVELOPE_FIELDS), fc.oneof(hostileJson(2), badIds(), oddNumber()))
              .map(([field, value]): SendMutation => ({ kind: 'envelope-replace', field, value })),
          },
          {
            weight: 2,
            arbitrary: fc
              .oneof(hostileJson(), nonObjects())
              .map((value): SendMutation => ({ kind: 'hostile', value })),
          },
        ),
      });
      const build = async (plan: SendPlan, before: Snapshot): Promise<unknown> => {
        if (plan.mutation.kind === 'hostile') {
          return plan.mutation.value; // nothing to seal
        }
        const used = before.messages.filter((row) => row.senderId === alice.member.id);
        const id = plan.clientMessageId;
        const clientMessageId =
          'fresh' in id
            ? id.fresh
            : 'odd' in id
              ? id.odd
              : used.length > 0
                ? used[id.retry % used.length].clientMessageId
                : `retry-${id.retry}`.padEnd(8, '0');
        const sealedConversation = {
          same: ids[plan.target],
          upper: ids[plan.target].toUpperCase(),
          other: plan.target === 'direct' ? ids.room : ids.direct,
        }[plan.sealedFor.conversation];
        const envelope = await alice.seal(
          sealedConversation,
          plan.sealedFor.clientMessageId === 'same'
            ? clientMessageId
            : `other-${clientMessageId}`.slice(0, 64),
          'fuzz',
          readersOf(plan.sealedFor.readers),
        );
        const payload = { conversationId: idOf(plan.target, plan.upper), clientMessageId, envelope };
        return mutateSend(payload, plan.mutation);
      };
      await fc.assert(
        fc.asyncProperty(plans, (plan) =>
          probe('message:send', (before) => build(plan, before), judgeSend, tally),
        ),
        fuzzParameters(),
      );
      bothBranches(tally);
    },
    fuzzTimeout(FUZZ_RUNS, 400),
  );

  it(
    'should keep the sync contract for every generated payload',
    async () => {
      const tally = newTally();
      const since = fc
        .subarray<Target>(['direct', 'room', 'former', 'foreign', 'unknown'])
        .chain((targets) =>
          fc.tuple(...targets.map((target) => fc.tuple(fc.constant(target), mostlyFalse(), seqs()))),
        )
        .map((entries) =>
          Object.fromEntries(entries.map(([target, upper, seq]) => [idOf(target, upper), seq])),
        );
      const limits = fc.oneof(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: SYNC_LIMIT_MAX }),
        fc.constantFrom(SYNC_LIMIT_MAX),
      );
      const valid = fc
        .tuple(since, fc.option(limits, { nil: undefined }))
        .map(([value, limit]): Json => (limit === undefined ? { since: value } : { since: value, limit }));
      /** `since` with n entries (unknown conversations are fine, 1000 at most). */
      const wide = (n: number) =>
        Object.fromEntries(
          Array.from({ length: n }, (_, i) => [
            `${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
            0,
          ]),
        );
      const payloads = mutations(valid, ['since', 'limit'], {
        since: fc.oneof(
          fc.constantFrom(wide(SINCE_MAX), wide(SINCE_MAX + 1), [], null, 'all', { 'not-a-uuid': 1 }),
          fc.dictionary(hostileKey(), hostileJson(1), { maxKeys: 3 }),
          since.map((value) => ({ ...value, [ids.direct]: -1 })),
          since.map((value) => ({ ...value, [ids.room]: 1.5 })),
          since.map((value) => ({ ...value, [ids.direct]: '1' })),
        ),
        limit: fc.oneof(oddNumber(), fc.constantFrom(0, SYNC_LIMIT_MAX + 1, null, '10', true, 1.5)),
      });
      await fc.assert(
        fc.asyncProperty(payloads, (payload) => probe('sync', () => payload, judgeSync, tally)),
        fuzzParameters(),
      );
      bothBranches(tally);
    },
    fuzzTimeout(FUZZ_RUNS, 400),
  );

  it(
    'should keep the message:read contract for every generated payload',
    async () => {
      const tally = newTally();
      const valid = fc.record({ conversationId: conversationIds(), seq: seqs() });
      const payloads = mutations(valid, ['conversationId', 'seq'], {
        conversationId: badIds(),
        seq: fc.oneof(oddNumber(), fc.constantFrom(-1, 1.5, null, '1', true, [1])),
      });
      await fc.assert(
        fc.asyncProperty(payloads, (payload) => probe('message:read', () => payload, judgeRead, tally)),
        fuzzParameters(),
      );
      bothBranches(tally);
    },
    fuzzTimeout(FUZZ_RUNS, 400),
  );

  it(
    'should keep the typing contract for every generated payload',
    async () => {
      const tally = newTally();
      const valid = fc.record({ conversationId: conversationIds(), typing: fc.boolean() });
      const payloads = mutations(valid, ['conversationId', 'typing'], {
        conversationId: badIds(),
        typing: fc.constantFrom('true', 'false', 1, 0, null, [], {}),
      });
      await fc.assert(
        fc.asyncProperty(payloads, (payload) => probe('typing', () => payload, judgeTyping, tally)),
        fuzzParameters(),
      );
      bothBranches(tally);
    },
    fuzzTimeout(FUZZ_RUNS, 400),
  );

  it(
    'should keep the keys contract for every generated payload',
    async () => {
      const tally = newTally();
      const byConversation = fc.record({ conversationId: conversationIds() });
      const byMembers = fc.record({ memberIds: fc.array(memberIds(), { minLength: 1, maxLength: 4 }) });
      const valid = fc.oneof(byConversation, byMembers);
      const payloads = fc.oneof(
        {
          weight: 9,
          arbitrary: mutations(valid, ['conversationId', 'memberIds'], {
            conversationId: badIds(),
            memberIds: fc.oneof(
              fc.constant([]),
              fc.constant(Array.from({ length: KEYS_MEMBERS_MAX }, () => bob.member.id)),
              fc.constant(Array.from({ length: KEYS_MEMBERS_MAX + 1 }, () => bob.member.id)),
              fc.array(badIds(), { minLength: 1, maxLength: 3 }),
              fc.constantFrom(null, 'all', bob.member.id, { 0: bob.member.id }),
            ),
          }),
        },
        // Both at once, or neither.
        { weight: 1, arbitrary: fc.tuple(byConversation, byMembers).map(([a, b]): Json => ({ ...a, ...b })) },
        { weight: 1, arbitrary: fc.constant({}) },
      );
      await fc.assert(
        fc.asyncProperty(payloads, (payload) => probe('keys', () => payload, judgeKeys, tally)),
        fuzzParameters(),
      );
      bothBranches(tally);
    },
    fuzzTimeout(FUZZ_RUNS, 400),
  );

  // ——— Known defects, pinned ———

  /**
   * Sends a payload that must be refused with BAD_USER_INPUT (naming `field` when given) and checks that nothing
   * changed and the socket still answers.
   */
  async function refused(event: string, payload: Json, field?: string): Promise<void> {
    const before = await snapshot();
    const ack: Ack = await socket.timeout(5000).emitWithAck(event, payload);
    const after = await snapshot();
    expect({ event, payload: preview(payload, 300), ack }).toMatchObject({
      ack: { ok: false, error: { code: 'BAD_USER_INPUT', message: expect.any(String) } },
    });
    expect(refusalProblems(ack)).toEqual([]);
    if (field !== undefined) {
      const error = ack.error as Json;
      const named = [
        ...(Array.isArray(error.fields) ? error.fields.map((entry: Json) => String(entry.path)) : []),
        String(error.message),
      ];
      expect({ named, field }).toEqual({
        named: expect.arrayContaining([expect.stringContaining(field)]),
        field,
      });
    }
    expect(differences(before, after)).toEqual([]);
    expect(await usable()).toEqual([]);
  }

  const sealed = async (clientMessageId = `pinned-${randomUUID().slice(0, 8)}`) => ({
    conversationId: ids.direct,
    clientMessageId,
    envelope: await alice.seal(ids.direct, clientMessageId, 'pinned', [alice, bob]),
  });

  it(
    'should refuse typing with a top-level __proto__ key, naming it',
    async () => {
      await refused(
        'typing',
        { ['__proto__']: { x: 1 }, conversationId: ids.direct, typing: true },
        '__proto__',
      );
    },
    fuzzTimeout(1),
  );

  it.each(['__proto__', 'constructor'])(
    'should refuse message:send with a valid envelope and a top-level %s key, naming it, and store nothing',
    async (key) => {
      const payload = await sealed();
      await refused('message:send', { [key]: { x: 1 }, ...payload }, key);
      // The refusal kept the clientMessageId free: the clean payload is stored now.
      const ack: Ack = await socket.timeout(5000).emitWithAck('message:send', payload);
      expect(ack).toMatchObject({ ok: true, seq: expect.any(Number) });
    },
    fuzzTimeout(1),
  );

  it(
    'should refuse sync with since {"constructor": 1} as BAD_USER_INPUT naming it, not INTERNAL_SERVER_ERROR',
    async () => {
      await refused('sync', { since: { ['constructor']: 1 } }, 'constructor');
    },
    fuzzTimeout(1),
  );

  it(
    'should refuse an envelope with a nested constructor.prototype key, naming it, and store nothing',
    async () => {
      const payload = await sealed();
      await refused(
        'message:send',
        { ...payload, envelope: { ...payload.envelope, ['constructor']: { prototype: 1 } } },
        'envelope.constructor',
      );
    },
    fuzzTimeout(1),
  );

  it(
    'should answer seqs beyond 32 bits with a documented code, never INTERNAL_SERVER_ERROR (int4 on PostgreSQL)',
    async () => {
      for (const [event, payload] of [
        ['sync', { since: { [ids.direct]: SEQ_MAX + 1 } }],
        ['sync', { since: { [ids.room]: 1e308 } }],
        ['message:read', { conversationId: ids.direct, seq: 2 ** 53 }],
      ] as const) {
        const before = await snapshot();
        const ack: Ack = await socket.timeout(5000).emitWithAck(event, payload);
        expect({ event, payload, problems: ack.ok === true ? [] : refusalProblems(ack) }).toEqual({
          event,
          payload,
          problems: [],
        });
        if (ack.ok !== true) {
          expect(differences(before, await snapshot())).toEqual([]);
        }
      }
    },
    fuzzTimeout(1),
  );

  // Found by the properties above: names every object inherits are silently dropped (class-transformer skips keys
  // that name an inherited method), so such an extra field is accepted instead of refused.
  it.each<[string, string, () => Json | Promise<Json>]>([
    ['typing', 'toString', () => ({ conversationId: ids.direct, typing: true, toString: 1 })],
    ['message:read', 'valueOf', () => ({ conversationId: ids.direct, seq: 0, valueOf: 'x' })],
    ['sync', 'hasOwnProperty', () => ({ since: {}, hasOwnProperty: 1 })],
    ['sync', 'toString', () => ({ since: { toString: 1 } })],
    ['keys', '__defineGetter__', () => ({ conversationId: ids.direct, __defineGetter__: 1 })],
    ['message:send', 'isPrototypeOf', async () => ({ ...(await sealed()), isPrototypeOf: 1 })],
    [
      'message:send',
      'envelope.toString',
      async () => {
        const payload = await sealed();
        return { ...payload, envelope: { ...payload.envelope, toString: 'x' } };
      },
    ],
  ])(
    'should refuse %s with an extra field named %s (an inherited name), and change nothing',
    async (event, _, payload) => {
      await refused(event, await payload());
    },
    fuzzTimeout(1),
  );

  // Found by the properties above: null passes for an optional field (class-validator's IsOptional skips null).
  it.each<[string, string, () => Json]>([
    ['sync', '{"since":{},"limit":null}', () => ({ since: {}, limit: null })],
    ['keys', '{"conversationId":null}', () => ({ conversationId: null })],
    ['keys', '{"memberIds":null}', () => ({ memberIds: null })],
  ])(
    'should refuse %s %s (null is not a value of an optional field)',
    async (event, _, payload) => {
      await refused(event, payload());
    },
    fuzzTimeout(1),
  );
});

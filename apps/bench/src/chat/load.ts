import { io, type Socket } from 'socket.io-client';
import type { EnvelopeV1 } from '@app/crypto';
import { percentiles } from '../common/stats';

/** One connected load-generator socket: which room it is in and its handshake. */
export interface LoadClient {
  room: number;
  socket: Socket;
}

export interface RunResult {
  rate: number;
  sent: number;
  acked: number;
  failed: number;
  /** Deliveries to the other members of the room (the sender's own echo is not counted). */
  delivered: number;
  expected: number;
  p50: number;
  p99: number;
  max: number;
}

const now = () => performance.timeOrigin + performance.now();
let runs = 0;

/** Waits until no delivery has arrived for 500 ms (at most 15 s), so a backlog does not spill into the next run. */
async function quiet(clients: LoadClient[]): Promise<void> {
  let last = now();
  const touch = () => (last = now());
  clients.forEach((client) => client.socket.on('message:new', touch));
  const deadline = now() + 15_000;
  while (now() - last < 500 && now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  clients.forEach((client) => client.socket.off('message:new', touch));
}

/** Opens `count` sockets in batches (each its own connection), with the handshake `auth(i)` gives. */
export async function connectClients(
  urls: string[],
  count: number,
  auth: (index: number) => Record<string, unknown>,
  roomOf: (index: number) => number,
): Promise<LoadClient[]> {
  const clients: LoadClient[] = [];
  for (let start = 0; start < count; start += 100) {
    const batch = Array.from({ length: Math.min(100, count - start) }, (_, offset) => start + offset);
    clients.push(
      ...(await Promise.all(
        batch.map(
          (index) =>
            new Promise<LoadClient>((resolve, reject) => {
              const socket = io(urls[index % urls.length], {
                path: '/socket.io',
                transports: ['websocket'],
                reconnection: false,
                forceNew: true,
                auth: auth(index),
              });
              socket.once('connect', () => resolve({ room: roomOf(index), socket }));
              socket.once('connect_error', (error) => reject(error));
            }),
        ),
      )),
    );
  }
  return clients;
}

export function closeClients(clients: LoadClient[]): void {
  clients.forEach((client) => client.socket.close());
}

/** The clientMessageId carries what receivers need to measure (the envelope is sealed): run, sender, scheduled time. */
const messageId = (run: number, index: number, next: number, scheduled: number) =>
  `r${run}_${index}_${next.toString(36)}_${Math.round(scheduled * 10).toString(36)}`;

function parseMessageId(id: string): { run: number; from: number; scheduled: number } | null {
  const match = /^r(\d+)_(\d+)_[0-9a-z]+_([0-9a-z]+)$/.exec(id);
  return match
    ? { run: Number(match[1]), from: Number(match[2]), scheduled: parseInt(match[3], 36) / 10 }
    : null;
}

/**
 * Open loop: message k leaves at start + k / rate from client k mod n, whatever the acks do, carrying that client's
 * real sealed envelope (see envelopes.ts); latency is measured at each receiving member from the scheduled send
 * time carried in the clientMessageId (no coordinated omission). Bounded by `seconds` plus a drain of at most
 * `drainMs`.
 */
export async function runOpenLoop(
  clients: LoadClient[],
  roomIds: string[],
  roomSizes: number[],
  envelopes: EnvelopeV1[],
  rate: number,
  seconds: number,
  drainMs = 3000,
): Promise<RunResult> {
  const total = Math.round(rate * seconds);
  const run = ++runs;
  const latencies: number[] = [];
  let delivered = 0;
  let acked = 0;
  let failed = 0;
  let expected = 0;
  const listeners = clients.map((client, index) => {
    const listener = (message: { clientMessageId: string }) => {
      const sent = parseMessageId(message.clientMessageId);
      if (!sent || sent.run !== run || sent.from === index) {
        return; // a late delivery of an earlier run, or the sender's own copy
      }
      delivered += 1;
      latencies.push(now() - sent.scheduled);
    };
    client.socket.on('message:new', listener);
    return listener;
  });
  const start = now();
  let next = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((now() - start) / 1000) * rate) + 1);
      while (next < due) {
        const index = next % clients.length;
        const client = clients[index];
        const scheduled = start + (next * 1000) / rate;
        const id = messageId(run, index, next, scheduled);
        expected += roomSizes[client.room] - 1;
        client.socket
          .timeout(10_000)
          .emitWithAck('message:send', {
            conversationId: roomIds[client.room],
            clientMessageId: id,
            envelope: { ...envelopes[index], clientMessageId: id },
          })
          .then((ack: { ok: boolean }) => (ack.ok ? (acked += 1) : (failed += 1)))
          .catch(() => (failed += 1));
        next += 1;
      }
      if (next < total) {
        setTimeout(tick, 1);
      } else {
        done();
      }
    };
    tick();
  });
  const deadline = now() + drainMs;
  while ((delivered < expected || acked + failed < total) && now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  clients.forEach((client, index) => client.socket.off('message:new', listeners[index]));
  await quiet(clients);
  const stats = percentiles(latencies);
  return {
    rate,
    sent: total,
    acked,
    failed,
    delivered,
    expected,
    p50: stats.p50,
    p99: stats.p99,
    max: stats.max,
  };
}

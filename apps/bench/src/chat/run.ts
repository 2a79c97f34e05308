import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfiguration } from '@app/config';
import { dataSourceOptions, migrateDatabase } from '@app/database';
import { IDENTITY_ENTITIES } from '@app/identity';
import { MESSAGING_ENTITIES, MessageEntity } from '@app/messaging';
import { pin, rssOf, startServer, stopServer } from '../common/processes';
import { round } from '../common/stats';
import { envelopeTemplates, measureClientCrypto } from './envelopes';
import { closeClients, connectClients, runOpenLoop, type LoadClient, type RunResult } from './load';
import { createPopulation, type Population } from './population';

export interface ChatBenchSettings {
  root: string;
  smoke: boolean;
  dialect: 'sqlite' | 'postgres';
  clients: number;
  roomSize: number;
  rate: number;
  seconds: number;
  kneeRates: number[];
  kneeSeconds: number;
  idle: number;
  redisUrl?: string;
  /** Measure the client-side cost only (BENCH_CLIENT_ONLY=1): no servers started. */
  clientOnly?: boolean;
}

/** A step passes while p99 ≤ 50 ms and every message is acknowledged and delivered. */
const KNEE_P99_MS = 50;
const log = (line: string) => process.stdout.write(`${line}\n`);

const passes = (result: RunResult) =>
  result.failed === 0 &&
  result.acked === result.sent &&
  result.delivered >= result.expected &&
  result.p99 <= KNEE_P99_MS;

function describe(result: RunResult): string {
  return `${result.rate} msg/s: acked ${result.acked}/${result.sent}, delivered ${result.delivered}/${result.expected}, p50 ${round(result.p50, 1)} ms, p99 ${round(result.p99, 1)} ms`;
}

interface Target {
  name: 'counterpart' | 'bare';
  script: string;
  ready: RegExp;
  auth: (index: number) => Record<string, unknown>;
}

export async function runChatBench(settings: ChatBenchSettings) {
  pin(process.pid, 0);
  const config = loadConfiguration(process.env);
  log(
    `bench:chat — ${settings.dialect}, ${settings.clients} clients in rooms of ${settings.roomSize}, ${settings.rate} msg/s for ${settings.seconds} s`,
  );
  const dataSource = await new DataSource(
    dataSourceOptions(config.database, [...IDENTITY_ENTITIES, ...MESSAGING_ENTITIES]),
  ).initialize();
  await migrateDatabase(dataSource, { log });
  const population: Population = await createPopulation(
    dataSource,
    config.auth,
    Math.max(settings.clients, Math.ceil(settings.idle / 5)),
    settings.roomSize,
  );
  const members = population.members.slice(0, settings.clients);
  const roomSizes = population.rooms.map(
    (_, room) => members.filter((member) => member.room === room).length,
  );
  // Client side: the cost of sealing and opening one message of the room (E2EE), then one sealed envelope per sender.
  // 1,000 per stack: a p99 of 300 is the third-slowest, one collection more or less.
  const clientCrypto = await measureClientCrypto(
    members,
    population.rooms,
    settings.smoke ? 20 : 1000,
    settings.smoke ? 50 : 500,
  );
  const ms = (value: { p50: number; p99: number }) => `${round(value.p50, 2)} / ${round(value.p99, 2)} ms`;
  log(
    `  client crypto (room of ${clientCrypto.roomSize}, ${clientCrypto.bodyBytes}-byte body → ${clientCrypto.envelopeBytes}-byte envelope), p50 / p99: seal tweetnacl ${ms(clientCrypto.seal.tweetnacl)}, webcrypto ${ms(clientCrypto.seal.webcrypto)}; open tweetnacl ${ms(clientCrypto.open.tweetnacl)}, webcrypto ${ms(clientCrypto.open.webcrypto)}, node:crypto ${ms(clientCrypto.open.node)} (plaintext JSON ${round(clientCrypto.plaintext.p50, 3)} ms)`,
  );
  log(
    `  client catch-up on ${clientCrypto.catchUp.messages} messages (nothing cached): tweetnacl ${Math.round(clientCrypto.catchUp.tweetnacl)} ms, webcrypto ${Math.round(clientCrypto.catchUp.webcrypto)} ms, node:crypto ${Math.round(clientCrypto.catchUp.node)} ms`,
  );
  if (settings.clientOnly) {
    await dataSource.destroy();
    return { dialect: settings.dialect, clientCrypto };
  }
  const envelopes = await envelopeTemplates(members, population.rooms);
  /** An open-loop run of these clients over the population's rooms, each sender with its sealed envelope. */
  const load = (clients: LoadClient[], rate: number, seconds: number) =>
    runOpenLoop(clients, population.rooms, roomSizes, envelopes, rate, seconds);
  const env = { PORT: '0', CHAT_EMBEDDED: 'false' };
  const targets: Target[] = [
    {
      name: 'counterpart',
      script: resolve(settings.root, 'dist/apps/chat/apps/chat/src/main.js'),
      ready: /chat node listening at http:\/\/(?:localhost|127\.0\.0\.1):(\d+)/,
      auth: (index) => ({ token: members[index].token, deviceId: members[index].deviceId }),
    },
    {
      name: 'bare',
      script: resolve(settings.root, 'dist/apps/bench/apps/bench/src/chat/bare-relay.js'),
      ready: /bare relay listening on (\d+)/,
      auth: (index) => ({ room: members[index].room }),
    },
  ];
  const countStored = () => dataSource.getRepository(MessageEntity).count();
  const results: Record<
    string,
    { fixed: RunResult; persisted?: number; knee: number; steps: RunResult[]; bytesPerSocket: number }
  > = {};
  const { REDIS_URL: _ignored, ...withoutRedis } = process.env;

  for (const target of targets) {
    // (a) fixed rate, (b) knee.
    const server = await startServer(target.script, { ...withoutRedis, ...env }, target.ready);
    const url = `http://127.0.0.1:${server.port}`;
    try {
      const clients = await connectClients(
        [url],
        members.length,
        target.auth,
        (index) => members[index].room,
      );
      const storedBefore = await countStored();
      const fixed = await load(clients, settings.rate, settings.seconds);
      const persisted = target.name === 'counterpart' ? (await countStored()) - storedBefore : undefined;
      log(
        `  ${target.name.padEnd(11)} (a) ${describe(fixed)}${persisted === undefined ? '' : `, persisted ${persisted}`}`,
      );
      const steps: RunResult[] = [];
      let knee = 0;
      for (const rate of settings.kneeRates) {
        const step = await load(clients, rate, settings.kneeSeconds);
        steps.push(step);
        log(`  ${target.name.padEnd(11)} (b) ${describe(step)}${passes(step) ? '' : '  ← past the knee'}`);
        if (!passes(step)) {
          break;
        }
        knee = rate;
      }
      closeClients(clients);
      results[target.name] = { fixed, persisted, knee, steps, bytesPerSocket: Number.NaN };
    } finally {
      await stopServer(server.child);
    }

    // (c) memory per idle authenticated socket, on a fresh server.
    const fresh = await startServer(target.script, { ...withoutRedis, ...env }, target.ready);
    try {
      await new Promise((settle) => setTimeout(settle, 1000));
      const before = rssOf(fresh.child.pid ?? 0);
      const idleMembers = population.members;
      const idle = await connectClients(
        [`http://127.0.0.1:${fresh.port}`],
        settings.idle,
        (index) =>
          target.name === 'counterpart'
            ? {
                token: idleMembers[index % idleMembers.length].token,
                deviceId: idleMembers[index % idleMembers.length].deviceId,
              }
            : { room: idleMembers[index % idleMembers.length].room },
        (index) => idleMembers[index % idleMembers.length].room,
      );
      await new Promise((settle) => setTimeout(settle, 2000));
      const after = rssOf(fresh.child.pid ?? 0);
      closeClients(idle);
      results[target.name].bytesPerSocket = (after - before) / settings.idle;
      log(
        `  ${target.name.padEnd(11)} (c) ${settings.idle} idle sockets: ${round((after - before) / settings.idle / 1024, 1)} KiB per socket`,
      );
    } finally {
      await stopServer(fresh.child);
    }
  }

  // (d) two chat nodes over Redis, clients alternating between them (every room spans both).
  let twoNodes: RunResult | null = null;
  if (settings.redisUrl) {
    const counterpart = targets[0];
    const nodeEnv = { ...process.env, ...env, REDIS_URL: settings.redisUrl } as Record<string, string>;
    const nodes = [
      await startServer(counterpart.script, nodeEnv, counterpart.ready),
      await startServer(counterpart.script, nodeEnv, counterpart.ready),
    ];
    try {
      const clients = await connectClients(
        nodes.map((node) => `http://127.0.0.1:${node.port}`),
        members.length,
        counterpart.auth,
        (index) => members[index].room,
      );
      await load(clients, Math.max(1, Math.round(settings.rate / 4)), 2);
      twoNodes = await load(clients, settings.rate, settings.seconds);
      closeClients(clients);
      log(`  two nodes   (d) ${describe(twoNodes)}`);
    } finally {
      await Promise.all(nodes.map((node) => stopServer(node.child)));
    }
  } else {
    log('  (d) skipped: two nodes need Redis (REDIS_URL or `npm run services:start`)');
  }
  await dataSource.destroy();

  const ours = results.counterpart;
  const bare = results.bare;
  const report = {
    dialect: settings.dialect,
    clientCrypto,
    clients: settings.clients,
    roomSize: settings.roomSize,
    rate: settings.rate,
    seconds: settings.seconds,
    fixedRate: {
      counterpart: { ...ours.fixed, persisted: ours.persisted },
      bare: bare.fixed,
    },
    knee: {
      counterpart: ours.knee,
      bare: bare.knee,
      ratio: bare.knee ? round(ours.knee / bare.knee, 2) : null,
    },
    memoryPerSocketKiB: {
      counterpart: round(ours.bytesPerSocket / 1024, 1),
      bare: round(bare.bytesPerSocket / 1024, 1),
      ratio: round(ours.bytesPerSocket / bare.bytesPerSocket, 2),
    },
    twoNodes: twoNodes && { ...twoNodes, p99RatioToOneNode: round(twoNodes.p99 / ours.fixed.p99, 2) },
  };
  log(
    `  knee: counterpart ${ours.knee} msg/s, bare ${bare.knee} msg/s (ratio ${report.knee.ratio}); memory per socket ratio ${report.memoryPerSocketKiB.ratio}`,
  );
  if (settings.smoke) {
    // The smoke run checks completeness, not speed.
    const complete = (result: RunResult) =>
      result.acked === result.sent && result.delivered === result.expected;
    const problems = [
      !complete(ours.fixed) && `counterpart: ${describe(ours.fixed)}`,
      ours.persisted !== ours.fixed.sent && `counterpart persisted ${ours.persisted} of ${ours.fixed.sent}`,
      !complete(bare.fixed) && `bare: ${describe(bare.fixed)}`,
      twoNodes && !complete(twoNodes) && `two nodes: ${describe(twoNodes)}`,
    ].filter((problem): problem is string => typeof problem === 'string');
    if (problems.length > 0) {
      throw new Error(problems.join('; '));
    }
  }
  return report;
}

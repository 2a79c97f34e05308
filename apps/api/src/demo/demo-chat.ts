import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ChatClient, DeviceVault, MemoryKeyStore, type ReceivedMessage } from '@app/client';
import { NodeEd25519Verifier } from '@app/client/node';
import { formatSafetyNumber } from '@app/crypto';

/**
 * `npm run demo:chat`: two demo members talk through libs/client. Starts the built API on a free port with a fresh
 * demo database (or uses DEMO_URL if a server is already running), signs in Aigul (Kazakhstan) and Erkin
 * (Uzbekistan), registers a device for each, opens their direct conversation, exchanges messages with read receipts
 * and a typing signal, then reads the history back over GraphQL. Envelopes carry plain text here: end-to-end
 * encryption comes with libs/crypto.
 */
const PASSWORD = 'counterpart-demo-2026';
const AIGUL = 'aigul.bekmukhanova@kz.demo.counterpart.example';
const ERKIN = 'erkin.yuldashev@uz.demo.counterpart.example';
const say = (line: string) => process.stdout.write(`${line}\n`);

interface HistoryMessage {
  messageId: string;
  conversationId: string;
  seq: number;
  senderId: string;
  senderDeviceId: string;
  clientMessageId: string;
  envelope: string;
  sentAt: string;
}

async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DEMO_URL) {
    return { url: process.env.DEMO_URL, stop: () => Promise.resolve() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'counterpart-demo-'));
  const child = spawn(process.execPath, [resolve(__dirname, '../main.js')], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SQLITE_PATH: join(dir, 'demo.sqlite'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((found, fail) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        found(match[1]);
      }
    });
    child.once('exit', (code) => fail(new Error(`the API exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function graphql<T>(url: string, query: string, variables: object, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data) {
    throw new Error(body.errors?.[0]?.message ?? 'GraphQL request failed');
  }
  return body.data;
}

async function member(url: string, email: string, deviceName: string) {
  const { signIn } = await graphql<{ signIn: { accessToken: string; member: { id: string } } }>(
    url,
    'mutation($input: SignInInput!) { signIn(input: $input) { accessToken member { id } } }',
    { input: { email, password: PASSWORD } },
  );
  // The device makes its key pairs; only the public keys go to the server.
  const vault = await DeviceVault.open(new MemoryKeyStore());
  const { registerDevice } = await graphql<{ registerDevice: { id: string } }>(
    url,
    'mutation($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
    { input: { name: deviceName, ...vault.registration } },
    signIn.accessToken,
  );
  await vault.setDeviceId(registerDevice.id);
  return { id: signIn.member.id, token: signIn.accessToken, deviceId: registerDevice.id, vault };
}

async function main(): Promise<void> {
  const server = await startServer();
  const clients: ChatClient[] = [];
  try {
    say(`Server: ${server.url}`);
    const aigul = await member(server.url, AIGUL, 'Aigul — office laptop');
    const erkin = await member(server.url, ERKIN, 'Erkin — phone');
    const { startDirectConversation: conversation } = await graphql<{
      startDirectConversation: { id: string };
    }>(
      server.url,
      'mutation($id: ID!) { startDirectConversation(memberId: $id) { id } }',
      { id: erkin.id },
      aigul.token,
    );
    say(`Direct conversation ${conversation.id}\n`);

    const names = new Map([
      [aigul.id, 'Aigul'],
      [erkin.id, 'Erkin'],
    ]);
    // Node verifies signatures through node:crypto (≈ 0.1 ms each); a browser would use WebCrypto, the default.
    const verifier = new NodeEd25519Verifier();
    const connect = async (who: Awaited<ReturnType<typeof member>>) => {
      const client = new ChatClient({
        url: server.url,
        token: who.token,
        deviceId: who.deviceId,
        secrets: who.vault.secrets,
        verifier,
        trust: who.vault.trust,
      });
      clients.push(client);
      await client.connect();
      return client;
    };
    const [aigulClient, erkinClient] = [await connect(aigul), await connect(erkin)];
    const [fromAigul, fromErkin] = [
      await aigulClient.safetyNumber(erkin.id),
      await erkinClient.safetyNumber(aigul.id),
    ];
    say(`Safety number (Aigul's screen): ${formatSafetyNumber(fromAigul.digits)}`);
    say(`Safety number (Erkin's screen): ${formatSafetyNumber(fromErkin.digits)}`);
    say(`  ${fromAigul.digits === fromErkin.digits ? 'match — no key was swapped in between' : 'DIFFER'}\n`);
    const heard = new Promise<ReceivedMessage[]>((done) => {
      const got: ReceivedMessage[] = [];
      erkinClient.on('message', (message) => {
        got.push(message);
        if (got.length === 2) {
          done(got);
        }
      });
    });
    aigulClient.on('receipt', (receipt) =>
      say(`  ✓✓ ${names.get(receipt.memberId)} read up to #${receipt.readSeq}`),
    );
    aigulClient.on('typing', (signal) => signal.typing && say(`  … ${names.get(signal.memberId)} is typing`));

    for (const text of [
      'Salam, Erkin! We have a bus route Almaty → Tashkent flagged for forced labour recruitment.',
      'Can your office check two passport numbers informally before we send an MLA request?',
    ]) {
      const ack = await aigulClient.send(conversation.id, { text });
      say(`Aigul → #${ack.seq}: ${text}`);
    }
    const received = await heard;
    say(`Erkin received ${received.length} messages (seq ${received.map((m) => m.seq).join(', ')})`);
    received.forEach((m) =>
      say(`  #${m.seq} decrypted on Erkin's device: ${m.body?.text ?? `(${m.problem})`}`),
    );
    await erkinClient.read(conversation.id, received[received.length - 1].seq);
    await erkinClient.typing(conversation.id, true);
    const reply = 'Yes — send them over this channel; I will answer today. Formal request to follow.';
    const ack = await erkinClient.send(conversation.id, {
      text: reply,
      caveat: 'INFORMAL_NOT_FOR_JUDICIAL_USE',
    });
    await erkinClient.typing(conversation.id, false);
    say(`Erkin → #${ack.seq}: ${reply}`);
    await new Promise((settle) => setTimeout(settle, 200));

    const { messages } = await graphql<{
      messages: { messages: HistoryMessage[] };
    }>(
      server.url,
      'query($id: ID!) { messages(conversationId: $id, last: 10) { messages { messageId conversationId seq senderId senderDeviceId clientMessageId envelope sentAt } } }',
      { id: conversation.id },
      erkin.token,
    );
    say('\nWhat the server stores and returns (GraphQL `messages`) is ciphertext only:');
    const first = JSON.parse(messages.messages[0].envelope) as { ciphertext: string; wraps: unknown[] };
    say(`  #1 ciphertext ${first.ciphertext.slice(0, 40)}… (${first.wraps.length} wrapped keys)`);
    say("History decrypted on Erkin's device:");
    for (const message of messages.messages) {
      const opened = await erkinClient.decrypt(message);
      const caveat = opened.body?.caveat ? ` [${opened.body.caveat}]` : '';
      say(
        `  #${message.seq} ${names.get(message.senderId)}: ${opened.body?.text ?? `(${opened.problem})`}${caveat}`,
      );
    }
  } finally {
    clients.forEach((client) => client.close());
    await server.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`demo:chat failed: ${error.message}\n`);
  process.exit(1);
});

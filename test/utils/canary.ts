import { randomInt } from 'node:crypto';
import { ChatClient, type ReceivedMessage } from '@app/client';
import { TweetnaclDeviceSecrets } from '@app/crypto';
import { postGraphql, type RemoteChatUser } from './remote';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 32 random letters and digits: 32 bytes of UTF-8 that occur nowhere by chance. */
export function newCanary(): string {
  return Array.from({ length: 32 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/**
 * Every way the canary could show up server-side: its UTF-8 bytes, hex (both cases), and base64 / base64url at each of
 * the three byte alignments it could have inside a longer encoded stream.
 */
export function canaryForms(canary: string): { form: string; bytes: Buffer }[] {
  const raw = Buffer.from(canary, 'utf8');
  const forms = [
    { form: 'utf8', bytes: raw },
    { form: 'hex', bytes: Buffer.from(raw.toString('hex')) },
    { form: 'HEX', bytes: Buffer.from(raw.toString('hex').toUpperCase()) },
  ];
  for (let offset = 0; offset < 3; offset += 1) {
    const aligned = raw.subarray(offset, offset + Math.floor((raw.length - offset) / 3) * 3);
    forms.push({ form: `base64+${offset}`, bytes: Buffer.from(aligned.toString('base64')) });
    forms.push({ form: `base64url+${offset}`, bytes: Buffer.from(aligned.toString('base64url')) });
  }
  return forms;
}

/** The forms of the canary found in `haystack` (empty: none). */
export function findCanary(haystack: Buffer | string, canary: string): string[] {
  const buffer = typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : haystack;
  return canaryForms(canary)
    .filter(({ bytes }) => buffer.includes(bytes))
    .map(({ form }) => form);
}

/**
 * Alice (on `senderUrl`) starts a direct conversation with Bob through the API's GraphQL and sends the canary with a
 * caveat; Bob (on `receiverUrl`) receives, verifies and decrypts it. Returns what Bob read and the history GraphQL
 * returned to him.
 */
export async function exchangeCanary(
  urls: { api: string; sender: string; receiver: string },
  [alice, bob]: RemoteChatUser[],
  canary: string,
): Promise<{ read: ReceivedMessage; history: string }> {
  const started = await postGraphql(
    urls.api,
    alice.token,
    'mutation($id: ID!) { startDirectConversation(memberId: $id) { id } }',
    {
      id: bob.id,
    },
  );
  const conversationId = started.data?.startDirectConversation.id as string;
  const client = (url: string, who: typeof alice) =>
    new ChatClient({
      url,
      token: who.token,
      deviceId: who.deviceId,
      secrets: new TweetnaclDeviceSecrets(who.keys),
      socket: { reconnection: false },
    });
  const sender = client(urls.sender, alice);
  const receiver = client(urls.receiver, bob);
  try {
    const heard = new Promise<ReceivedMessage>((resolve) => receiver.on('message', resolve));
    await Promise.all([sender.connect(), receiver.connect()]);
    await sender.send(conversationId, { text: canary, caveat: 'DO_NOT_DISSEMINATE' });
    const read = await heard;
    const history = await postGraphql(
      urls.api,
      bob.token,
      'query($id: ID!) { messages(conversationId: $id, last: 10) { messages { seq envelope } } }',
      { id: conversationId },
    );
    return { read, history: JSON.stringify(history) };
  } finally {
    sender.close();
    receiver.close();
  }
}

import { describe, expect, it } from 'vitest';
import { receivedMessage as message } from '../testing/factories';
import { Threads } from './threads';

const CONVERSATION = 'c-1';

describe(Threads.name, () => {
  it('should keep stored lines in seq order, then waiting ones in the order written', () => {
    const threads = new Threads((flush) => flush());
    threads.received(message(3));
    threads.waiting({
      id: 'mine-2',
      conversationId: CONVERSATION,
      senderId: 'me',
      body: { text: 'b' },
      queuedAt: 20,
    });
    threads.waiting({
      id: 'mine-1',
      conversationId: CONVERSATION,
      senderId: 'me',
      body: { text: 'a' },
      queuedAt: 10,
    });
    threads.history(CONVERSATION, [message(1), message(2)], false);
    expect(threads.lines(CONVERSATION).map((line) => line.id)).toEqual([
      'cm-1',
      'cm-2',
      'cm-3',
      'mine-1',
      'mine-2',
    ]);
    expect(threads.extent(CONVERSATION)).toEqual({ oldestSeq: 1, hasOlder: false });
  });

  it('should turn a waiting line into a stored one once, whether the ack or the message comes first', () => {
    const threads = new Threads((flush) => flush());
    const line = {
      id: 'mine',
      conversationId: CONVERSATION,
      senderId: 'me',
      body: { text: 'hi' },
      queuedAt: 1,
    };
    threads.waiting(line);
    const ack = { messageId: 'm-5', seq: 5, sentAt: '2026-12-01T10:05:00.000Z' };
    // The line it became (the session seals it into the device's cache); nothing the second time.
    expect(threads.stored(CONVERSATION, 'mine', ack)).toMatchObject({ seq: 5, body: { text: 'hi' } });
    expect(threads.stored(CONVERSATION, 'mine', ack)).toBeUndefined();
    threads.received(
      message(5, { clientMessageId: 'mine', senderId: 'me', body: null, problem: 'NOT_A_RECIPIENT' }),
    );
    const lines = threads.lines(CONVERSATION);
    expect(lines).toHaveLength(1);
    // Its own text stays readable even if this device's wrap did not open.
    expect(lines[0]).toMatchObject({
      id: 'mine',
      seq: 5,
      status: 'stored',
      body: { text: 'hi' },
      problem: null,
    });
    // A message seen again (a reconnect's sync) does not come back as waiting.
    threads.waiting(line);
    expect(threads.lines(CONVERSATION)).toHaveLength(1);
  });

  it('should keep an undecryptable message with its reason, and a refused one until discarded', () => {
    const threads = new Threads((flush) => flush());
    threads.received(message(1, { body: null, problem: 'BAD_SIGNATURE' }));
    threads.waiting({
      id: 'x',
      conversationId: CONVERSATION,
      senderId: 'me',
      body: { text: 'no' },
      queuedAt: 1,
    });
    threads.refused(CONVERSATION, 'x', { code: 'FORBIDDEN', message: 'not a participant' });
    expect(threads.lines(CONVERSATION).map((line) => [line.status, line.problem])).toEqual([
      ['stored', 'BAD_SIGNATURE'],
      ['refused', null],
    ]);
    threads.discard(CONVERSATION, 'x');
    expect(threads.lines(CONVERSATION)).toHaveLength(1);
    expect(threads.last(CONVERSATION)?.seq).toBe(1);
  });

  it('should tell a conversation’s subscribers of its own changes only, with a new snapshot each time', () => {
    const threads = new Threads((flush) => flush());
    let calls = 0;
    threads.subscribe(CONVERSATION, () => (calls += 1));
    const before = threads.lines(CONVERSATION);
    threads.received(message(1));
    threads.received({ ...message(1), conversationId: 'other' });
    expect(calls).toBe(1);
    expect(threads.lines(CONVERSATION)).not.toBe(before);
    expect(threads.lines(CONVERSATION)).toBe(threads.lines(CONVERSATION));
  });
});

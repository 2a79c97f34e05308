import { describe, expect, it } from 'vitest';
import * as folding from '@app/folding';
import type { IndexedMessage } from './message-index';
import { MessageSearch, type MessageSource } from './message-search';

const MESSAGE: IndexedMessage = {
  conversationId: 'c-1',
  seq: 1,
  senderId: 'them',
  sentAt: '2026-12-01T10:00:00.000Z',
  text: 'Yuldashev calls back at nine',
};

/** A source whose readAll answers only when the test says so. */
function heldSource(messages: IndexedMessage[]) {
  let release = () => {};
  const read = new Promise<void>((resolve) => {
    release = resolve;
  });
  const source: MessageSource = {
    count: () => Promise.resolve(messages.length),
    readAll: async () => {
      await read;
      return { messages, unreadable: 0 };
    },
  };
  return { source, release: () => release() };
}

/** What the search holds in memory: nothing decrypted may stay once it is closed. */
const held = (search: MessageSearch) => {
  const inside = search as unknown as { index?: unknown; folding?: unknown };
  return { index: inside.index, folding: inside.folding };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe(MessageSearch.name, () => {
  for (const [what, messages] of [
    ['an empty cache', []],
    ['a cache with messages', [MESSAGE]],
  ] as const) {
    it(`should keep nothing when closed while ${what} is being read`, async () => {
      const { source, release } = heldSource([...messages]);
      const search = new MessageSearch(source, () => Promise.resolve(folding));
      search.start();
      await settle();
      expect(search.getState()).toEqual({ status: 'indexing', count: messages.length });

      search.close();
      release();
      await settle();

      expect(held(search)).toEqual({ index: undefined, folding: undefined });
      expect(search.getState()).toEqual({ status: 'idle' });
      expect(search.search('yuldashev')).toBeNull();
    });
  }

  it('should hold the index once built when it is not closed', async () => {
    const { source, release } = heldSource([MESSAGE]);
    const search = new MessageSearch(source, () => Promise.resolve(folding));
    search.start();
    release();
    await settle();
    expect(search.getState()).toMatchObject({ status: 'ready', size: 1 });
    expect(search.search('yuldashev')?.total).toBe(1);
  });
});

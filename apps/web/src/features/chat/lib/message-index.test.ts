import { describe, expect, it } from 'vitest';
import * as folding from '@app/folding';
import { highlight, MessageIndex, type IndexedMessage } from './message-index';
import { MessageSearch } from './message-search';

let seq = 0;
const message = (text: string, overrides: Partial<IndexedMessage> = {}): IndexedMessage => {
  seq += 1;
  return {
    conversationId: 'c-1',
    seq,
    senderId: 'them',
    sentAt: `2026-12-01T10:${String(seq % 60).padStart(2, '0')}:00.000Z`,
    text,
    ...overrides,
  };
};

const texts = (index: MessageIndex, query: string) => index.search(query).messages.map((found) => found.text);

describe(MessageIndex.name, () => {
  const bus = message('Маршрут автобуса меняется в понедельник');
  const yuldashev = message('Юлдашев перезвонит в девять');
  const latin = message('Call Yuldashev back about the bus schedule');
  const persian = message('پرونده محمدی فردا بررسی می‌شود');
  const index = new MessageIndex(folding);
  index.add([bus, yuldashev, latin, persian]);

  it('should find Cyrillic text from a Latin query and Latin text from a Cyrillic one', () => {
    expect(texts(index, 'avtobus')).toEqual([bus.text]);
    expect(texts(index, 'Yuldashev')).toEqual([latin.text, yuldashev.text]);
    expect(texts(index, 'Юлдашев')).toEqual([latin.text, yuldashev.text]);
    expect(texts(index, 'Iuldashev')).toEqual([latin.text, yuldashev.text]);
    // Persian script is written without most vowels: a Persian query finds it (the directory relies on name variants).
    expect(texts(index, 'محمدی')).toEqual([persian.text]);
  });

  it('should need every query word to start a word of the message (prefixes, never the middle)', () => {
    expect(texts(index, 'avto ponedel')).toEqual([bus.text]);
    expect(texts(index, 'avtobus vtornik')).toEqual([]);
    expect(texts(index, 'бус')).toEqual([latin.text]); // "bus", not the end of "автобуса"
    expect(texts(index, 'Yuld bus')).toEqual([latin.text]);
    // A query stopping inside a folded letter group ("sh" → "s"): "Yuldash" is "iuldas…".
    expect(texts(index, 'Yuldash')).toEqual([latin.text, yuldashev.text]);
  });

  it('should answer newest first, count every match and give back at most `limit`', () => {
    const many = new MessageIndex(folding);
    const older = message('report one', { sentAt: '2026-01-01T00:00:00.000Z' });
    const newer = message('report two', { sentAt: '2026-06-01T00:00:00.000Z', conversationId: 'c-2' });
    const newest = message('report three', { sentAt: '2026-12-01T00:00:00.000Z' });
    many.add([older, newest, newer]);
    expect(many.search('report')).toEqual({
      words: ['report'],
      total: 3,
      messages: [newest, newer, older],
    });
    expect(many.search('report', 1)).toEqual({ words: ['report'], total: 3, messages: [newest] });
  });

  it('should add a message once per conversation and seq, and find what is added later', () => {
    const growing = new MessageIndex(folding);
    const first = message('Встреча в среду');
    expect(growing.add([first, first])).toBe(1);
    expect(growing.add([{ ...first, text: 'a second copy' }])).toBe(0);
    expect(growing.size).toBe(1);
    expect(texts(growing, 'vstrecha')).toEqual([first.text]);
    growing.add([message('Вторая встреча в пятницу')]);
    expect(growing.search('vstrecha').total).toBe(2);
  });

  it('should answer nothing for an empty query or one without searchable words', () => {
    expect(index.search('')).toEqual({ words: [], total: 0, messages: [] });
    expect(index.search(' ,.- ')).toEqual({ words: [], total: 0, messages: [] });
  });
});

describe(highlight.name, () => {
  it('should mark the words the query matched, in any script, and keep the rest as written', () => {
    const words = folding.foldWords('avtobus Yuldashev');
    expect(highlight(folding, 'Юлдашев: автобуса нет, bus later.', words)).toEqual([
      { text: 'Юлдашев', mark: true },
      { text: ': ', mark: false },
      { text: 'автобуса', mark: true },
      { text: ' нет, bus later.', mark: false },
    ]);
  });

  it('should mark nothing when nothing matches', () => {
    expect(highlight(folding, 'Встреча в среду', ['avtobus'])).toEqual([
      { text: 'Встреча в среду', mark: false },
    ]);
  });
});

describe(MessageSearch.name, () => {
  it('should index the source once, then take what arrives while it is open, and forget all when closed', async () => {
    const stored = [message('Маршрут автобуса меняется')];
    let reads = 0;
    const search = new MessageSearch(
      {
        count: () => Promise.resolve(stored.length),
        readAll: () => {
          reads += 1;
          return Promise.resolve({ messages: stored, unreadable: 1 });
        },
      },
      () => import('@app/folding'),
    );
    const seen: string[] = [];
    search.subscribe(() => seen.push(search.getState().status));
    expect(search.search('avtobus')).toBeNull();
    search.start();
    search.add([message('Второй автобус опоздал')]); // arrives while it is being built
    search.start();
    await expect.poll(() => search.getState().status).toBe('ready');
    expect(seen.slice(0, 2)).toEqual(['loading', 'indexing']);
    expect(reads).toBe(1);
    expect(search.getState()).toEqual({ status: 'ready', size: 2, unreadable: 1, version: 0 });
    expect(search.search('avtobus')?.total).toBe(2);

    search.add([message('Третий автобус')]);
    expect(search.getState()).toMatchObject({ size: 3, version: 1 });
    expect(search.search('avtobus')?.total).toBe(3);

    search.close();
    expect(search.search('avtobus')).toBeNull();
    expect(search.getState()).toEqual({ status: 'idle' });
    search.start();
    expect(reads).toBe(1);
  });

  it('should say it failed when the cache does not open, and try again when asked', async () => {
    let fail = true;
    const search = new MessageSearch(
      {
        count: () => Promise.resolve(1),
        readAll: () =>
          fail
            ? Promise.reject(new Error('no'))
            : Promise.resolve({ messages: [message('Встреча')], unreadable: 0 }),
      },
      () => import('@app/folding'),
    );
    search.start();
    await expect.poll(() => search.getState().status).toBe('failed');
    fail = false;
    search.start();
    await expect.poll(() => search.getState().status).toBe('ready');
    expect(search.search('vstrecha')?.total).toBe(1);
  });
});

describe('MessageIndex words', () => {
  it('should index the words foldWords gives for the whole text', () => {
    const texts = [
      'Маршрут автобуса — меняется в понедельник, Юлдашев O’Brien   Anti-Trafficking',
      'پرونده محمدی فردا بررسی می‌شود',
      'Məmmədov ÖZTÜRK: Qurbonov/Kholmatov (Жанар)',
    ];
    for (const text of texts) {
      const index = new MessageIndex(folding);
      index.add([message(text)]);
      for (const word of folding.foldWords(text)) {
        expect(index.search(word).total, `${word} of ${text}`).toBe(1);
      }
      expect((index as unknown as { postings: Map<string, number[]> }).postings.size).toBe(
        folding.foldWords(text).length,
      );
    }
  });
});

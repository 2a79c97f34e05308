import { foldToken, foldWords } from './fold';

describe(foldToken.name, () => {
  it.each([
    ['Юлдашев', 'Yuldashev'],
    ['Iuldashev', 'Yuldashev'],
    ['Холматов', 'Xolmatov'],
    ['Kholmatov', 'Holmatov'],
    ['Mohammadi', 'Mohamadi'],
    ['Annaýew', 'Annayev'],
    ['Géstri', 'Gestri'],
    ['Жанар', 'Janar'],
    ['Kuznetsov', 'Kuznecov'],
    ['Qurbonov', 'Kurbonov'],
    ['Mousavi', 'Musavi'],
    ['Seitkaliyev', 'Seitkaliev'],
    ['Məmmədov', 'Memmedov'],
    ['ÖZTÜRK', 'ozturk'],
    ['автобус', 'avtobus'],
  ])('should fold %s and %s to the same key', (a, b) => {
    expect(foldToken(a)).toBe(foldToken(b));
    expect(foldToken(a)).toMatch(/^[a-z0-9]+$/);
  });

  it('should keep different names apart', () => {
    expect(foldToken('Karimov')).not.toBe(foldToken('Rahimov'));
    expect(foldToken('Khan')).not.toBe(foldToken('Kahn'));
  });
});

describe(foldWords.name, () => {
  it('should split on punctuation and dashes', () => {
    expect(foldWords('Ministry of Internal Affairs — Anti-Trafficking Unit')).toEqual([
      'ministri',
      'of',
      'internal',
      'afairs',
      'anti',
      'trafiking',
      'unit',
    ]);
  });

  it('should fold Cyrillic and Persian text to the words of its Latin spelling, once each', () => {
    expect(foldWords('Маршрут автобуса меняется, автобуса нет')).toEqual(
      foldWords('Marshrut avtobusa menyaetsya avtobusa net'),
    );
    expect(foldWords('محمدی')).toEqual(foldWords('Mhmdy'));
  });

  it('should keep an apostrophe inside its word and answer nothing for nothing', () => {
    expect(foldWords('O’Brien')).toEqual(['obrien']);
    expect(foldWords('')).toEqual([]);
    expect(foldWords(null)).toEqual([]);
    expect(foldWords(' -- ')).toEqual([]);
  });
});

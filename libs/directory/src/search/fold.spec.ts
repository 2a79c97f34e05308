import { foldToken, foldWords, parseSearchKey, searchKeyFor } from './fold';

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
  ])('should fold %s and %s to the same key', (a, b) => {
    expect(foldToken(a)).toBe(foldToken(b));
    expect(foldToken(a)).toMatch(/^[a-z0-9]+$/);
  });

  it('should keep different names apart', () => {
    expect(foldToken('Karimov')).not.toBe(foldToken('Rahimov'));
    expect(foldToken('Khan')).not.toBe(foldToken('Kahn'));
  });
});

describe(searchKeyFor.name, () => {
  it('should keep name words before the separator and other words after it, folded once', () => {
    const key = searchKeyFor({
      displayName: 'Erkin Yuldashev',
      nativeName: 'Эркин Юлдашев',
      nameVariants: ['Erkin Iuldashev'],
      position: 'Senior Prosecutor',
      agencyName: 'General Prosecutor’s Office',
    });
    expect(parseSearchKey(key)).toEqual({
      names: ['erkin', 'iuldasev'],
      other: ['senior', 'prosecutor', 'general', 'prosecutors', 'ofice'],
    });
  });

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
});

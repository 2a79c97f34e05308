import { DIGRAPH_FOLDS, foldToken, foldWords } from './fold';
import { matchesPrefix, prefixForms } from './prefix-forms';

describe(prefixForms.name, () => {
  it('should read a query that stops inside a folded letter group both ways', () => {
    expect(prefixForms('belo')).toEqual(['belo', 'belu']);
    expect(prefixForms('bekmuk')).toContain('bekmuh');
    expect(prefixForms('er')).toEqual(['er']);
  });

  it('should keep DIGRAPH_FOLDS in step with the folding rules', () => {
    for (const [group, folded] of DIGRAPH_FOLDS) {
      expect(foldToken(`a${group}a`)).toBe(`a${folded}a`);
    }
  });
});

describe(matchesPrefix.name, () => {
  const words = (text: string) => foldWords(text);
  const matches = (query: string, text: string) =>
    words(query).every((word) =>
      words(text).some((candidate) => matchesPrefix(candidate, prefixForms(word))),
    );

  it('should find Cyrillic text from its Latin spelling and the reverse', () => {
    expect(matches('avtobus', 'Маршрут автобуса меняется')).toBe(true);
    expect(matches('автобус', 'The avtobus leaves at nine')).toBe(true);
    expect(matches('Yuldashev', 'Звонил Юлдашев')).toBe(true);
    expect(matches('Юлдашев', 'Call Iuldashev back')).toBe(true);
  });

  it('should match a word typed up to the middle of a folded letter group', () => {
    expect(matches('Бело', 'Olga Belousova')).toBe(true);
    expect(matches('Belou', 'Ольга Белоусова')).toBe(true);
    expect(matches('Bela', 'Ольга Белоусова')).toBe(false);
  });

  it('should match prefixes only, never the middle of a word', () => {
    expect(matches('bus', 'автобус')).toBe(false);
    expect(matches('avto', 'автобус')).toBe(true);
  });
});

import { foldWords } from '@app/folding';
import { candidatePieces, scoreKey, SCORES, withinOneEdit } from './scorer';
import { searchKeyFor } from './search-key';

const key = searchKeyFor({
  displayName: 'Erkin Yuldashev',
  nativeName: 'Эркин Юлдашев',
  nameVariants: [],
  position: 'Senior Prosecutor',
  agencyName: 'General Prosecutor’s Office',
});

describe(withinOneEdit.name, () => {
  it.each([
    ['iuldasev', 'iuldasov', true],
    ['iuldasev', 'iuldsev', true],
    ['iuldasev', 'iuldasevv', true],
    ['iuldasev', 'iudlasev', true],
    ['iuldasev', 'iuldasova', false],
    ['karimov', 'rahimov', false],
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe(scoreKey.name, () => {
  it('should rank exact over prefix over one typo, names over agency words', () => {
    expect(scoreKey(['iuldasev'], key)).toBe(SCORES.name.exact);
    expect(scoreKey(['iuldas'], key)).toBe(SCORES.name.prefix);
    expect(scoreKey(['iuldasov'], key)).toBe(SCORES.name.fuzzy);
    expect(scoreKey(['prosecutor'], key)).toBe(SCORES.other.exact);
    expect(scoreKey(['erkin', 'iuldasev'], key)).toBe(2 * SCORES.name.exact);
  });

  it('should require every word to match', () => {
    expect(scoreKey(['erkin', 'karimov'], key)).toBeNull();
    expect(scoreKey(['iuld'], key)).toBe(SCORES.name.prefix);
    expect(scoreKey(['iuldsv'], key)).toBeNull(); // too short for a typo
  });
});

describe(candidatePieces.name, () => {
  it('should give pieces that every one-typo variant still contains', () => {
    const word = 'iuldasev';
    const pieces = candidatePieces(word);
    const variants = ['iuldasov', 'iuldsev', 'iulldasev', 'iudlasev', 'iuldaesv', 'xuldasev', 'iuldasex'];
    for (const variant of variants) {
      expect(withinOneEdit(word, variant)).toBe(true);
      expect(pieces.some((piece) => variant.includes(piece))).toBe(true);
    }
    expect(candidatePieces('iu')).toEqual([' iu']);
    expect(candidatePieces('rahimi')).toEqual(['rahimi']);
  });
});

describe('prefix forms in the scorer', () => {
  const belousova = searchKeyFor({
    displayName: 'Olga Belousova',
    nativeName: 'Ольга Белоусова',
    nameVariants: [],
    position: null,
    agencyName: null,
  });

  it('should score a query that stops inside a folded letter group as a prefix (libs/folding prefixForms)', () => {
    expect(scoreKey(foldWords('Бело'), belousova)).toBe(SCORES.name.prefix);
    expect(scoreKey(foldWords('Belou'), belousova)).toBe(SCORES.name.prefix);
    expect(scoreKey(foldWords('Bela'), belousova)).toBeNull();
    expect(candidatePieces('belo')).toEqual(['belo', 'belu']);
  });
});

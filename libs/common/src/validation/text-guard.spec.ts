import { badText, findBadText, MAX_INPUT_DEPTH } from './text-guard';

describe(findBadText.name, () => {
  it('should accept ordinary text in every script, emoji and combining marks included', () => {
    expect(
      findBadText({ a: 'Юлдашев', b: ['یلداشف', 'Géstri', '👩‍👩‍👧', 'e\u0301'], c: 5, d: null }),
    ).toBeUndefined();
  });

  it('should find a NUL or a lone surrogate anywhere, keys included, with its path', () => {
    expect(findBadText({ input: { bio: 'a\u0000b' } })).toEqual({
      path: 'input.bio',
      problem: 'must not contain a NUL character',
    });
    expect(findBadText({ list: ['ok', 'lone \ud800'] })?.path).toBe('list.1');
    expect(findBadText({ ['\udfff']: 1 })?.problem).toMatch(/well-formed/);
    expect(findBadText('\ud800', 'email')?.path).toBe('email');
  });

  it('should tell a lone surrogate from a pair', () => {
    expect(badText('\ud83d\ude00')).toBeUndefined();
    expect(badText('\ude00\ud83d')).toBe('SURROGATE');
    expect(badText('x\ud83d')).toBe('SURROGATE');
  });

  it('should not walk class instances (a request object is not input)', () => {
    class Request {
      self = this;
      text = '\u0000';
    }
    expect(findBadText(new Request())).toBeUndefined();
  });

  it('should refuse a value nested deeper than MAX_INPUT_DEPTH, quickly and with a short path', () => {
    const nest = (levels: number, inner: unknown = 'x') => {
      let value: unknown = inner;
      for (let level = 0; level < levels; level += 1) {
        value = level % 2 ? [value] : { a: value };
      }
      return value;
    };
    expect(findBadText(nest(MAX_INPUT_DEPTH))).toBeUndefined();
    expect(findBadText(nest(MAX_INPUT_DEPTH + 1))?.problem).toMatch(/nest more than 32 levels/);
    const deep = findBadText({ email: nest(100_000) }, 'body');
    expect(deep?.problem).toMatch(/nest more than/);
    expect(deep?.path.length).toBeLessThanOrEqual(80);
  });
});

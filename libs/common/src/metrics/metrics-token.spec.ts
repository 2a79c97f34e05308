import { bearerMatches } from './metrics-token';

describe(bearerMatches.name, () => {
  const token = 'a-metrics-token-of-thirty-two-characters';

  it('should accept the token after Bearer, in any case of the scheme', () => {
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
  });

  it('should refuse a missing header, another scheme, another token or a prefix of it', () => {
    expect(bearerMatches(undefined, token)).toBe(false);
    expect(bearerMatches(`Basic ${token}`, token)).toBe(false);
    expect(bearerMatches(token, token)).toBe(false);
    expect(bearerMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(bearerMatches(`Bearer ${token.slice(0, -1)}`, token)).toBe(false);
    expect(bearerMatches('Bearer ', token)).toBe(false);
  });
});

import { loadConfiguration } from '@app/config';
import { ErrorCode } from '@app/common';
import { AccessTokenService } from './access-token.service';

function serviceWith(env: Record<string, string>): AccessTokenService {
  return new AccessTokenService(loadConfiguration({ NODE_ENV: 'test', ...env }).auth);
}

const claims = { sub: 'member-1', sid: 'session-1', role: 'MEMBER' };

describe(AccessTokenService.name, () => {
  const current = serviceWith({ JWT_SECRET: 'a'.repeat(40), JWT_KEY_ID: 'k2' });

  it('should verify its own tokens and return the claims', () => {
    expect(current.verify(current.sign(claims).token)).toEqual(claims);
  });

  it('should accept tokens of a previous key still in the ring, and refuse a retired one', () => {
    const old = serviceWith({ JWT_SECRET: 'b'.repeat(40), JWT_KEY_ID: 'k1' });
    const token = old.sign(claims).token;
    const rotated = serviceWith({
      JWT_SECRET: 'a'.repeat(40),
      JWT_KEY_ID: 'k2',
      JWT_PREVIOUS_KEYS: `k1:${'b'.repeat(40)}`,
    });
    expect(rotated.verify(token)).toEqual(claims);
    expect(() => current.verify(token)).toThrow(expect.objectContaining({ code: ErrorCode.UNAUTHENTICATED }));
  });

  it('should refuse tampered, foreign, expired and malformed tokens', () => {
    const token = current.sign(claims).token;
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN', typ: 'access' })).toString(
      'base64url',
    );
    const foreign = serviceWith({ JWT_SECRET: 'c'.repeat(40), JWT_KEY_ID: 'k2' }).sign(claims).token;
    const expired = serviceWith({
      JWT_SECRET: 'a'.repeat(40),
      JWT_KEY_ID: 'k2',
      ACCESS_TOKEN_TTL_SECONDS: '60',
    });
    jest.useFakeTimers({ now: Date.now() - 3_600_000 });
    const stale = expired.sign(claims).token;
    jest.useRealTimers();
    for (const bad of [
      `${header}.${forged}.${signature}`,
      foreign,
      stale,
      'not-a-token',
      `${header}.${payload}`,
    ]) {
      expect(() => current.verify(bad)).toThrow(expect.objectContaining({ code: ErrorCode.UNAUTHENTICATED }));
    }
  });
});

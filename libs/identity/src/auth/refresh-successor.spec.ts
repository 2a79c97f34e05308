import { randomToken, sha256Hex } from '../crypto/secrets';
import { RefreshSuccessors, successorKey, successorOf } from './refresh-successor';

// Computed independently with openssl:
//   printf 'counterpart refresh successor v1' | openssl dgst -sha256 -hmac "$SECRET" -binary | xxd -p -c 64
//   printf 'presented-refresh-token' | openssl dgst -sha256 -mac HMAC -macopt hexkey:$K -binary | base64 (url, no =)
const SECRET = 'test-jwt-secret-0123456789abcdef';
const KEY_HEX = '40774400c2883a6e2d0c84581aca8fab2a035542fd8622f91cfc74028002bef4';
const SUCCESSOR = 'J_v9cnhGoarzroqype6X14M-WqOcZzlnBVCnCcC3z1s';

describe(RefreshSuccessors.name, () => {
  it('should derive the key as HMAC-SHA256(JWT secret, label)', () => {
    expect(successorKey(SECRET).toString('hex')).toBe(KEY_HEX);
  });

  it('should derive the successor as base64url(HMAC-SHA256(k, token))', () => {
    expect(successorOf(Buffer.from(KEY_HEX, 'hex'), 'presented-refresh-token')).toBe(SUCCESSOR);
  });

  it('should give a token of the same form as a random refresh token (43 base64url characters)', () => {
    const next = new RefreshSuccessors([SECRET]).next(randomToken());
    expect(next).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(next).toHaveLength(randomToken().length);
  });

  it('should be deterministic for a token and differ between tokens and keys', () => {
    const token = randomToken();
    const ring = new RefreshSuccessors([SECRET]);
    expect(ring.next(token)).toBe(new RefreshSuccessors([SECRET]).next(token));
    expect(ring.next(token)).not.toBe(ring.next(randomToken()));
    expect(ring.next(token)).not.toBe(new RefreshSuccessors(['another-secret-0123456789abcdef']).next(token));
    expect(ring.next(token)).not.toBe(token);
  });

  it('should derive new successors with the current key and look them up with every key of the ring', () => {
    const token = randomToken();
    const previous = new RefreshSuccessors(['previous-secret-0123456789abcdef']);
    const ring = new RefreshSuccessors([SECRET, 'previous-secret-0123456789abcdef']);
    expect(ring.next(token)).toBe(new RefreshSuccessors([SECRET]).next(token));
    const candidates = ring.candidates(token);
    expect(candidates.map((c) => c.token)).toEqual([ring.next(token), previous.next(token)]);
    for (const candidate of candidates) {
      expect(candidate.tokenHash).toBe(sha256Hex(candidate.token));
    }
  });

  it('should refuse an empty key ring', () => {
    expect(() => new RefreshSuccessors([])).toThrow(/at least one key/);
  });
});

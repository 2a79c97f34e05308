import type { IncomingMessage } from 'node:http';
import { allowRequestFor } from './handshake';

function decide(url: string, origin?: string): { err: string | null; success: boolean } {
  const req = { url, headers: origin ? { origin } : {} } as IncomingMessage;
  let result = { err: 'not called' as string | null, success: false };
  allowRequestFor(['http://localhost:3000'])(req, (err, success) => {
    result = { err, success };
  });
  return result;
}

describe(allowRequestFor.name, () => {
  it('should allow an allowlisted origin', () => {
    expect(decide('/socket.io/?EIO=4&transport=websocket', 'http://localhost:3000')).toEqual({
      err: null,
      success: true,
    });
  });

  it('should allow a client that sends no Origin (not a browser)', () => {
    expect(decide('/socket.io/?EIO=4&transport=polling').success).toBe(true);
  });

  it('should refuse a foreign origin', () => {
    expect(decide('/socket.io/?EIO=4', 'https://evil.example')).toEqual({
      err: 'ORIGIN_NOT_ALLOWED',
      success: false,
    });
  });

  it('should refuse a token in the query string even from an allowed origin', () => {
    const result = decide('/socket.io/?EIO=4&token=abc', 'http://localhost:3000');
    expect(result.success).toBe(false);
    expect(result.err).toMatch(/^TOKEN_IN_QUERY/);
  });
});

import { base64 } from '@scure/base';
import nacl from 'tweetnacl';
import { fromBase64, toBase64 } from './bytes';

/** @scure/base, the audited reference the one-pass codec replaced: both must agree on every input. */
const reference = (text: string): number[] | undefined => {
  try {
    return Array.from(base64.decode(text));
  } catch {
    return undefined;
  }
};
const decoded = (text: string) => {
  const bytes = fromBase64(text);
  return bytes && Array.from(bytes);
};

describe('base64', () => {
  it('should encode every length as the reference does, and decode it back', () => {
    for (let length = 0; length <= 200; length += 1) {
      const bytes = nacl.randomBytes(length);
      const text = toBase64(bytes);
      expect(text).toBe(base64.encode(bytes));
      expect(fromBase64(text)).toEqual(bytes);
    }
  });

  it.each([
    ['', []],
    ['AA==', [0]],
    ['QQ==', [65]],
    ['QUI=', [65, 66]],
    ['QUJD', [65, 66, 67]],
    ['+/+/', [251, 255, 191]],
  ])('should decode %j', (text, bytes) => {
    expect(decoded(text)).toEqual(bytes);
  });

  it.each([
    'QR==', // unused bits set: another spelling of QQ==
    'QUJ=',
    'A===',
    '====',
    'QUJD\n',
    ' QUJD',
    'QU JD',
    'QUJ',
    'QU=D',
    '-_-_', // URL-safe alphabet
    'QUJDé===',
    'QUJD====',
  ])('should refuse %j', (text) => {
    expect(fromBase64(text)).toBeUndefined();
    expect(reference(text)).toBeUndefined();
  });

  it('should agree with the reference on random mutations of valid encodings', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n.é';
    for (let round = 0; round < 5000; round += 1) {
      const chars = [...toBase64(nacl.randomBytes(round % 13))];
      const edits = 1 + (round % 3);
      for (let edit = 0; edit < edits && chars.length > 0; edit += 1) {
        const at = nacl.randomBytes(1)[0] % chars.length;
        chars[at] = alphabet[nacl.randomBytes(1)[0] % alphabet.length];
      }
      const text = chars.join('');
      expect([text, decoded(text)]).toEqual([text, reference(text)]);
    }
  });
});

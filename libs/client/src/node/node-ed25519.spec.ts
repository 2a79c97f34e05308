import { hex } from '@scure/base';
import nacl from 'tweetnacl';
import { tweetnaclVerifier, utf8 } from '@app/crypto';
import { NodeEd25519Verifier } from './node-ed25519';

describe(NodeEd25519Verifier.name, () => {
  const verifier = new NodeEd25519Verifier();
  const keys = nacl.sign.keyPair();
  const message = utf8('counterpart');
  const signature = nacl.sign.detached(message, keys.secretKey);

  it('should accept a good signature and refuse anything else, as tweetnacl does', async () => {
    const flipped = signature.slice();
    flipped[63] ^= 0x40;
    const cases: Array<[Uint8Array, Uint8Array, Uint8Array]> = [
      [message, signature, keys.publicKey],
      [message, flipped, keys.publicKey],
      [utf8('counterparT'), signature, keys.publicKey],
      [message, signature, nacl.sign.keyPair().publicKey],
      [message, signature.subarray(1), keys.publicKey],
      [message, signature, keys.publicKey.subarray(1)],
      // Not a curve point: OpenSSL refuses to parse it; it verifies nothing.
      [message, signature, hex.decode('02' + 'ff'.repeat(31))],
    ];
    for (const [m, s, k] of cases) {
      expect(await verifier.verify(m, s, k)).toBe(await tweetnaclVerifier.verify(m, s, k));
    }
    expect(await verifier.verify(message, signature, keys.publicKey)).toBe(true);
  });

  it('should verify the RFC 8032 test 2 signature', async () => {
    const publicKey = hex.decode('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c');
    const sig = hex.decode(
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
    );
    expect(await verifier.verify(new Uint8Array([0x72]), sig, publicKey)).toBe(true);
  });
});

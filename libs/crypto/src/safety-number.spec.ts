import nacl from 'tweetnacl';
import { formatSafetyNumber, safetyNumber } from './safety-number';

describe(safetyNumber.name, () => {
  const alice = nacl.sign.keyPair().publicKey;
  const alicePhone = nacl.sign.keyPair().publicKey;
  const bob = nacl.sign.keyPair().publicKey;

  it('should give both sides the same 60 digits', () => {
    const fromAlice = safetyNumber(alice, bob);
    expect(fromAlice).toMatch(/^\d{60}$/);
    expect(safetyNumber(bob, alice)).toBe(fromAlice);
  });

  it('should change when either key changes (a key swapped by the server)', () => {
    const mallory = nacl.sign.keyPair().publicKey;
    expect(safetyNumber(alice, mallory)).not.toBe(safetyNumber(alice, bob));
    expect(safetyNumber(mallory, bob)).not.toBe(safetyNumber(alice, bob));
  });

  it('should cover all of a member’s devices, in any order', () => {
    const both = safetyNumber([alice, alicePhone], bob);
    expect(safetyNumber(bob, [alicePhone, alice])).toBe(both);
    expect(both).not.toBe(safetyNumber(alice, bob));
  });

  it('should format as 12 groups of 5', () => {
    expect(formatSafetyNumber('1'.repeat(60)).split(' ')).toEqual(Array(12).fill('11111'));
  });
});

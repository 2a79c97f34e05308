/**
 * Fixed-size bit sets over practitioner slots, as plain `Uint32Array`s so that filter combinations and facet counts
 * are word-at-a-time loops without allocation.
 */
export type Bits = Uint32Array;

export function wordsFor(slots: number): number {
  return Math.ceil(slots / 32);
}

export function setBit(bits: Bits, slot: number): void {
  bits[slot >>> 5] |= 1 << (slot & 31);
}

export function clearBit(bits: Bits, slot: number): void {
  bits[slot >>> 5] &= ~(1 << (slot & 31));
}

export function hasBit(bits: Bits, slot: number): boolean {
  return (bits[slot >>> 5] & (1 << (slot & 31))) !== 0;
}

/** A copy of `bits` grown to `words` words. */
export function grown(bits: Bits, words: number): Bits {
  const next = new Uint32Array(words);
  next.set(bits.subarray(0, Math.min(bits.length, words)));
  return next;
}

function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export function count(bits: Bits): number {
  let total = 0;
  for (let i = 0; i < bits.length; i += 1) {
    if (bits[i] !== 0) {
      total += popcount32(bits[i]);
    }
  }
  return total;
}

/** |a ∧ b| without materialising the intersection. */
export function countAnd(a: Bits, b: Bits): number {
  let total = 0;
  for (let i = 0; i < a.length; i += 1) {
    const word = a[i] & b[i];
    if (word !== 0) {
      total += popcount32(word);
    }
  }
  return total;
}

/** target := target ∧ other. */
export function andInto(target: Bits, other: Bits): void {
  for (let i = 0; i < target.length; i += 1) {
    target[i] &= other[i];
  }
}

/** target := target ∨ other. */
export function orInto(target: Bits, other: Bits): void {
  for (let i = 0; i < target.length; i += 1) {
    target[i] |= other[i];
  }
}

/** Calls `visit` for every set slot, in slot order. */
export function forEachSet(bits: Bits, visit: (slot: number) => void): void {
  for (let i = 0; i < bits.length; i += 1) {
    let word = bits[i];
    while (word !== 0) {
      const lowest = word & -word;
      visit((i << 5) + 31 - Math.clz32(lowest));
      word ^= lowest;
    }
  }
}

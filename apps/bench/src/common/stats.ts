/** Percentiles of a list of samples (milliseconds), nearest-rank. */
export function percentiles(samples: number[]): {
  p50: number;
  p99: number;
  mean: number;
  max: number;
  n: number;
} {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { p50: at(50), p99: at(99), mean, max: sorted[sorted.length - 1] ?? 0, n: sorted.length };
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** Small deterministic PRNG (mulberry32), so every run generates the same data and queries. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

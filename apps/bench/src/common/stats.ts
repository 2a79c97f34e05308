/** Percentiles of a list of samples (milliseconds), nearest-rank. */
export function percentiles(samples: number[]): {
  p50: number;
  p99: number;
  mean: number;
  max: number;
  n: number;
} {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) {
    return { p50: Number.NaN, p99: Number.NaN, mean: Number.NaN, max: Number.NaN, n: 0 };
  }
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { p50: at(50), p99: at(99), mean, max: sorted[sorted.length - 1] ?? 0, n: sorted.length };
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export { seededRandom as rng } from '@app/common';

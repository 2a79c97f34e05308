import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';

/** What every `bench:*` entry point starts from: quiet Nest logs, the repository root, the mode, `tmp/bench`. */
export function benchContext(): { root: string; smoke: boolean; postgres: boolean; dir: string } {
  Logger.overrideLogger(['error', 'warn']);
  // dist/apps/bench/apps/bench/src/<dir>/<file>.js → the repository root
  const root = resolve(__dirname, '../../../../../../..');
  const dir = resolve(root, 'tmp/bench');
  mkdirSync(dir, { recursive: true });
  return { root, smoke: process.env.BENCH_SMOKE === '1', postgres: process.env.BENCH_PG === '1', dir };
}

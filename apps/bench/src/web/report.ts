import { KINDS, type PageLoad, type ResourceKind } from './page-load';
import type { Attribution } from './modules';

/** The issue's targets: JS + CSS of the sign-in screen, and the time to `signin-ready` on Regular 3G. */
export const TARGETS = { jsCssGzipBytes: 150_000, coldMs: 3_000, warmMs: 1_000 } as const;

export interface KindBytes {
  requests: number;
  transferred: number;
  headers: number;
  /** Responses of this kind that came with a Content-Encoding. */
  compressed: number;
  cached: number;
  body: number;
  gzip: number;
}

export type ByKind = Record<ResourceKind, KindBytes>;

export interface Times {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export interface Check {
  name: string;
  target: string;
  measured: string;
  ok: boolean;
  /** A missed target fails the run (the smoke run judges only what does not vary with the machine's load). */
  judged: boolean;
}

const log = (line = '') => process.stdout.write(`${line}\n`);
const number = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** kB = 1,000 bytes, as DevTools and Vite print them. */
export const kB = (bytes: number) => `${number(bytes / 1000, 1)} kB`;
const ms = (value: number) => `${number(value)} ms`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Bytes per kind of one load; `jsCss` sums scripts and style sheets. */
export function bytesOf(load: PageLoad): ByKind {
  const empty = (): KindBytes => ({
    requests: 0,
    transferred: 0,
    headers: 0,
    compressed: 0,
    cached: 0,
    body: 0,
    gzip: 0,
  });
  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, empty()])) as ByKind;
  for (const transfer of load.transfers) {
    const entry = byKind[transfer.kind];
    entry.requests += 1;
    entry.transferred += transfer.transferred;
    entry.headers += transfer.headers;
    entry.compressed += transfer.encoding ? 1 : 0;
    entry.cached += transfer.cached ? 1 : 0;
    entry.body += transfer.body ?? 0;
    entry.gzip += transfer.gzip ?? 0;
  }
  return byKind;
}

/** The median of every field over several loads (the bytes hardly vary; headers carry dates and ids). */
export function medianBytes(loads: PageLoad[]): ByKind {
  const all = loads.map(bytesOf);
  const byKind = bytesOf({ readyMs: 0, transfers: [] });
  for (const kind of KINDS) {
    for (const field of Object.keys(byKind[kind]) as (keyof KindBytes)[]) {
      byKind[kind][field] = median(all.map((bytes) => bytes[kind][field]));
    }
  }
  return byKind;
}

export const jsCss = (bytes: ByKind, field: keyof KindBytes) => bytes.js[field] + bytes.css[field];

export function timesOf(loads: PageLoad[]): Times {
  const samples = loads.map((load) => load.readyMs);
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples };
}

export function printBytes(title: string, bytes: ByKind, withBodies: boolean): void {
  log(`  ${title}`);
  const head = ['type', 'requests', 'transferred', 'of which headers', 'compressed on the wire'];
  if (withBodies) {
    head.push('body (decoded)', 'gzip -9 of the body');
  }
  const rows = [
    ...KINDS.map((kind) => [kind.toUpperCase(), bytes[kind]] as const),
    ['JS + CSS', null] as const,
  ].map(([label, entry]) => {
    const field = (name: keyof KindBytes) => (entry ? entry[name] : jsCss(bytes, name));
    const requests = field('requests');
    const row = [
      label,
      number(requests),
      kB(field('transferred')),
      kB(field('headers')),
      `${number(field('compressed'))} of ${number(requests)}${field('cached') ? `, ${number(field('cached'))} from cache` : ''}`,
    ];
    if (withBodies) {
      row.push(kB(field('body')), kB(field('gzip')));
    }
    return row;
  });
  table(head, rows);
}

export function printModules(attribution: Attribution, top: number, screen = 'the sign-in'): void {
  const moduleGzip = attribution.modules.reduce((sum, share) => sum + share.gzip, 0);
  log(
    `  Largest modules of ${screen} chunks, by gzip (from the source maps of a rebuild of the same sources)`,
  );
  log(
    `    minified: the module's bytes in the chunk; gzip alone: those bytes gzipped by themselves, level 9;` +
      ` share: of all modules' gzip alone (${kB(moduleGzip)}; the chunks gzipped whole: ${kB(attribution.chunkGzip)})`,
  );
  table(
    ['module', 'chunk', 'minified', 'gzip alone', 'share'],
    attribution.modules
      .slice(0, top)
      .map((share) => [
        share.module,
        share.chunk,
        kB(share.bytes),
        kB(share.gzip),
        `${number((100 * share.gzip) / moduleGzip, 1)} %`,
      ]),
    2,
  );
  log(`  By package (same measure)`);
  table(
    ['package', 'modules', 'minified', 'gzip alone', 'share'],
    attribution.packages
      .slice(0, top)
      .map((entry) => [
        entry.name,
        number(entry.modules),
        kB(entry.bytes),
        kB(entry.gzip),
        `${number((100 * entry.gzip) / moduleGzip, 1)} %`,
      ]),
  );
  attribution.warnings.forEach((warning) => log(`  ! ${warning}`));
}

export function printTimes(rows: { label: string; times: Times }[]): void {
  log(`  performance.mark('signin-ready'), ms from the navigation's start`);
  table(
    ['load', 'runs', 'median', 'min', 'max', 'each'],
    rows.map(({ label, times }) => [
      label,
      number(times.samples.length),
      ms(times.median),
      ms(times.min),
      ms(times.max),
      times.samples.map((sample) => number(sample)).join(', '),
    ]),
  );
}

/** Every response of one load in request order: when it left, when it was complete, its bytes. */
export function printWaterfall(
  title: string,
  load: PageLoad,
  ready = 'signin-ready (performance.mark)',
): void {
  log(`  ${title}`);
  const rows = [...load.transfers]
    .sort((a, b) => a.startMs - b.startMs)
    .map((transfer) => [
      new URL(transfer.url).pathname,
      transfer.kind.toUpperCase(),
      String(transfer.status),
      ms(transfer.startMs),
      ms(transfer.endMs),
      kB(transfer.transferred),
      transfer.encoding ?? (transfer.cached ? 'cache' : '-'),
    ]);
  rows.push([ready, '', '', '', ms(load.readyMs), '', '']);
  table(['path', 'type', 'status', 'requested', 'complete', 'transferred', 'encoding'], rows, 2);
}

export function printChecks(title: string, checks: Check[]): void {
  log(`  ${title}`);
  table(
    ['measure', 'target', 'measured', ''],
    checks.map((check) => [
      check.name,
      check.target,
      check.measured,
      `${check.ok ? '✓' : '✗'}${check.judged ? '' : ' (not judged)'}`,
    ]),
  );
}

export function checkOf(name: string, target: string, measured: string, ok: boolean, judged = true): Check {
  return { name, target, measured, ok, judged };
}

export const formatMs = ms;

/** A plain-text table: the first `left` columns left-aligned, the others (figures) right-aligned, two spaces apart. */
export function table(head: string[], rows: string[][], left = 1): void {
  const widths = head.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `    ${cells.map((cell, column) => (column < left ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')}`.trimEnd();
  log(line(head));
  log(`    ${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  rows.forEach((row) => log(line(row)));
}

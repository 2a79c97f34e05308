import { Transform } from 'node:stream';

/** Where progress goes: process.stderr, or a fake in tests. */
export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** What is counted, e.g. "Encrypted" → "Encrypted 12.0 MiB of 40.0 MiB". */
  label: string;
  /** The expected total, when known (a file's size), for "of …". */
  totalBytes?: number;
  output?: ProgressOutput;
  now?: () => number;
}

/** A terminal gets a line rewritten in place every second; a log (cron, CI) a new line every 10 s at most. */
const TTY_INTERVAL_MS = 1_000;
const LOG_INTERVAL_MS = 10_000;

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/**
 * A pass-through stream that counts the bytes flowing through it and reports them on stderr at a low rate, so a
 * long backup or restore shows it is alive; short runs print nothing. Never prints content.
 */
export function progressMeter(options: ProgressOptions): Transform {
  const output = options.output ?? process.stderr;
  const now = options.now ?? Date.now;
  const interval = output.isTTY ? TTY_INTERVAL_MS : LOG_INTERVAL_MS;
  const of = options.totalBytes === undefined ? '' : ` of ${mib(options.totalBytes)}`;
  let bytes = 0;
  let lastReport = now();
  let reported = false;
  const line = () => `${options.label} ${mib(bytes)}${of}`;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (now() - lastReport >= interval) {
        lastReport = now();
        reported = true;
        output.write(output.isTTY ? `\r${line()}` : `${line()}\n`);
      }
      done(null, chunk);
    },
    flush(done) {
      if (reported && output.isTTY) {
        output.write(`\r${line()}\n`);
      }
      done();
    },
  });
}

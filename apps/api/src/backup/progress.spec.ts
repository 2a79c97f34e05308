import { buffer } from 'node:stream/consumers';
import { progressMeter } from './progress';

const MiB = 1024 * 1024;

/** Writes four 1 MiB chunks to a meter whose clock moves `stepMs` before each; returns what it printed. */
async function run(isTTY: boolean, stepMs: number): Promise<{ printed: string; passed: number }> {
  let clock = 0;
  let printed = '';
  const meter = progressMeter({
    label: 'Encrypted',
    totalBytes: 4 * MiB,
    output: { isTTY, write: (text: string) => (printed += text) },
    now: () => clock,
  });
  const passed = buffer(meter);
  for (let i = 0; i < 4; i += 1) {
    clock += stepMs;
    await new Promise((resolve) => meter.write(Buffer.alloc(MiB), resolve));
  }
  meter.end();
  return { printed, passed: (await passed).length };
}

describe('progressMeter', () => {
  it('should pass every byte through and print nothing for a short run', async () => {
    expect(await run(true, 10)).toEqual({ printed: '', passed: 4 * MiB });
  });

  it('should print one line per 10 s to a log', async () => {
    const { printed } = await run(false, 6_000);
    expect(printed).toBe('Encrypted 2.0 MiB of 4.0 MiB\nEncrypted 4.0 MiB of 4.0 MiB\n');
  });

  it('should rewrite one line each second on a terminal, and end it', async () => {
    const { printed } = await run(true, 1_000);
    expect(printed).toBe(
      '\rEncrypted 1.0 MiB of 4.0 MiB\rEncrypted 2.0 MiB of 4.0 MiB\rEncrypted 3.0 MiB of 4.0 MiB' +
        '\rEncrypted 4.0 MiB of 4.0 MiB\rEncrypted 4.0 MiB of 4.0 MiB\n',
    );
  });
});

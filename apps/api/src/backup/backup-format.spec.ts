import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { BackupError, BackupErrorCode } from './backup-error';
import { decryptBackup, encryptBackup } from './backup-format';
import { newBackupKey, type BackupKey } from './backup-key';

const CHUNK = 1024;
const FRAME = 5 + CHUNK + 16;

/** Feeds `bytes` to a stream in uneven pieces (as a file or a pipe would) and collects what comes out. */
function through(stream: NodeJS.ReadWriteStream, bytes: Buffer, piece = 333): Promise<Buffer> {
  const pieces = Array.from({ length: Math.ceil(bytes.length / piece) }, (_, i) =>
    bytes.subarray(i * piece, (i + 1) * piece),
  );
  return buffer(Readable.from(pieces).pipe(stream));
}

const encrypt = (key: BackupKey, plaintext: Buffer) =>
  through(
    encryptBackup(key, { engine: 'sqlite', schema: 'AddMemberLocale1765000100000', chunkBytes: CHUNK }),
    plaintext,
  );

async function failureOf(work: Promise<unknown>): Promise<BackupError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

/** Where the frames start: after magic, version, header length and header. */
const framesStart = (file: Buffer) => 11 + file.readUInt16BE(9);

describe('backup format (encryptBackup / decryptBackup)', () => {
  const key = newBackupKey();
  const plaintext = randomBytes(CHUNK * 3 + 100);

  it('should give back exactly the plaintext, for several chunks, an exact multiple and nothing at all', async () => {
    for (const input of [plaintext, plaintext.subarray(0, CHUNK * 2), Buffer.alloc(0)]) {
      const file = await encrypt(key, input);
      expect((await through(decryptBackup(key), file, 1000)).equals(input)).toBe(true);
    }
  });

  it('should hold no plaintext, and a readable header with the key id but never the key', async () => {
    const text = Buffer.from('member-1@factory.test '.repeat(200));
    const file = await encrypt(key, text);
    expect(file.includes(Buffer.from('member-1@factory.test'))).toBe(false);
    const header = JSON.parse(file.subarray(11, framesStart(file)).toString()) as Record<string, unknown>;
    expect(header).toMatchObject({ engine: 'sqlite', schema: 'AddMemberLocale1765000100000', keyId: key.id });
    expect(file.includes(key.bytes)).toBe(false);
    expect(file.toString('latin1')).not.toContain(key.bytes.toString('base64url'));
  });

  it('should never encrypt the same plaintext the same way twice', async () => {
    const [first, second] = [await encrypt(key, plaintext), await encrypt(key, plaintext)];
    const frames = (file: Buffer) => file.subarray(framesStart(file));
    expect(frames(first).equals(frames(second))).toBe(false);
  });

  it('should refuse another key as WRONG_KEY, naming both key ids, before any output', async () => {
    const file = await encrypt(key, plaintext);
    const other = newBackupKey();
    const decryptor = decryptBackup(other, 'nightly.cpbak');
    const output: Buffer[] = [];
    decryptor.on('data', (chunk: Buffer) => output.push(chunk));
    const error = await failureOf(through(decryptor, file));
    expect(error.code).toBe(BackupErrorCode.WRONG_KEY);
    expect(error.message).toBe(
      `Wrong backup key: nightly.cpbak was encrypted with key ${key.id}, the key file holds key ${other.id}.`,
    );
    expect(output).toEqual([]);
  });

  it('should refuse a key with the right id but other bytes as DAMAGED (the id is only a label)', async () => {
    const file = await encrypt(key, plaintext);
    const impostor = { bytes: randomBytes(32), id: key.id };
    expect((await failureOf(through(decryptBackup(impostor), file))).code).toBe(BackupErrorCode.DAMAGED);
  });

  it('should detect any single flipped byte: in the header, a length, a flag, the ciphertext or a tag', async () => {
    const file = await encrypt(key, plaintext);
    const start = framesStart(file);
    // A digit of the creation year keeps the header valid JSON: only authentication can catch it.
    const year = file.indexOf('"createdAt":"') + 13;
    const positions = [
      20,
      year,
      start,
      start + 4,
      start + 10,
      start + FRAME - 1,
      start + FRAME + 500,
      file.length - 1,
    ];
    for (const position of positions) {
      const tampered = Buffer.from(file);
      tampered[position] ^= 0x01;
      const error = await failureOf(through(decryptBackup(key), tampered));
      expect({ position, code: error.code }).toEqual({ position, code: BackupErrorCode.DAMAGED });
    }
  });

  it('should detect a truncated backup: cut inside a chunk, or exactly before the final chunk', async () => {
    const file = await encrypt(key, plaintext);
    const start = framesStart(file);
    for (const length of [file.length - 1, start + FRAME * 3, start + FRAME, start]) {
      const error = await failureOf(through(decryptBackup(key), file.subarray(0, length)));
      expect(error.code).toBe(BackupErrorCode.DAMAGED);
      expect(error.message).toMatch(/truncated/);
    }
  });

  it('should detect reordered, dropped and duplicated chunks, and data after the final chunk', async () => {
    const file = await encrypt(key, plaintext);
    const start = framesStart(file);
    const header = file.subarray(0, start);
    const frame = (i: number) =>
      file.subarray(start + i * FRAME, i === 3 ? file.length : start + (i + 1) * FRAME);
    const variants = [
      [frame(1), frame(0), frame(2), frame(3)],
      [frame(0), frame(2), frame(3)],
      [frame(0), frame(0), frame(1), frame(2), frame(3)],
      [frame(0), frame(1), frame(2), frame(3), frame(3)],
    ];
    for (const frames of variants) {
      const error = await failureOf(through(decryptBackup(key), Buffer.concat([header, ...frames])));
      expect(error.code).toBe(BackupErrorCode.DAMAGED);
    }
  });

  it('should refuse what is not a backup, and a format version it does not know', async () => {
    const notBackup = await failureOf(
      through(decryptBackup(key, 'notes.txt'), Buffer.from('SQLite format 3\0')),
    );
    expect(notBackup).toMatchObject({
      code: BackupErrorCode.NOT_A_BACKUP,
      message: 'notes.txt is not a Counterpart backup.',
    });
    const empty = await failureOf(through(decryptBackup(key), Buffer.alloc(0)));
    expect(empty.code).toBe(BackupErrorCode.NOT_A_BACKUP);

    const future = await encrypt(key, plaintext);
    future[8] = 2;
    expect((await failureOf(through(decryptBackup(key), future))).code).toBe(
      BackupErrorCode.UNSUPPORTED_VERSION,
    );
  });
});

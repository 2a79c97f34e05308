import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { BackupError, BackupErrorCode } from './backup-error';
import type { BackupKey } from './backup-key';

/*
 * The encrypted backup file, version 1 (AES-256-GCM from node:crypto, in framed chunks):
 *
 *   magic "CPBACKUP" (8) | version 1 (1) | header length (u16 BE) | header (JSON, UTF-8)
 *   frames: plaintext length (u32 BE) | final flag 0|1 (1) | ciphertext (length) | GCM tag (16)
 *
 * The header is readable without the key (engine, creation time, schema, key id) and authenticated by every frame.
 * Per file, HKDF-SHA256(key, the header's random salt) gives the AES key and a 12-byte nonce base; frame i is
 * sealed under the base with its last 8 bytes XOR i, so no nonce repeats in a file and no file shares a key with
 * another. Each frame's additional data is SHA-256(magic…header) | i (u64 BE) | final flag: an edited header, a
 * swapped, dropped or duplicated frame, or a stream cut before its final frame fails. Plaintext is released only
 * once its frame has authenticated.
 */

export type BackupEngine = 'sqlite' | 'postgres';

export interface BackupHeader {
  engine: BackupEngine;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** The newest migration applied to the database backed up. */
  schema: string;
  keyId: string;
  chunkBytes: number;
  /** 32 random bytes, base64: the input of this file's key derivation. */
  salt: string;
}

export const BACKUP_FORMAT_VERSION = 1;
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;
const MAGIC = Buffer.from('CPBACKUP', 'ascii');
const PREAMBLE_BYTES = MAGIC.length + 1 + 2;
const MAX_HEADER_BYTES = 4096;
/** Refuse headers asking for larger frames: a damaged length must not make the reader buffer gigabytes. */
const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
const FRAME_PREFIX_BYTES = 5;
const TAG_BYTES = 16;
const HKDF_INFO = 'counterpart backup v1: aes-256-gcm key and nonce base';

export interface EncryptOptions {
  engine: BackupEngine;
  schema: string;
  chunkBytes?: number;
  now?: Date;
}

/** A stream that encrypts whatever is written to it into a backup file's bytes. */
export function encryptBackup(key: BackupKey, options: EncryptOptions): Transform {
  const header: BackupHeader = {
    engine: options.engine,
    createdAt: (options.now ?? new Date()).toISOString(),
    schema: options.schema,
    keyId: key.id,
    chunkBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
    salt: randomBytes(32).toString('base64'),
  };
  const preamble = encodeHeader(header);
  const sealer = new FrameSealer(key, header, preamble);
  const pending = new PendingBytes();
  let started = false;
  const start = (stream: Transform) => {
    if (!started) {
      started = true;
      stream.push(preamble);
    }
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      start(this);
      pending.add(chunk);
      // Keep the last chunk back: only the end of the input says which frame is final.
      while (pending.length > header.chunkBytes) {
        this.push(sealer.seal(pending.take(header.chunkBytes), false));
      }
      done();
    },
    flush(done: TransformCallback) {
      start(this);
      this.push(sealer.seal(pending.take(pending.length), true));
      done();
    },
  });
}

/**
 * A stream that turns a backup file's bytes back into the plaintext, checking the key id before anything else.
 * Fails with BackupError: NOT_A_BACKUP, UNSUPPORTED_VERSION, WRONG_KEY or DAMAGED.
 */
export function decryptBackup(key: BackupKey, source = 'The backup'): Transform {
  const pending = new PendingBytes();
  let opener: FrameSealer | undefined;
  let chunkBytes = 0;
  let finished = false;
  const damaged = (why: string) =>
    new BackupError(BackupErrorCode.DAMAGED, `${source} is damaged or was altered: ${why}.`);
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      try {
        pending.add(chunk);
        if (!opener) {
          const parsed = parseHeader(pending.peek(), source);
          if (!parsed) {
            return done();
          }
          assertKeyMatches(parsed.header, key, source);
          opener = new FrameSealer(key, parsed.header, pending.take(parsed.bytes));
          chunkBytes = parsed.header.chunkBytes;
        }
        while (pending.length >= FRAME_PREFIX_BYTES) {
          if (finished) {
            throw damaged('data follows the final chunk');
          }
          const prefix = pending.peek(FRAME_PREFIX_BYTES);
          const length = prefix.readUInt32BE(0);
          const final = prefix[4];
          if (length > chunkBytes || final > 1) {
            throw damaged(`chunk ${opener.index} has an impossible length or flag`);
          }
          if (pending.length < FRAME_PREFIX_BYTES + length + TAG_BYTES) {
            break;
          }
          const frame = pending.take(FRAME_PREFIX_BYTES + length + TAG_BYTES);
          const plaintext = opener.open(frame, final === 1);
          if (!plaintext) {
            throw damaged(`chunk ${opener.index} failed authentication`);
          }
          finished = final === 1;
          this.push(plaintext);
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      if (!opener) {
        return done(
          new BackupError(BackupErrorCode.NOT_A_BACKUP, `${source} is not a Counterpart backup (too short).`),
        );
      }
      done(finished && pending.length === 0 ? null : damaged('it ends before its final chunk (truncated)'));
    },
  });
}

/** The header of a backup file, read without the key (to check engine and key before touching anything). */
export async function readBackupHeader(path: string): Promise<BackupHeader> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(
      BackupErrorCode.NOT_A_BACKUP,
      `The backup ${path} cannot be read: ${error.code ?? error.message}.`,
    );
  });
  try {
    const buffer = Buffer.alloc(PREAMBLE_BYTES + MAX_HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const parsed = parseHeader(buffer.subarray(0, bytesRead), path);
    if (!parsed) {
      throw new BackupError(BackupErrorCode.NOT_A_BACKUP, `${path} is not a Counterpart backup (too short).`);
    }
    return parsed.header;
  } finally {
    await handle.close();
  }
}

/** Throws WRONG_KEY unless the backup was made with this key. */
export function assertKeyMatches(header: BackupHeader, key: BackupKey, source: string): void {
  if (header.keyId !== key.id) {
    throw new BackupError(
      BackupErrorCode.WRONG_KEY,
      `Wrong backup key: ${source} was encrypted with key ${header.keyId}, the key file holds key ${key.id}.`,
    );
  }
}

function encodeHeader(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const preamble = Buffer.alloc(PREAMBLE_BYTES);
  MAGIC.copy(preamble);
  preamble[MAGIC.length] = BACKUP_FORMAT_VERSION;
  preamble.writeUInt16BE(json.length, MAGIC.length + 1);
  return Buffer.concat([preamble, json]);
}

/** The header and its size in bytes, or undefined while `bytes` is too short to hold it. */
function parseHeader(bytes: Buffer, source: string): { header: BackupHeader; bytes: number } | undefined {
  const prefix = bytes.subarray(0, MAGIC.length);
  if (!MAGIC.subarray(0, prefix.length).equals(prefix)) {
    throw new BackupError(BackupErrorCode.NOT_A_BACKUP, `${source} is not a Counterpart backup.`);
  }
  if (bytes.length < PREAMBLE_BYTES) {
    return undefined;
  }
  const version = bytes[MAGIC.length];
  if (version !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      BackupErrorCode.UNSUPPORTED_VERSION,
      `${source} has backup format version ${version}; this Counterpart reads version ${BACKUP_FORMAT_VERSION}.`,
    );
  }
  const length = bytes.readUInt16BE(MAGIC.length + 1);
  if (bytes.length < PREAMBLE_BYTES + length) {
    return undefined;
  }
  const header = validHeader(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + length));
  if (!header) {
    throw new BackupError(
      BackupErrorCode.DAMAGED,
      `${source} is damaged or was altered: its header is unreadable.`,
    );
  }
  return { header, bytes: PREAMBLE_BYTES + length };
}

function validHeader(json: Buffer): BackupHeader | undefined {
  try {
    const value = JSON.parse(json.toString('utf8')) as Partial<BackupHeader>;
    const valid =
      (value.engine === 'sqlite' || value.engine === 'postgres') &&
      typeof value.createdAt === 'string' &&
      typeof value.schema === 'string' &&
      typeof value.keyId === 'string' &&
      typeof value.salt === 'string' &&
      Number.isInteger(value.chunkBytes) &&
      (value.chunkBytes as number) > 0 &&
      (value.chunkBytes as number) <= MAX_CHUNK_BYTES;
    return valid ? (value as BackupHeader) : undefined;
  } catch {
    return undefined;
  }
}

/** Seals and opens the frames of one file, in order: the frame index is counted, never read from the file. */
class FrameSealer {
  index = 0;
  private readonly aesKey: Buffer;
  private readonly nonceBase: Buffer;
  private readonly headerDigest: Buffer;

  constructor(key: BackupKey, header: BackupHeader, preamble: Buffer) {
    const derived = Buffer.from(
      hkdfSync('sha256', key.bytes, Buffer.from(header.salt, 'base64'), HKDF_INFO, 44),
    );
    this.aesKey = derived.subarray(0, 32);
    this.nonceBase = derived.subarray(32);
    this.headerDigest = createHash('sha256').update(preamble).digest();
  }

  seal(plaintext: Buffer, final: boolean): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.aesKey, this.nonce()).setAAD(this.aad(final));
    const prefix = Buffer.alloc(FRAME_PREFIX_BYTES);
    prefix.writeUInt32BE(plaintext.length, 0);
    prefix[4] = final ? 1 : 0;
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    this.index += 1;
    return Buffer.concat([prefix, ciphertext, cipher.getAuthTag()]);
  }

  /** The plaintext of a whole frame, or undefined when it does not authenticate. */
  open(frame: Buffer, final: boolean): Buffer | undefined {
    const decipher = createDecipheriv('aes-256-gcm', this.aesKey, this.nonce()).setAAD(this.aad(final));
    decipher.setAuthTag(frame.subarray(frame.length - TAG_BYTES));
    try {
      const plaintext = Buffer.concat([
        decipher.update(frame.subarray(FRAME_PREFIX_BYTES, frame.length - TAG_BYTES)),
        decipher.final(),
      ]);
      this.index += 1;
      return plaintext;
    } catch {
      return undefined;
    }
  }

  private nonce(): Buffer {
    const nonce = Buffer.from(this.nonceBase);
    nonce.writeBigUInt64BE(nonce.readBigUInt64BE(4) ^ BigInt(this.index), 4);
    return nonce;
  }

  private aad(final: boolean): Buffer {
    const position = Buffer.alloc(9);
    position.writeBigUInt64BE(BigInt(this.index), 0);
    position[8] = final ? 1 : 0;
    return Buffer.concat([this.headerDigest, position]);
  }
}

/** Incoming stream chunks, joined only when a whole frame (or header) is there. */
class PendingBytes {
  private chunks: Buffer[] = [];
  length = 0;

  add(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** The first `bytes` (all by default) without consuming them. */
  peek(bytes = this.length): Buffer {
    if ((this.chunks[0]?.length ?? 0) < bytes) {
      this.join();
    }
    return this.chunks.length ? this.chunks[0].subarray(0, bytes) : Buffer.alloc(0);
  }

  take(bytes: number): Buffer {
    this.join();
    const all = this.chunks[0] ?? Buffer.alloc(0);
    this.chunks = all.length > bytes ? [all.subarray(bytes)] : [];
    this.length -= bytes;
    return all.subarray(0, bytes);
  }

  private join(): void {
    if (this.chunks.length > 1) {
      this.chunks = [Buffer.concat(this.chunks)];
    }
  }
}

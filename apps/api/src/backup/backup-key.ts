import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { BackupError, BackupErrorCode } from './backup-error';

/** A backup key: 32 random bytes, and the short id the backups it encrypts carry in their header. */
export interface BackupKey {
  bytes: Buffer;
  id: string;
}

const KEY_BYTES = 32;
/** The key file is one line: this prefix, then the key in base64url — recognisable, never mistaken for a backup. */
const KEY_PREFIX = 'counterpart-backup-key-v1:';

/**
 * The first 8 bytes of a domain-separated SHA-256 of the key, in hex: enough to tell keys apart (which key file a
 * backup needs), useless for finding the key.
 */
export function backupKeyId(bytes: Buffer): string {
  return createHash('sha256').update('counterpart backup key id\0').update(bytes).digest('hex').slice(0, 16);
}

export function newBackupKey(): BackupKey {
  const bytes = randomBytes(KEY_BYTES);
  return { bytes, id: backupKeyId(bytes) };
}

/** Writes a new key to `path`, readable by its owner only; an existing file is never replaced. */
export async function writeBackupKeyFile(path: string): Promise<BackupKey> {
  const key = newBackupKey();
  try {
    await writeFile(path, `${KEY_PREFIX}${key.bytes.toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    throw keyFileError(path, error, 'cannot be written');
  }
  return key;
}

/** Reads a key file written by `writeBackupKeyFile`; `warn` hears when other users could read it too. */
export async function readBackupKeyFile(path: string, warn: (line: string) => void): Promise<BackupKey> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
    const { mode } = await stat(path);
    if (mode & 0o077) {
      warn(`Warning: the backup key file ${path} is readable by other users: chmod 600 it.`);
    }
  } catch (error) {
    throw keyFileError(path, error, 'cannot be read');
  }
  const line = text.trim();
  const bytes = Buffer.from(line.slice(KEY_PREFIX.length), 'base64url');
  if (!line.startsWith(KEY_PREFIX) || bytes.length !== KEY_BYTES) {
    throw new BackupError(
      BackupErrorCode.KEY_FILE,
      `${path} is not a backup key file (make one with: npm run cli -- backup-key --out <file>).`,
    );
  }
  return { bytes, id: backupKeyId(bytes) };
}

function keyFileError(path: string, error: unknown, what: string): BackupError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'EEXIST' ? 'it already exists and is never replaced' : (code ?? String(error));
  return new BackupError(BackupErrorCode.KEY_FILE, `The backup key file ${path} ${what}: ${reason}.`);
}

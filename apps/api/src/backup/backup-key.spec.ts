import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackupErrorCode } from './backup-error';
import { backupKeyId, readBackupKeyFile, writeBackupKeyFile } from './backup-key';

describe('backup key files', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'backup-key-spec-'));
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('should write a 256-bit key readable by its owner only, and read it back with the same id', async () => {
    const path = join(folder, 'backup.key');
    const written = await writeBackupKeyFile(path);
    expect(written.bytes).toHaveLength(32);
    expect(written.id).toMatch(/^[0-9a-f]{16}$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const warnings: string[] = [];
    const read = await readBackupKeyFile(path, (line) => warnings.push(line));
    expect(read.bytes.equals(written.bytes)).toBe(true);
    expect(read.id).toBe(written.id);
    expect(warnings).toEqual([]);
  });

  it('should never replace an existing file', async () => {
    const path = join(folder, 'backup.key');
    writeFileSync(path, 'precious');
    await expect(writeBackupKeyFile(path)).rejects.toMatchObject({
      code: BackupErrorCode.KEY_FILE,
      message: `The backup key file ${path} cannot be written: it already exists and is never replaced.`,
    });
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });

  it('should refuse a file that is not a key, and warn when others can read the key', async () => {
    const path = join(folder, 'not-a-key');
    writeFileSync(path, 'CPBACKUP…');
    await expect(readBackupKeyFile(path, () => undefined)).rejects.toMatchObject({
      code: BackupErrorCode.KEY_FILE,
    });
    await expect(readBackupKeyFile(join(folder, 'missing'), () => undefined)).rejects.toMatchObject({
      code: BackupErrorCode.KEY_FILE,
      message: expect.stringMatching(/cannot be read: ENOENT/),
    });

    const shared = join(folder, 'shared.key');
    const bytes = Buffer.alloc(32, 7);
    writeFileSync(shared, `counterpart-backup-key-v1:${bytes.toString('base64url')}\n`, { mode: 0o644 });
    const warnings: string[] = [];
    const key = await readBackupKeyFile(shared, (line) => warnings.push(line));
    expect(key.id).toBe(backupKeyId(bytes));
    expect(warnings).toEqual([
      `Warning: the backup key file ${shared} is readable by other users: chmod 600 it.`,
    ]);
  });
});

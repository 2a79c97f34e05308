import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KeyStore } from '../key-store';

/**
 * Node only (`@app/client/node`): the device state in a file readable by its owner alone (0600), replaced atomically
 * (write a temporary file, then rename) so a crash never leaves half a key store.
 */
export class FileKeyStore implements KeyStore {
  constructor(private readonly path: string) {}

  async load(): Promise<string | null> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return null;
      }
      throw error;
    }
  }

  async save(data: string): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, data, { mode: 0o600 });
    await rename(temporary, this.path);
  }
}

export { NodeEd25519Verifier } from './node-ed25519';

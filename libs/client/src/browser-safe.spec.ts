import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * libs/crypto and libs/client run in the browser: they may import socket.io-client, tweetnacl, @noble/hashes,
 * each other and the framework-free common files (error codes, chat protocol) only — and the browser
 * entry (libs/client/src/browser) idb too. The Node-only key store (libs/client/src/node) is the one exception, behind
 * its own entry point.
 */
const ALLOWED =
  /^(socket\.io-client|tweetnacl|@noble\/hashes(\/.*)?|@app\/crypto|@app\/common\/(error-codes|chat-protocol)|\.{1,2}\/.*)$/;
const BROWSER_ONLY = /^idb$/;
const ROOTS = [join(__dirname), join(__dirname, '../../crypto/src')];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node' ? [] : sourcesUnder(path);
    }
    return entry.name.endsWith('.ts') && !/\.(spec|test)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('browser-safe libs', () => {
  const sources = ROOTS.flatMap(sourcesUnder).map((path) => relative(join(__dirname, '../..'), path));

  it('should have sources to check', () => {
    expect(sources).toEqual(
      expect.arrayContaining([
        'client/src/chat-client.ts',
        'client/src/browser/browser-vault.ts',
        'crypto/src/envelope.ts',
      ]),
    );
  });

  it.each(sources)('%s should import nothing from NestJS, TypeORM or Node built-ins', (file) => {
    const text = readFileSync(join(__dirname, '../..', file), 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    const browserOnly = file.startsWith('client/src/browser/');
    expect(
      imports.filter((name) => !ALLOWED.test(name) && !(browserOnly && BROWSER_ONLY.test(name))),
    ).toEqual([]);
    expect(text).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b/);
  });
});

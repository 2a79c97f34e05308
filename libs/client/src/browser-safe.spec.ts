import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** libs/client runs in the browser: it may import socket.io-client, tweetnacl, @noble/hashes and the framework-free
 * common files (error codes, chat protocol) only. */
const ALLOWED =
  /^(socket\.io-client|tweetnacl|@noble\/hashes(\/.*)?|@app\/common\/(error-codes|chat-protocol)|\.{1,2}\/.*)$/;

describe('libs/client', () => {
  const sources = readdirSync(__dirname).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));

  it('should have sources to check', () => {
    expect(sources).toContain('chat-client.ts');
  });

  it.each(sources)('%s should import nothing from NestJS, TypeORM or Node built-ins', (file) => {
    const text = readFileSync(join(__dirname, file), 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    expect(imports.filter((name) => !ALLOWED.test(name))).toEqual([]);
    expect(text).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b/);
  });
});

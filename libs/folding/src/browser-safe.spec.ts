import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * libs/folding runs in the browser (the chat's local search loads it on demand) as well as in the directory's server:
 * it may import any-ascii and its own files only — nothing of NestJS, TypeORM or Node.
 */
const ALLOWED = /^(any-ascii|\.{1,2}\/.*)$/;

const sources = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !/\.(spec|test)\.ts$/.test(name))
  .sort();

describe('libs/folding (browser-safe)', () => {
  it('should have sources to check', () => {
    expect(sources).toEqual(expect.arrayContaining(['fold.ts', 'prefix-forms.ts', 'index.ts']));
  });

  it.each(sources)('%s should import nothing but any-ascii and its own files', (file) => {
    const text = readFileSync(join(__dirname, file), 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    expect(imports.filter((name) => !ALLOWED.test(name))).toEqual([]);
    expect(text).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b/);
  });
});

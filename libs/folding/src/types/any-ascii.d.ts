// any-ascii 0.1.x is CommonJS and ships no types (0.2+ is ESM-only, which Jest on Node 20 cannot load).
declare module 'any-ascii' {
  /** Transliterates any Unicode text to ASCII. */
  function anyAscii(text: string): string;
  export = anyAscii;
}

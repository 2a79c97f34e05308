/** What `measureClientCrypto` (measure.ts, in the page) reports to bench:web (apps/bench/src/web/client-crypto.ts). */
export interface ClientCryptoOptions {
  /** Messages opened in the measured loop (after a warm-up of 20). */
  messages: number;
  /** Messages caught up on from nothing cached. */
  catchUp: number;
  /** Devices in the room: every message is wrapped for each. */
  roomSize: number;
  /** Unlocks of a passphrase-protected device, each timed. */
  unlockRuns: number;
}

export interface Spread {
  p50: number;
  p99: number;
  max: number;
}

export interface ClientCryptoFigures {
  roomSize: number;
  envelopeBytes: number;
  /** ms to open one message (parse, verify, unwrap, decrypt), the sender's keys known: WebCrypto and the tweetnacl baseline. */
  open: { webcrypto: Spread; tweetnacl: Spread; verifier: string };
  /** Opening `messages` messages of the room's members from nothing cached (a reload, then history). */
  catchUp: { messages: number; totalMs: number; longestMs: number };
  /** `BrowserDeviceVault.open` of a device under a passphrase at the default scrypt cost: created once, unlocked. */
  vault: { createMs: number; unlockMs: number[]; scrypt: { logN: number; r: number; p: number } };
}

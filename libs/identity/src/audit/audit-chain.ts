import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that the hash covers (everything but the hash itself). */
export interface AuditLink {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  targetId: string | null;
  country: string | null;
  reason: string | null;
  /** Canonical JSON text. */
  data: string;
  prevHash: string;
}

/** hash = SHA-256(prevHash ‖ canonical JSON of the entry, keys sorted), hex. */
export function hashLink(link: AuditLink): string {
  const { seq, at, actorId, action, targetId, country, reason, data, prevHash } = link;
  const body = canonicalJson({
    seq,
    at,
    actorId,
    action,
    targetId,
    country,
    reason,
    data: JSON.parse(data) as unknown,
    prevHash,
  });
  return createHash('sha256')
    .update(prevHash + body, 'utf8')
    .digest('hex');
}

export interface ChainStatus {
  valid: boolean;
  length: number;
  headHash: string | null;
  /** The first seq whose link does not verify (edited, inserted or missing); null when valid. */
  firstBrokenSeq: number | null;
}

/** Streams the chain in seq order and recomputes every link. */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private length = 0;
  private broken: number | null = null;

  push(link: AuditLink & { hash: string }): void {
    this.length += 1;
    if (this.broken !== null) {
      return;
    }
    if (link.seq !== this.expectedSeq) {
      this.broken = Math.min(link.seq, this.expectedSeq);
    } else if (link.prevHash !== this.prevHash || hashLink(link) !== link.hash) {
      this.broken = link.seq;
    }
    this.expectedSeq = link.seq + 1;
    this.prevHash = link.hash;
  }

  status(): ChainStatus {
    return {
      valid: this.broken === null,
      length: this.length,
      headHash: this.length > 0 ? this.prevHash : null,
      firstBrokenSeq: this.broken,
    };
  }
}

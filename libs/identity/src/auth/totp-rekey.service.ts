import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { authConfig, type AuthConfig } from '@app/config';
import { TransactionService } from '@app/database';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { KeyRingCipher } from '../crypto/key-ring-cipher';
import { MemberEntity } from '../entities/member.entity';

/** Secrets, not members: a member has an enabled secret or a pending one (an enrollment begun), not both. */
export interface TotpRekeyReport {
  reencrypted: number;
  alreadyCurrent: number;
  /** Sealed under a key the ring does not hold, or not opening with the key of that id; left as they are. */
  unreadable: number;
}

const BATCH = 200;
const BEFORE_ANY_ID = '00000000-0000-0000-0000-000000000000';

type SealedColumns = Pick<MemberEntity, 'id' | 'totpSecretEncrypted' | 'totpPendingSecretEncrypted'>;

/**
 * Re-encrypts every stored TOTP secret (enabled and pending) under the current key of the TOTP key ring, so a retired
 * key can leave TOTP_PREVIOUS_KEYS. Members are read in id order, a batch per transaction (on PostgreSQL the rows are
 * locked for it, so a member enrolling meanwhile is never overwritten); a secret already under the current key is left
 * alone, so a second run changes nothing. A secret that no key of the ring opens stays as it is and is counted. The
 * run is audited (TOTP_REKEYED, counts only); no secret or key is ever logged or returned.
 */
@Injectable()
export class TotpRekeyService {
  private readonly cipher: KeyRingCipher;

  constructor(
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    @Inject(authConfig.KEY) auth: AuthConfig,
  ) {
    this.cipher = new KeyRingCipher(auth.totpKeys, 'totp');
  }

  async rekeyAll(batchSize = BATCH): Promise<TotpRekeyReport> {
    const report: TotpRekeyReport = { reencrypted: 0, alreadyCurrent: 0, unreadable: 0 };
    for (let after = BEFORE_ANY_ID; ;) {
      const last = await this.transactions.run((manager) =>
        this.rekeyBatch(manager, after, batchSize, report),
      );
      if (last === null) {
        break;
      }
      after = last;
    }
    await this.audit.record({ actorId: null, action: AuditAction.TOTP_REKEYED, data: { ...report } });
    return report;
  }

  /** One batch of members after `after`; returns the last id, or null when there were none. */
  private async rekeyBatch(
    manager: EntityManager,
    after: string,
    batchSize: number,
    report: TotpRekeyReport,
  ): Promise<string | null> {
    const query = manager
      .createQueryBuilder(MemberEntity, 'm')
      .select(['m.id', 'm.totpSecretEncrypted', 'm.totpPendingSecretEncrypted'])
      .where('m.id > :after', { after })
      .andWhere('(m.totp_secret_encrypted IS NOT NULL OR m.totp_pending_secret_encrypted IS NOT NULL)')
      .orderBy('m.id', 'ASC')
      .limit(batchSize);
    const rows: SealedColumns[] = await (
      this.transactions.postgres ? query.setLock('pessimistic_write') : query
    ).getMany();
    for (const row of rows) {
      const enabled = this.reseal(row.totpSecretEncrypted, report);
      const pending = this.reseal(row.totpPendingSecretEncrypted, report);
      if (enabled || pending) {
        await manager.update(
          MemberEntity,
          { id: row.id },
          {
            ...(enabled ? { totpSecretEncrypted: enabled.value, totpKeyId: enabled.keyId } : {}),
            ...(pending ? { totpPendingSecretEncrypted: pending.value } : {}),
          },
        );
      }
    }
    return rows.length === 0 ? null : rows[rows.length - 1].id;
  }

  /** The value sealed again under the current key, or null when it needs no change (or cannot be opened). */
  private reseal(value: string | null, report: TotpRekeyReport): { value: string; keyId: string } | null {
    if (value === null) {
      return null;
    }
    if (KeyRingCipher.keyIdOf(value) === this.cipher.currentKeyId) {
      report.alreadyCurrent += 1;
      return null;
    }
    let plaintext: string;
    try {
      plaintext = this.cipher.open(value);
    } catch {
      report.unreadable += 1;
      return null;
    }
    report.reencrypted += 1;
    return this.cipher.seal(plaintext);
  }
}

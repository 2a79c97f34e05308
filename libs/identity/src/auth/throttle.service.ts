import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DomainException, ErrorCode } from '@app/common';
import { authConfig, type AuthConfig } from '@app/config';
import { TransactionService } from '@app/database';
import { sha256Hex } from '../crypto/secrets';
import { AuthAttemptEntity } from '../entities/invitation.entity';

export interface ThrottleKey {
  key: string;
  /** Failures allowed in the window before the key is blocked. */
  max: number;
}

/**
 * Failed-attempt counters for sign-in, TOTP and account reset, per account and per IP, kept in the database so every
 * API instance shares them. Past the limit a key is blocked with exponential back-off. Every attempt is counted,
 * including several packed into one GraphQL request with aliases (each resolver call counts).
 */
@Injectable()
export class ThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    @Inject(authConfig.KEY) private readonly auth: AuthConfig,
  ) {}

  account(scope: string, account: string): ThrottleKey {
    return {
      key: `${scope}:acct:${sha256Hex(account.toLowerCase()).slice(0, 40)}`,
      max: this.auth.throttle.maxFailuresPerAccount,
    };
  }

  ip(scope: string, ip: string | null): ThrottleKey | null {
    return ip ? { key: `${scope}:ip:${ip}`, max: this.auth.throttle.maxFailuresPerIp } : null;
  }

  /** Throws RATE_LIMITED while any key is blocked. */
  async assertAllowed(keys: (ThrottleKey | null)[]): Promise<void> {
    const names = keys.filter((key): key is ThrottleKey => key !== null).map((key) => key.key);
    const rows = await this.dataSource.getRepository(AuthAttemptEntity).findBy({ key: In(names) });
    const now = Date.now();
    const until = Math.max(0, ...rows.map((row) => row.blockedUntil?.getTime() ?? 0));
    if (until > now) {
      const seconds = Math.ceil((until - now) / 1000);
      throw new DomainException(ErrorCode.RATE_LIMITED, `Too many attempts. Try again in ${seconds} s.`);
    }
  }

  /** Counts a failure on every key; returns true when this failure started a block on any of them. */
  recordFailure(keys: (ThrottleKey | null)[]): Promise<boolean> {
    const { windowSeconds, blockSeconds, maxBlockSeconds } = this.auth.throttle;
    return this.transactions.run(async (manager) => {
      const now = new Date();
      let blocked = false;
      for (const throttle of keys) {
        if (!throttle) {
          continue;
        }
        const row = await manager.findOneBy(AuthAttemptEntity, { key: throttle.key });
        const windowOpen = row && now.getTime() - row.windowStartedAt.getTime() < windowSeconds * 1000;
        const failures = windowOpen ? row.failures + 1 : 1;
        let blockedUntil = windowOpen ? row.blockedUntil : null;
        if (failures >= throttle.max) {
          const seconds = Math.min(maxBlockSeconds, blockSeconds * 2 ** (failures - throttle.max));
          blockedUntil = new Date(now.getTime() + seconds * 1000);
          blocked ||= failures === throttle.max;
        }
        await manager.upsert(
          AuthAttemptEntity,
          {
            key: throttle.key,
            failures,
            windowStartedAt: windowOpen ? row.windowStartedAt : now,
            blockedUntil,
          },
          ['key'],
        );
      }
      return blocked;
    });
  }

  async clear(key: ThrottleKey): Promise<void> {
    await this.transactions.run((manager) => manager.delete(AuthAttemptEntity, { key: key.key }));
  }
}

import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { authConfig, type AuthConfig } from '@app/config';
import { TransactionService } from '@app/database';
import { AuthAttemptEntity } from '../entities/invitation.entity';
import { RefreshTokenEntity, SessionEntity } from '../entities/session.entity';

const DAY_MS = 86_400_000;
/** The API prunes once an hour; the first run waits a minute so a boot is not slowed. */
const PRUNE_EVERY_MS = 3_600_000;
const FIRST_PRUNE_AFTER_MS = 60_000;
/** Sessions deleted per transaction: a first run after months keeps SQLite's write lock for moments only. */
const BATCH = 500;

export interface SessionPruneResult {
  sessions: number;
  refreshTokens: number;
  throttleCounters: number;
}

/**
 * Keeps sign-in records no longer than they serve (they hold client addresses, which are personal data):
 * - a session that ended (signed out, revoked, expired) more than `SESSION_RETENTION_DAYS` ago goes, with its tokens,
 *   in batches; until then it stays listed on the member's Sessions screen;
 * - a live session keeps every rotated token it ever had: presenting one again is how a copied token is detected
 *   (the whole session ends), however long ago it was rotated;
 * - a throttle counter whose window and block are both over goes (it would start afresh anyway).
 * Runs hourly in every API process (deletes are idempotent, so several API nodes may overlap) and on demand with
 * `npm run cli -- prune-sessions`.
 */
@Injectable()
export class SessionRetentionService implements OnModuleDestroy {
  private readonly logger = new Logger(SessionRetentionService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly transactions: TransactionService,
    @Inject(authConfig.KEY) private readonly auth: AuthConfig,
  ) {}

  /** Prunes hourly from now on; the API's main calls it (not the CLI, the chat nodes or tests). */
  schedule(): void {
    if (this.timer) {
      return;
    }
    const run = () =>
      this.prune().catch((error: Error) => this.logger.warn(`Session pruning failed: ${error.message}`));
    this.timer = setTimeout(() => {
      void run();
      this.timer = setInterval(() => void run(), PRUNE_EVERY_MS).unref();
    }, FIRST_PRUNE_AFTER_MS).unref();
  }

  onModuleDestroy(): void {
    clearTimeout(this.timer);
    clearInterval(this.timer);
  }

  async prune(now = new Date()): Promise<SessionPruneResult> {
    const endedBefore = new Date(now.getTime() - this.auth.sessionRetentionDays * DAY_MS);
    const throttleBefore = new Date(now.getTime() - this.auth.throttle.windowSeconds * 1000);
    const result: SessionPruneResult = { sessions: 0, refreshTokens: 0, throttleCounters: 0 };
    for (;;) {
      const batch = await this.transactions.run(async (manager) => {
        const ids = (
          await manager
            .createQueryBuilder(SessionEntity, 's')
            .select('s.id', 'id')
            .where(
              '(s.revoked_at IS NOT NULL AND s.revoked_at < :endedBefore) OR s.expires_at < :endedBefore',
              {
                endedBefore,
              },
            )
            .limit(BATCH)
            .getRawMany<{ id: string }>()
        ).map((row) => row.id);
        if (ids.length === 0) {
          return { sessions: 0, refreshTokens: 0 };
        }
        // Deleted explicitly rather than by ON DELETE CASCADE, to count them.
        const tokens = await manager
          .createQueryBuilder()
          .delete()
          .from(RefreshTokenEntity)
          .where('session_id IN (:...ids)', { ids })
          .execute();
        await manager
          .createQueryBuilder()
          .delete()
          .from(SessionEntity)
          .where('id IN (:...ids)', { ids })
          .execute();
        return { sessions: ids.length, refreshTokens: tokens.affected ?? 0 };
      });
      result.sessions += batch.sessions;
      result.refreshTokens += batch.refreshTokens;
      if (batch.sessions < BATCH) {
        break;
      }
    }
    result.throttleCounters = await this.transactions.run(async (manager) => {
      const counters = await manager
        .createQueryBuilder()
        .delete()
        .from(AuthAttemptEntity)
        .where('window_started_at < :throttleBefore', { throttleBefore })
        .andWhere('(blocked_until IS NULL OR blocked_until < :now)', { now })
        .execute();
      return counters.affected ?? 0;
    });
    return result;
  }
}

import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { authConfig, type AuthConfig } from '@app/config';
import { TransactionService } from '@app/database';
import { AuthAttemptEntity } from '../entities/invitation.entity';
import { RefreshTokenEntity, SessionEntity } from '../entities/session.entity';

const DAY_MS = 86_400_000;
/** The API prunes once an hour; the first run waits a minute so a boot is not slowed. */
const PRUNE_EVERY_MS = 3_600_000;
const FIRST_PRUNE_AFTER_MS = 60_000;

export interface SessionPruneResult {
  sessions: number;
  refreshTokens: number;
  throttleCounters: number;
}

/**
 * Keeps sign-in records no longer than they serve (they hold client addresses, which are personal data):
 * - a session that ended (signed out, revoked, expired) more than `SESSION_RETENTION_DAYS` ago goes, with its tokens;
 *   until then it stays listed on the member's Sessions screen and its tokens still trip reuse detection;
 * - a rotated refresh token older than the refresh-token lifetime goes (a live session rotates every 15 minutes, so
 *   these rows would grow without end; a token that old could no longer be presented within its lifetime anyway);
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
    const rotatedBefore = new Date(now.getTime() - this.auth.refreshTokenTtlDays * DAY_MS);
    const throttleBefore = new Date(now.getTime() - this.auth.throttle.windowSeconds * 1000);
    return this.transactions.run(async (manager) => {
      // Refresh tokens cascade with their session (ON DELETE CASCADE); they are counted first to report them.
      const ended = manager
        .createQueryBuilder()
        .from(SessionEntity, 's')
        .where('(s.revoked_at IS NOT NULL AND s.revoked_at < :endedBefore) OR s.expires_at < :endedBefore', {
          endedBefore,
        });
      const cascaded = await manager
        .createQueryBuilder()
        .from(RefreshTokenEntity, 't')
        .where(`t.session_id IN (${ended.clone().select('s.id').getQuery()})`, ended.getParameters())
        .getCount();
      const sessions = await manager
        .createQueryBuilder()
        .delete()
        .from(SessionEntity)
        .where('(revoked_at IS NOT NULL AND revoked_at < :endedBefore) OR expires_at < :endedBefore', {
          endedBefore,
        })
        .execute();
      const rotated = await manager
        .createQueryBuilder()
        .delete()
        .from(RefreshTokenEntity)
        .where('rotated_at IS NOT NULL AND rotated_at < :rotatedBefore', { rotatedBefore })
        .execute();
      const counters = await manager
        .createQueryBuilder()
        .delete()
        .from(AuthAttemptEntity)
        .where('window_started_at < :throttleBefore', { throttleBefore })
        .andWhere('(blocked_until IS NULL OR blocked_until < :now)', { now })
        .execute();
      return {
        sessions: sessions.affected ?? 0,
        refreshTokens: cascaded + (rotated.affected ?? 0),
        throttleCounters: counters.affected ?? 0,
      };
    });
  }
}

import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ExtraHealthCheck } from '@app/common';
import { IdentityModule } from '@app/identity';
import { MessagingModule } from '@app/messaging';
import { ClusterBridge } from './cluster-bridge';
import { PresenceService } from './presence.service';
import { RedisHealthCheck } from './redis-health';

/** Cross-process events (Redis pub/sub when REDIS_URL is set). Imported by the API and by every chat node. */
@Module({
  imports: [IdentityModule, MessagingModule, TerminusModule],
  providers: [ClusterBridge, PresenceService, { provide: ExtraHealthCheck, useClass: RedisHealthCheck }],
  exports: [ClusterBridge, PresenceService, ExtraHealthCheck],
})
export class ClusterModule {}

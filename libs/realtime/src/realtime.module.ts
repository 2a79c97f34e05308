import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { MessagingModule } from '@app/messaging';
import { ChatGateway } from './chat.gateway';
import { ClusterModule } from './cluster/cluster.module';
import { ChatMetricsModule } from './metrics/chat-metrics';

/** The socket transport: mounted by apps/api when CHAT_EMBEDDED=true, and by apps/chat always. */
@Module({
  imports: [IdentityModule, MessagingModule, ClusterModule, ChatMetricsModule],
  providers: [ChatGateway],
})
export class RealtimeModule {}

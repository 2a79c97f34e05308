import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { ChatGateway } from './chat.gateway';

/** The socket transport: mounted by apps/api when CHAT_EMBEDDED=true, and by apps/chat always. */
@Module({
  imports: [IdentityModule],
  providers: [ChatGateway],
})
export class RealtimeModule {}

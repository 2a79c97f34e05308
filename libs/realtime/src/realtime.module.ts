import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ChatGateway } from './chat.gateway';
import { SocketAuthService } from './socket-auth.service';

/** The socket transport: mounted by apps/api when CHAT_EMBEDDED=true, and by apps/chat always. */
@Module({
  imports: [JwtModule.register({})],
  providers: [ChatGateway, SocketAuthService],
})
export class RealtimeModule {}

import { Module } from '@nestjs/common';
import { HealthModule, LoggingModule } from '@app/common';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { RealtimeModule } from '@app/realtime';

/** A standalone chat node: the Socket.IO gateway with its own /health; no GraphQL. */
@Module({
  imports: [AppConfigModule, LoggingModule, DatabaseModule, HealthModule, RealtimeModule],
})
export class ChatNodeModule {}

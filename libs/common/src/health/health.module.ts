import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { GracefulShutdown } from '../boot/graceful-shutdown';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty', logger: true })],
  controllers: [HealthController],
  providers: [GracefulShutdown],
  exports: [GracefulShutdown],
})
export class HealthModule {}

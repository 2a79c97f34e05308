import { Global, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { HttpMetrics } from './http-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics.registry';

/**
 * The process's metrics: the shared registry (global, so any feature module registers its own metrics in it), HTTP
 * request timings, and the token-protected `GET /metrics`. Imported by the API and the chat node.
 */
@Global()
@Module({
  providers: [MetricsRegistry],
  controllers: [MetricsController],
  exports: [MetricsRegistry],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetrics).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}

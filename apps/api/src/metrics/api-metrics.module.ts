import { Module } from '@nestjs/common';
import { MetricsModule } from '@app/common';
import { GraphqlMetrics } from './graphql-metrics';
import { SessionStreamMetrics } from './session-stream-metrics';

/** The API's own metrics beside the shared ones (HTTP, process; directory search timings come with DirectoryModule). */
@Module({
  imports: [MetricsModule],
  providers: [GraphqlMetrics, SessionStreamMetrics],
  exports: [GraphqlMetrics],
})
export class ApiMetricsModule {}

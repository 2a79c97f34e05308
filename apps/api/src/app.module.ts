import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import {
  Inject,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { Clock, HealthModule, LoggingModule } from '@app/common';
import { AppConfigModule, searchConfig, serverConfig, type SearchConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { SeedModule } from '@app/database/seed';
import { DirectoryLoaderFactory, DirectoryModule, SearchIndexService } from '@app/directory';
import { IdentityModule } from '@app/identity';
import { MessagingModule } from '@app/messaging';
import { ClusterModule, RealtimeModule } from '@app/realtime';
import { SessionEventsController } from './auth/session-events.controller';
import { ViewerGuard } from './auth/viewer';
import { WebSessionController } from './auth/web-session.controller';
import { ExportsController } from './exports/exports.controller';
import { requireAcceptableMediaType } from './graphql/graphql-over-http';
import { graphqlOptions } from './graphql/graphql.options';
import { ApiMetricsModule } from './metrics/api-metrics.module';
import { GraphqlMetrics } from './metrics/graphql-metrics';
import { PasswordConfirmationService } from './identity/password-confirmation.service';
import { API_RESOLVERS } from './schema';
import { WebClientModule } from './web/web-client.module';

/** The API process: GraphQL, health, the demo seed; `register` adds the chat gateway. */
@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    IdentityModule,
    DirectoryModule,
    MessagingModule,
    ClusterModule,
    SeedModule,
    HealthModule,
    ApiMetricsModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [DirectoryModule, ApiMetricsModule],
      inject: [serverConfig.KEY, DirectoryLoaderFactory, Clock, GraphqlMetrics],
      useFactory: graphqlOptions,
    }),
  ],
  controllers: [WebSessionController, SessionEventsController, ExportsController],
  providers: [...API_RESOLVERS, PasswordConfirmationService, { provide: APP_GUARD, useClass: ViewerGuard }],
})
export class AppModule implements OnApplicationBootstrap, NestModule {
  constructor(
    private readonly searchIndex: SearchIndexService,
    @Inject(searchConfig.KEY) private readonly search: SearchConfig,
  ) {}

  /** A request that accepts no GraphQL media type is refused before Apollo runs its operation. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requireAcceptableMediaType).forRoutes('graphql');
  }

  /** Builds the search index in the background once the process is up (and the demo seed, if any, is written). */
  onApplicationBootstrap(): void {
    if (this.search.engine === 'memory') {
      this.searchIndex.warm();
    }
  }

  /**
   * The API, with the chat gateway mounted in-process when `chatEmbedded` (CHAT_EMBEDDED, default true), serving the
   * web client built into `webRoot` (default dist/web) at `/`.
   */
  static register(options: { chatEmbedded: boolean; webRoot?: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [WebClientModule.register(options.webRoot), ...(options.chatEmbedded ? [RealtimeModule] : [])],
    };
  }
}

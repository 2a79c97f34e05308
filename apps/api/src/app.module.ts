import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { ConditionalModule } from '@nestjs/config';
import { GraphQLModule } from '@nestjs/graphql';
import { HealthModule, LoggingModule } from '@app/common';
import { AppConfigModule, chatConfig, serverConfig, type ServerConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { SeedModule } from '@app/database/seed';
import { DirectoryModule } from '@app/directory';
import { IdentityModule } from '@app/identity';
import { RealtimeModule } from '@app/realtime';
import { graphqlOptions } from './graphql/graphql.options';
import { API_RESOLVERS } from './schema';

/** The API process: GraphQL, health, the demo seed, and the chat gateway when CHAT_EMBEDDED is on (default). */
@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    IdentityModule,
    DirectoryModule,
    SeedModule,
    HealthModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [serverConfig.KEY],
      useFactory: (server: ServerConfig) => graphqlOptions(server),
    }),
    ConditionalModule.registerWhen(RealtimeModule, (env) => chatConfig.parse(env).embedded),
  ],
  providers: [...API_RESOLVERS],
})
export class AppModule {}

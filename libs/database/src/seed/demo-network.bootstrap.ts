import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { databaseConfig, serverConfig, type DatabaseConfig, type ServerConfig } from '@app/config';
import { DemoSeedService } from './demo-seed.service';

/** Thrown at boot: a production deployment must never run with the publicly known demo accounts. */
export class DemoAccountsInProductionError extends Error {
  constructor(count: number) {
    super(
      `Refusing to start in production: ${count} demo account(s) exist in this database. ` +
        'Use a fresh database for production (the demo network is for development and evaluation only).',
    );
    this.name = 'DemoAccountsInProductionError';
  }
}

/**
 * At boot: outside production, seeds the demo network into an empty database (DB_SEED_ON_BOOT, default on);
 * in production, refuses to start while demo accounts exist.
 */
@Injectable()
export class DemoNetworkBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoNetworkBootstrap.name);

  constructor(
    private readonly seed: DemoSeedService,
    @Inject(serverConfig.KEY) private readonly server: ServerConfig,
    @Inject(databaseConfig.KEY) private readonly database: DatabaseConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.server.isProduction) {
      const demoAccounts = await this.seed.countDemoAccounts();
      if (demoAccounts > 0) {
        throw new DemoAccountsInProductionError(demoAccounts);
      }
      return;
    }
    if (this.database.seedOnBoot && (await this.seed.isEmpty())) {
      const { created } = await this.seed.seed();
      this.logger.log(`Empty database: seeded the demo network (${created} practitioners)`);
    }
  }
}

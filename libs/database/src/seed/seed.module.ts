import { Module } from '@nestjs/common';
import { DemoNetworkBootstrap } from './demo-network.bootstrap';
import { DemoSeedService } from './demo-seed.service';

@Module({
  providers: [DemoSeedService, DemoNetworkBootstrap],
  exports: [DemoSeedService],
})
export class SeedModule {}

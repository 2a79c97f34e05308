import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { DemoNetworkBootstrap } from './demo-network.bootstrap';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [IdentityModule],
  providers: [DemoSeedService, DemoNetworkBootstrap],
  exports: [DemoSeedService],
})
export class SeedModule {}

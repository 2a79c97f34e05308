import { Query, Resolver } from '@nestjs/graphql';
import { NetworkStatisticsService, type Viewer } from '@app/identity';
import { CurrentViewer } from '../auth/viewer';
import { NetworkStatisticsModel } from './statistics.models';

/** The coordinators' desk numbers. */
@Resolver()
export class NetworkStatisticsResolver {
  constructor(private readonly statistics: NetworkStatisticsService) {}

  @Query(() => NetworkStatisticsModel, { description: 'Coordinators (their countries) and admins (all)' })
  networkStatistics(@CurrentViewer() viewer: Viewer): Promise<NetworkStatisticsModel> {
    return this.statistics.statistics(viewer);
  }
}

import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { TransactionService } from '@app/database';
import { AgencyEntity } from '../entities/agency.entity';
import { PractitionerEntity } from '../entities/practitioner.entity';
import { searchKeyFor } from './search-key';

/** Recomputes a profile's folded search key from its names, position and agency (inside the caller's transaction). */
export async function refreshSearchKey(manager: EntityManager, memberId: string): Promise<void> {
  const profile = await manager.findOneByOrFail(PractitionerEntity, { memberId });
  const agency = profile.agencyId ? await manager.findOneBy(AgencyEntity, { id: profile.agencyId }) : null;
  const searchKey = searchKeyFor({ ...profile, agencyName: agency?.name ?? null });
  if (searchKey !== profile.searchKey) {
    await manager.update(PractitionerEntity, { memberId }, { searchKey });
  }
}

/** At boot, fills the search key of profiles written before search existed (a no-op once done). */
@Injectable()
export class SearchKeyBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchKeyBackfill.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const missing = await this.dataSource
      .getRepository(PractitionerEntity)
      .find({ select: { memberId: true }, where: { searchKey: '' } });
    if (missing.length === 0) {
      return;
    }
    await this.transactions.run(async (manager) => {
      for (const { memberId } of missing) {
        await refreshSearchKey(manager, memberId);
      }
    });
    this.logger.log(`Search keys computed for ${missing.length} profiles`);
  }
}

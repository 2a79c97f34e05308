import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule, MetricsModule } from '@app/common';
import { AgencyEntity } from './entities/agency.entity';
import {
  ContactChannelEntity,
  PractitionerCompetenceEntity,
  PractitionerExpertiseEntity,
  PractitionerLanguageEntity,
} from './entities/practitioner-attributes.entity';
import { PractitionerEntity } from './entities/practitioner.entity';
import { PractitionerService } from './practitioner.service';
import { DirectoryLoaderFactory } from './profile/directory-loaders';
import { ReferenceDataService } from './reference/reference-data.service';
import { SearchIndexService } from './search/memory/search-index.service';
import { PractitionerSearchService } from './search/practitioner-search.service';
import { SearchMetrics } from './search/search-metrics';
import { SearchKeyBackfill } from './search/search-key.writer';

export const DIRECTORY_ENTITIES = [
  AgencyEntity,
  PractitionerEntity,
  PractitionerLanguageEntity,
  PractitionerExpertiseEntity,
  PractitionerCompetenceEntity,
  ContactChannelEntity,
];

@Module({
  imports: [TypeOrmModule.forFeature(DIRECTORY_ENTITIES), ClockModule, MetricsModule],
  providers: [
    ReferenceDataService,
    PractitionerService,
    PractitionerSearchService,
    SearchMetrics,
    SearchIndexService,
    DirectoryLoaderFactory,
    SearchKeyBackfill,
  ],
  exports: [
    TypeOrmModule,
    ClockModule,
    ReferenceDataService,
    PractitionerService,
    PractitionerSearchService,
    SearchIndexService,
    DirectoryLoaderFactory,
  ],
})
export class DirectoryModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '@app/common';
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
  imports: [TypeOrmModule.forFeature(DIRECTORY_ENTITIES), ClockModule],
  providers: [
    ReferenceDataService,
    PractitionerService,
    PractitionerSearchService,
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

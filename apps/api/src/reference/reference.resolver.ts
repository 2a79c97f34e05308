import { Args, Query, Resolver } from '@nestjs/graphql';
import { ReferenceDataService } from '@app/directory';
import {
  CompetenceModel,
  CountryModel,
  ExpertiseAreaModel,
  LanguageModel,
  LocaleCode,
} from './reference.model';

/** Reference lists for filters and forms, in English or Russian; public (they hold no personal data). */
@Resolver()
export class ReferenceResolver {
  constructor(private readonly reference: ReferenceDataService) {}

  @Query(() => [CountryModel])
  countries(@Args('locale', { type: () => LocaleCode, defaultValue: LocaleCode.en }) locale: LocaleCode) {
    return this.reference.countries(locale);
  }

  @Query(() => [LanguageModel])
  languages(@Args('locale', { type: () => LocaleCode, defaultValue: LocaleCode.en }) locale: LocaleCode) {
    return this.reference.languages(locale);
  }

  @Query(() => [ExpertiseAreaModel])
  expertiseAreas(
    @Args('locale', { type: () => LocaleCode, defaultValue: LocaleCode.en }) locale: LocaleCode,
  ) {
    return this.reference.expertiseAreas(locale);
  }

  @Query(() => [CompetenceModel])
  competences(@Args('locale', { type: () => LocaleCode, defaultValue: LocaleCode.en }) locale: LocaleCode) {
    return this.reference.competences(locale);
  }
}

import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum LocaleCode {
  en = 'en',
  ru = 'ru',
}

registerEnumType(LocaleCode, { name: 'Locale', description: 'Language of the names returned' });

@ObjectType('Country', { description: 'ISO 3166-1 country' })
export class CountryModel {
  @Field({ description: 'ISO 3166-1 alpha-2 code' })
  code: string;

  @Field()
  name: string;
}

@ObjectType('Language', { description: 'ISO 639-1 language' })
export class LanguageModel {
  @Field({ description: 'ISO 639-1 code' })
  code: string;

  @Field()
  name: string;
}

@ObjectType('ExpertiseArea', { description: 'An area of practice in the expertise taxonomy' })
export class ExpertiseAreaModel {
  @Field({ description: 'Stable code used in profiles and filters' })
  code: string;

  @Field()
  name: string;

  @Field({ description: 'Section the area belongs to (TRAFFICKING, SMUGGLING, FINANCIAL, …)' })
  group: string;
}

@ObjectType('Competence', { description: 'A legal competence for international cooperation' })
export class CompetenceModel {
  @Field({ description: 'Stable code used in profiles and filters' })
  code: string;

  @Field()
  name: string;

  @Field({ description: 'Instrument or channel the competence comes from (UNTOC, PROTOCOLS, CHANNELS, …)' })
  group: string;
}

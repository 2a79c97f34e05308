import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencyType, ContactKind, ContactVisibility, LanguageLevel } from './directory.enums';

@ObjectType('Agency')
export class AgencyModel {
  @Field()
  name: string;

  @Field(() => AgencyType)
  type: AgencyType;

  @Field()
  city: string;

  @Field()
  country: string;
}

@ObjectType('LanguageSkill')
export class LanguageSkillModel {
  @Field({ description: 'ISO 639-1' })
  code: string;

  @Field(() => LanguageLevel)
  level: LanguageLevel;
}

@ObjectType('ContactChannel', { description: 'Only the channels the viewer may see are returned' })
export class ContactChannelModel {
  @Field(() => ContactKind)
  kind: ContactKind;

  @Field()
  value: string;

  @Field(() => String, { nullable: true })
  label: string | null;

  @Field(() => ContactVisibility)
  visibility: ContactVisibility;
}

@ObjectType('Practitioner')
export class PractitionerModel {
  @Field(() => ID, { description: 'The member id' })
  id: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true, description: 'The name in its own script' })
  nativeName: string | null;

  @Field(() => [String])
  nameVariants: string[];

  @Field(() => String, { nullable: true })
  position: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  country: string;

  @Field(() => AgencyModel, { nullable: true })
  agency: AgencyModel | null;

  @Field(() => [LanguageSkillModel])
  languages: LanguageSkillModel[];

  @Field(() => [String], { description: 'Expertise codes (see expertiseAreas)' })
  expertise: string[];

  @Field(() => [String], { description: 'Competence codes (see competences)' })
  competences: string[];

  @Field({ description: 'IANA time zone' })
  timeZone: string;

  @Field(() => [Int], { description: 'ISO weekdays, 1 = Monday' })
  workingDays: number[];

  @Field()
  workingHoursStart: string;

  @Field()
  workingHoursEnd: string;

  @Field()
  available24x7: boolean;

  @Field(() => String, { nullable: true })
  bio: string | null;

  @Field(() => Date, { nullable: true })
  confirmedAt: Date | null;

  @Field(() => [ContactChannelModel], { description: 'Only the channels the viewer may see' })
  contacts: ContactChannelModel[];

  @Field({ description: 'Their wall-clock time now, e.g. 2026-11-30T09:30+05:00' })
  localTime: string;

  @Field({ description: 'Within working days and hours in their time zone now, or 24/7' })
  availableNow: boolean;

  @Field({ description: 'Not confirmed as current for more than 12 months' })
  stale: boolean;

  @Field(() => [LanguageSkillModel], {
    description: 'Languages you share at WORKING or better, with the level you can both use (the lower one)',
  })
  sharedLanguages: LanguageSkillModel[];

  @Field({ description: 'True when you share no language at WORKING or better' })
  needsInterpreter: boolean;
}

/** What the root queries return; the remaining fields are resolved (batched) from it. */
export type PractitionerParent = Omit<
  PractitionerModel,
  | 'agency'
  | 'languages'
  | 'expertise'
  | 'competences'
  | 'contacts'
  | 'localTime'
  | 'availableNow'
  | 'stale'
  | 'sharedLanguages'
  | 'needsInterpreter'
> & {
  agencyId: string | null;
  /** The instant `localTime` and `availableNow` answer for, when not the request's (a later page of a search). */
  observedAt?: Date;
};

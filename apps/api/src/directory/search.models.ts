import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { FieldErrorCode } from '@app/common';
import { AgencyType, LanguageLevel } from './directory.enums';
import { PageInfoModel } from '../identity/identity.models';
import { PractitionerModel } from './practitioner.models';

@InputType()
export class PractitionerFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Names in any script, agency, position; one typo tolerated',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2; any of them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[A-Z]{2}$/, {
    each: true,
    message: 'countries must be ISO 3166-1 alpha-2 codes',
    context: { code: FieldErrorCode.INVALID_COUNTRY },
  })
  countries?: string[] | null;

  @Field(() => [AgencyType], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(AgencyType, { each: true })
  agencyTypes?: AgencyType[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'ISO 639-1; speaks any of them at minLanguageLevel or better',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  languages?: string[] | null;

  @Field(() => LanguageLevel, { nullable: true })
  @IsOptional()
  @IsEnum(LanguageLevel, { context: { code: FieldErrorCode.INVALID_LEVEL } })
  minLanguageLevel?: LanguageLevel | null;

  @Field(() => [String], { nullable: true, description: 'Expertise codes; any of them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  expertise?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Competence codes; any of them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  competences?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only people sharing a language with you at WORKING or better, best shared level first',
  })
  @IsOptional()
  @IsBoolean()
  sharesLanguageWithMe?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only those available 24/7' })
  @IsOptional()
  @IsBoolean()
  available24x7?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only those who can answer now: 24/7, or within their working days and hours in their own time zone',
  })
  @IsOptional()
  @IsBoolean()
  availableNow?: boolean | null;
}

@ObjectType('FacetCount')
export class FacetCountModel {
  @Field()
  code: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('PractitionerFacets', {
  description:
    'Counts for the current filter without that facet’s own selection: how many would match with that value ' +
    'selected instead, or with the yes/no filter on',
})
export class PractitionerFacetsModel {
  @Field(() => [FacetCountModel])
  countries: FacetCountModel[];

  @Field(() => [FacetCountModel])
  languages: FacetCountModel[];

  @Field(() => [FacetCountModel])
  expertise: FacetCountModel[];

  @Field(() => [FacetCountModel])
  agencyTypes: FacetCountModel[];

  @Field(() => [FacetCountModel])
  competences: FacetCountModel[];

  @Field(() => Int, { description: 'Available 24/7, with every other filter' })
  available24x7: number;

  @Field(() => Int, { description: 'Can answer now, with every other filter' })
  availableNow: number;
}

@ObjectType('PractitionerEdge')
export class PractitionerEdgeModel {
  @Field()
  cursor: string;

  @Field(() => PractitionerModel)
  node: PractitionerModel;
}

@ObjectType('PractitionerConnection')
export class PractitionerConnectionModel {
  @Field(() => [PractitionerEdgeModel])
  edges: PractitionerEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;

  @Field(() => PractitionerFacetsModel)
  facets: PractitionerFacetsModel;
}

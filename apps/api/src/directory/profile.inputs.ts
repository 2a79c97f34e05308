import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { FieldErrorCode } from '@app/common';
import { LanguageInput } from '../identity/identity.inputs';
import { AgencyType, ContactKind, ContactVisibility } from './directory.enums';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

@InputType()
export class AgencyInput {
  @Field()
  @IsString()
  @Length(2, 200)
  name: string;

  @Field(() => AgencyType)
  @IsEnum(AgencyType)
  type: AgencyType;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  city?: string | null;
}

@InputType()
export class ContactChannelInput {
  @Field(() => ContactKind)
  @IsEnum(ContactKind)
  kind: ContactKind;

  @Field({
    description: 'E.164 for phones (+998712345678), an address for EMAIL, a number or @username for TELEGRAM',
  })
  @IsString()
  @Length(3, 320)
  value: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string | null;

  @Field(() => ContactVisibility)
  @IsEnum(ContactVisibility)
  visibility: ContactVisibility;
}

/** Every field optional; a list given replaces the stored list. */
@InputType()
export class UpdateProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  displayName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nativeName?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(2, 200, { each: true })
  nameVariants?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  position?: string | null;

  @Field(() => AgencyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgencyInput)
  agency?: AgencyInput;

  @Field(() => [LanguageInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LanguageInput)
  languages?: LanguageInput[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  @MaxLength(64, { each: true, context: { code: FieldErrorCode.INVALID_EXPERTISE } })
  expertise?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  @MaxLength(64, { each: true, context: { code: FieldErrorCode.INVALID_COMPETENCE } })
  competences?: string[];

  @Field({ nullable: true, description: 'IANA time zone, e.g. Asia/Karachi' })
  @IsOptional()
  @IsString()
  @MaxLength(64, { context: { code: FieldErrorCode.INVALID_TIME_ZONE } })
  timeZone?: string;

  @Field(() => [Int], { nullable: true, description: 'ISO weekdays, 1 = Monday … 7 = Sunday' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  workingDays?: number[];

  @Field({ nullable: true, description: 'HH:MM local time' })
  @IsOptional()
  @Matches(HH_MM, { message: 'workingHoursStart must be HH:MM' })
  workingHoursStart?: string;

  @Field({ nullable: true, description: 'HH:MM local time; before the start for a shift over midnight' })
  @IsOptional()
  @Matches(HH_MM, { message: 'workingHoursEnd must be HH:MM' })
  workingHoursEnd?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  available24x7?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  bio?: string | null;

  @Field(() => [ContactChannelInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => ContactChannelInput)
  contacts?: ContactChannelInput[];
}

@InputType()
export class UpdateMemberProfileInput extends UpdateProfileInput {
  @Field(() => ID)
  @IsUUID()
  memberId: string;

  @Field({ description: 'Why a coordinator changes someone else’s profile (audited)' })
  @IsString()
  @Length(3, 1000)
  reason: string;
}

import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEmail,
  IsEnum,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { FieldErrorCode } from '@app/common';
import { AgencyType, LanguageLevel } from '../directory/directory.enums';
import {
  MAX_PASSWORD_LENGTH,
  MemberRole,
  MemberStatus,
  MIN_PASSWORD_LENGTH,
  VettingDecision,
} from '@app/identity';

const COUNTRY = /^[A-Z]{2}$/;

@InputType()
export class SignInInput {
  @Field()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @Field()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;

  @Field(() => String, {
    nullable: true,
    description: 'Current 6-digit TOTP code, when two-factor is enabled',
  })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  totp?: string | null;

  @Field(() => String, { nullable: true, description: 'A one-time recovery code instead of a TOTP code' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  recoveryCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  deviceLabel?: string | null;
}

/** `confirmPassword(password)`: the signed-in member's password, bounded like sign-in's. */
@ArgsType()
export class ConfirmPasswordArgs {
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

@InputType()
export class LanguageInput {
  @Field({ description: 'ISO 639-1' })
  @IsString()
  @Length(2, 3, { context: { code: FieldErrorCode.INVALID_LANGUAGE } })
  code: string;

  @Field(() => LanguageLevel)
  @IsEnum(LanguageLevel, { context: { code: FieldErrorCode.INVALID_LEVEL } })
  level: LanguageLevel;
}

@InputType()
export class ApplyForMembershipInput {
  @Field()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters` })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;

  @Field()
  @IsString()
  @Length(2, 200)
  displayName: string;

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
  @MaxLength(200, { each: true })
  nameVariants?: string[] | null;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  @Matches(COUNTRY, {
    message: 'country must be an ISO 3166-1 alpha-2 code',
    context: { code: FieldErrorCode.INVALID_COUNTRY },
  })
  country: string;

  @Field()
  @IsString()
  @Length(2, 200)
  agencyName: string;

  @Field(() => AgencyType)
  @IsEnum(AgencyType)
  agencyType: AgencyType;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  agencyCity?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  position?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Asia/Tashkent' })
  @IsOptional()
  @IsString()
  @MaxLength(64, { context: { code: FieldErrorCode.INVALID_TIME_ZONE } })
  timeZone?: string | null;

  @Field(() => [LanguageInput])
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LanguageInput)
  languages: LanguageInput[];

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  expertise: string[];

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  competences: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  invitationCode?: string | null;
}

@InputType()
export class CreateInvitationInput {
  @Field()
  @Matches(COUNTRY, {
    message: 'country must be an ISO 3166-1 alpha-2 code',
    context: { code: FieldErrorCode.INVALID_COUNTRY },
  })
  country: string;

  @Field(() => String, { nullable: true, description: 'Restrict the invitation to this address' })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string | null;
}

@InputType()
export class MembersFilterInput {
  @Field(() => MemberStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MemberStatus)
  status?: MemberStatus | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(250)
  @Matches(COUNTRY, {
    each: true,
    message: 'countries must be ISO 3166-1 alpha-2 codes',
    context: { code: FieldErrorCode.INVALID_COUNTRY },
  })
  countries?: string[] | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  vettingExpiresBefore?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only members whose profile was not confirmed for 12 months (never confirmed: since created); ' +
      'false: only fresh ones; members without a profile match neither',
  })
  @IsOptional()
  @IsBoolean()
  staleProfile?: boolean | null;
}

@InputType()
export class MemberReasonInput {
  @Field(() => ID)
  @IsUUID()
  memberId: string;

  @Field()
  @IsString()
  @Length(3, 1000)
  reason: string;
}

@InputType()
export class VetMemberInput extends MemberReasonInput {
  @Field(() => VettingDecision)
  @IsEnum(VettingDecision)
  decision: VettingDecision;

  @Field(() => Date, { nullable: true, description: 'Default: 24 months from now; at most 36' })
  @IsOptional()
  @IsDate()
  vettedUntil?: Date | null;
}

@InputType()
export class SetMemberRoleInput extends MemberReasonInput {
  @Field(() => MemberRole)
  @IsIn(Object.values(MemberRole))
  role: MemberRole;

  @Field(() => [String], { nullable: true, description: 'A coordinator’s countries' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(250)
  @Matches(COUNTRY, {
    each: true,
    message: 'countries must be ISO 3166-1 alpha-2 codes',
    context: { code: FieldErrorCode.INVALID_COUNTRY },
  })
  countries?: string[] | null;
}

@InputType()
export class ResetAccountInput {
  @Field()
  @IsString()
  @MaxLength(40)
  code: string;

  @Field()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword: string;
}

@InputType()
export class AuditLogFilterInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(48)
  action?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  targetId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  actorId?: string | null;
}

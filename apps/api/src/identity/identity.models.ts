import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MemberRole, MemberStatus, VettingDecision } from '@app/identity';
import { LocaleCode } from '../reference/reference.model';

registerEnumType(MemberRole, { name: 'MemberRole' });
registerEnumType(MemberStatus, { name: 'MemberStatus' });
registerEnumType(VettingDecision, { name: 'VettingDecision' });

@ObjectType('Member', { description: 'A network member as seen by themselves or by staff in scope' })
export class MemberModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => MemberRole)
  role: MemberRole;

  @Field(() => MemberStatus)
  status: MemberStatus;

  @Field(() => [String], { description: 'Countries a coordinator oversees' })
  coordinatorCountries: string[];

  @Field(() => String, { nullable: true, description: 'Country of the practitioner profile' })
  country: string | null;

  @Field(() => Date, { nullable: true })
  vettedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'After this instant the member is treated as pending' })
  vettedUntil: Date | null;

  @Field({ description: 'Vetted and not expired' })
  active: boolean;

  @Field()
  totpEnabled: boolean;

  @Field(() => LocaleCode, { description: 'The language the member chose for the web client' })
  locale: LocaleCode;

  @Field()
  createdAt: Date;
}

@ObjectType('MemberRef')
export class MemberRefModel {
  @Field(() => ID)
  id: string;

  @Field(() => MemberRole)
  role: MemberRole;

  @Field(() => MemberStatus)
  status: MemberStatus;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field({ description: 'JWT for Authorization: Bearer …, valid until expiresAt' })
  accessToken: string;

  @Field({
    description:
      'Each refreshSession returns a new one; an old one presented again ends the session, unless it was rotated ' +
      'less than REFRESH_REUSE_GRACE_SECONDS ago (then its successor is returned)',
  })
  refreshToken: string;

  @Field()
  expiresAt: Date;

  @Field(() => MemberRefModel)
  member: MemberRefModel;
}

@ObjectType('Session')
export class SessionModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  deviceLabel: string | null;

  @Field(() => String, { nullable: true })
  ip: string | null;

  @Field()
  createdAt: Date;

  @Field()
  lastUsedAt: Date;

  @Field()
  expiresAt: Date;

  @Field({ description: 'The session of this request' })
  current: boolean;
}

@ObjectType('ApplicationResult')
export class ApplicationResultModel {
  @Field(() => ID)
  id: string;

  @Field(() => MemberStatus)
  status: MemberStatus;
}

@ObjectType('OneTimeCode', { description: 'A code shown once; hand it over out of band' })
export class OneTimeCodeModel {
  @Field()
  code: string;

  @Field()
  expiresAt: Date;
}

@ObjectType('TotpEnrollment')
export class TotpEnrollmentModel {
  @Field({ description: 'Base32 secret for manual entry' })
  secret: string;

  @Field({ description: 'otpauth:// URL for a QR code' })
  otpauthUrl: string;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType('MemberEdge')
export class MemberEdgeModel {
  @Field()
  cursor: string;

  @Field(() => MemberModel)
  node: MemberModel;
}

@ObjectType('MemberConnection')
export class MemberConnectionModel {
  @Field(() => [MemberEdgeModel])
  edges: MemberEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}

@ObjectType('AuditEntry')
export class AuditEntryModel {
  @Field(() => Int)
  seq: number;

  @Field({ description: 'ISO 8601, milliseconds, UTC: exactly what was hashed' })
  at: string;

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field()
  action: string;

  @Field(() => ID, { nullable: true })
  targetId: string | null;

  @Field(() => String, { nullable: true })
  country: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field({ description: 'Canonical JSON' })
  data: string;

  @Field()
  prevHash: string;

  @Field()
  hash: string;
}

@ObjectType('AuditEntryEdge')
export class AuditEntryEdgeModel {
  @Field()
  cursor: string;

  @Field(() => AuditEntryModel)
  node: AuditEntryModel;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnectionModel {
  @Field(() => [AuditEntryEdgeModel])
  edges: AuditEntryEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;
}

@ObjectType('AuditChainStatus')
export class AuditChainStatusModel {
  @Field()
  valid: boolean;

  @Field(() => Int)
  length: number;

  @Field(() => String, { nullable: true })
  headHash: string | null;

  @Field(() => Int, { nullable: true, description: 'First seq that fails verification' })
  firstBrokenSeq: number | null;
}

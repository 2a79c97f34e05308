import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { FieldErrorCode } from '@app/common';
import { AuditAction, MemberStatus } from '@app/identity';

const COUNTRY = /^[A-Z]{2}$/;

/** `?key=` (empty) is the same as leaving the key out. */
const emptyIsAbsent = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

/** `countries=KZ,UZ` (or the key repeated) → ['KZ', 'UZ']; an empty value → absent. */
function countryList({ value }: { value: unknown }): unknown {
  if (value === undefined || value === '') {
    return undefined;
  }
  const parts = (Array.isArray(value) ? value : [value]).flatMap((part: unknown) =>
    typeof part === 'string' ? part.split(',').map((code) => code.trim()) : [part],
  );
  return parts;
}

/** `true` / `false` → a boolean; anything else stays as given, for IsBoolean to refuse. */
function booleanFlag({ value }: { value: unknown }): unknown {
  if (value === '' || value === undefined) {
    return undefined;
  }
  return value === 'true' ? true : value === 'false' ? false : value;
}

/** `GET /exports/members.csv?…`: the `members` filter, as query parameters. */
export class MembersExportQuery {
  @Transform(emptyIsAbsent)
  @IsOptional()
  @IsIn(Object.values(MemberStatus), {
    message: `status must be one of ${Object.values(MemberStatus).join(', ')}`,
  })
  status?: MemberStatus;

  @Transform(countryList)
  @IsOptional()
  @ArrayMaxSize(250)
  @Matches(COUNTRY, {
    each: true,
    message: 'countries must be ISO 3166-1 alpha-2 codes, comma-separated',
    context: { code: FieldErrorCode.INVALID_COUNTRY },
  })
  countries?: string[];

  @Transform(emptyIsAbsent)
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'vettingExpiresBefore must be an ISO 8601 date or date-time' })
  vettingExpiresBefore?: string;

  @Transform(booleanFlag)
  @IsOptional()
  @IsBoolean({ message: 'staleProfile must be true or false' })
  staleProfile?: boolean;
}

/** `GET /exports/audit.csv?…`: the `auditLog` filter, as query parameters. */
export class AuditExportQuery {
  @Transform(emptyIsAbsent)
  @IsOptional()
  @IsIn(Object.values(AuditAction), { message: 'action must be one of the audit actions' })
  action?: AuditAction;

  @Transform(emptyIsAbsent)
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @Transform(emptyIsAbsent)
  @IsOptional()
  @IsUUID()
  targetId?: string;
}

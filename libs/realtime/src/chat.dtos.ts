import { plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';
import { DomainException, fieldErrors } from '@app/common';
import { isUuid, KEYS_MEMBERS_MAX, SYNC_LIMIT_MAX } from '@app/messaging';

export class MessageSendDto {
  @IsUUID()
  conversationId: string;

  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'clientMessageId must be 8 to 64 letters, digits, - or _' })
  clientMessageId: string;

  @IsObject()
  envelope: Record<string, unknown>;
}

export class SyncDto {
  /** conversationId → last seq the client has. Keys and values are checked by `validSince`. */
  @IsObject()
  since: Record<string, unknown>;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(SYNC_LIMIT_MAX)
  limit?: number;
}

export class MessageReadDto {
  @IsUUID()
  conversationId: string;

  @IsInt()
  @Min(0)
  seq: number;
}

/** `keys`: the devices of a conversation's participants, or of named members (exactly one of the two). */
export class KeysDto {
  @IsOptional()
  @IsUUID()
  conversationId?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(KEYS_MEMBERS_MAX)
  @IsUUID('all', { each: true })
  memberIds?: string[];
}

export class TypingDto {
  @IsUUID()
  conversationId: string;

  @IsBoolean()
  typing: boolean;
}

/**
 * A socket payload checked like a GraphQL input: it must be an object of exactly the DTO's fields with valid values,
 * else BAD_USER_INPUT with the failing fields. Nothing reaches a service unchecked.
 */
export function validPayload<T extends object>(dto: new () => T, payload: unknown): T {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || Buffer.isBuffer(payload)) {
    throw DomainException.badInput('The payload must be an object.');
  }
  const instance = plainToInstance(dto, payload);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) {
    throw DomainException.badInput('Some fields are invalid.', fieldErrors(errors));
  }
  return instance;
}

/** `since` of a sync: conversation ids → non-negative integer seqs (at most 1,000 entries). */
export function validSince(since: Record<string, unknown>): Record<string, number> {
  const entries = Object.entries(since);
  const fields: Record<string, string[]> = {};
  if (entries.length > 1000) {
    fields.since = ['at most 1000 conversations'];
  }
  for (const [key, value] of entries) {
    if (!isUuid(key) || typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      fields[`since.${key.slice(0, 40)}`] = ['must map a conversation id to a seq ≥ 0'];
    }
  }
  if (Object.keys(fields).length > 0) {
    throw DomainException.badInput('Some fields are invalid.', fields);
  }
  return Object.fromEntries(entries.map(([key, value]) => [key.toLowerCase(), value as number]));
}

import { plainToInstance, Transform } from 'class-transformer';
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
import { DomainException, fieldError, FieldErrorCode, fieldErrors, type FieldError } from '@app/common';
import type {
  KeysPayload,
  MessageReadPayload,
  MessageSendPayload,
  SyncPayload,
  TypingPayload,
} from '@app/common/chat-protocol';
import { isUuid, KEYS_MEMBERS_MAX, normalizeId, SYNC_LIMIT_MAX } from '@app/messaging';

/**
 * Ids as they are read: every string `normalizeId`d (each one of an array), anything else left for the validators
 * to refuse. The only place a socket id is normalized: services, rooms and the events sent back all use this value.
 */
const NormalizeIds = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? normalizeId(value)
      : Array.isArray(value)
        ? value.map((item: unknown) => (typeof item === 'string' ? normalizeId(item) : item))
        : value,
  );

/*
 * Each DTO is the one validation of its event's payload and implements the payload type of the shared contract
 * (`@app/common/chat-protocol`): what the gateway hands a service is that type, already checked and normalized.
 */

export class MessageSendDto implements MessageSendPayload {
  @IsUUID()
  @NormalizeIds()
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

/** The largest seq a client may name: seqs are 32-bit integers in both databases. */
export const SEQ_MAX = 2_147_483_647;

export class MessageReadDto implements MessageReadPayload {
  @IsUUID()
  @NormalizeIds()
  conversationId: string;

  @IsInt()
  @Min(0)
  @Max(SEQ_MAX)
  seq: number;
}

/** `keys`: the devices of a conversation's participants, or of named members (exactly one of the two). */
export class KeysDto {
  @IsOptional()
  @IsUUID()
  @NormalizeIds()
  conversationId?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(KEYS_MEMBERS_MAX)
  @IsUUID('all', { each: true })
  @NormalizeIds()
  memberIds?: string[];
}

export class TypingDto implements TypingPayload {
  @IsUUID()
  @NormalizeIds()
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
  // No field of any event is nullable: null is refused, not read as "absent" (class-validator's IsOptional would).
  const nulls = Object.entries(payload).filter(([, value]) => value === null);
  if (nulls.length > 0) {
    throw DomainException.badInput(
      'Some fields are invalid.',
      nulls.map(([key]) =>
        fieldError(key.slice(0, 64), FieldErrorCode.INVALID, 'must not be null; leave the field out'),
      ),
    );
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

export const SINCE_MAX_ENTRIES = 1000;

/**
 * `since` of a sync: a plain map of conversation ids → integer seqs 0…SEQ_MAX (at most 1,000 entries), and nothing
 * else: any other key or value is refused with the field named.
 */
export function validSince(since: unknown): Record<string, number> {
  if (typeof since !== 'object' || since === null || Array.isArray(since)) {
    throw DomainException.badInput('since must map conversation ids to seqs.', [
      fieldError('since', FieldErrorCode.INVALID, 'must be an object of conversation id → seq'),
    ]);
  }
  const entries = Object.entries(since);
  const fields: FieldError[] = [];
  if (entries.length > SINCE_MAX_ENTRIES) {
    throw DomainException.badInput(`since names more than ${SINCE_MAX_ENTRIES} conversations.`, [
      fieldError('since', FieldErrorCode.TOO_MANY, `at most ${SINCE_MAX_ENTRIES} conversations`, {
        max: SINCE_MAX_ENTRIES,
      }),
    ]);
  }
  const message = `must map a conversation id to a seq from 0 to ${SEQ_MAX}`;
  for (const [key, value] of entries) {
    const path = `since.${key.slice(0, 40)}`;
    if (!isUuid(key)) {
      fields.push(fieldError(path, FieldErrorCode.INVALID_ID, message));
    } else if (typeof value !== 'number' || !Number.isInteger(value)) {
      fields.push(fieldError(path, FieldErrorCode.INVALID, message));
    } else if (value < 0 || value > SEQ_MAX) {
      fields.push(fieldError(path, FieldErrorCode.OUT_OF_RANGE, message, { min: 0, max: SEQ_MAX }));
    }
  }
  if (fields.length > 0) {
    throw DomainException.badInput('Some fields are invalid.', fields);
  }
  return Object.fromEntries(entries.map(([key, value]) => [normalizeId(key), value as number]));
}

/** `sync`: the DTO, then its `since` map entry by entry. */
export function validSync(payload: unknown): SyncPayload {
  const input = validPayload(SyncDto, payload);
  const since = validSince(input.since);
  return input.limit === undefined ? { since } : { since, limit: input.limit };
}

/** `keys`: the DTO, and exactly one of conversationId and memberIds. */
export function validKeys(payload: unknown): KeysPayload {
  const input = validPayload(KeysDto, payload);
  if (input.conversationId !== undefined && input.memberIds === undefined) {
    return { conversationId: input.conversationId };
  }
  if (input.memberIds !== undefined && input.conversationId === undefined) {
    return { memberIds: input.memberIds };
  }
  throw DomainException.badInput('Name either conversationId or memberIds.');
}

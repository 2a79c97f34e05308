import { DomainException, type FieldError } from '@app/common';
import { KeysDto, SEQ_MAX, SINCE_MAX_ENTRIES, TypingDto, validPayload, validSince } from './chat.dtos';

const ID = '0b9f3a4e-2c1d-4e5f-8a7b-6c5d4e3f2a1b';

function fieldsOf(run: () => unknown): FieldError[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainException) {
      return error.fields ?? [];
    }
    throw error;
  }
  throw new Error('the payload was accepted');
}

describe(validPayload.name, () => {
  it('should answer a missing field as REQUIRED and an extra one as NOT_ALLOWED', () => {
    expect(fieldsOf(() => validPayload(TypingDto, { conversationId: ID, extra: 1 }))).toEqual([
      { path: 'extra', code: 'NOT_ALLOWED', message: 'property extra should not exist' },
      { path: 'typing', code: 'REQUIRED', message: 'typing is required' },
    ]);
  });

  it('should code ids, list sizes and nulls', () => {
    expect(fieldsOf(() => validPayload(TypingDto, { conversationId: 'nope', typing: true }))).toEqual([
      { path: 'conversationId', code: 'INVALID_ID', message: 'conversationId must be a UUID' },
    ]);
    expect(fieldsOf(() => validPayload(KeysDto, { memberIds: [] }))).toEqual([
      { path: 'memberIds', code: 'TOO_FEW', message: expect.any(String), min: 1 },
    ]);
    expect(fieldsOf(() => validPayload(TypingDto, { conversationId: null, typing: true }))).toEqual([
      { path: 'conversationId', code: 'INVALID', message: 'must not be null; leave the field out' },
    ]);
  });
});

describe(validSince.name, () => {
  it('should code each refused entry by what is wrong with it', () => {
    expect(fieldsOf(() => validSince({ [ID]: SEQ_MAX + 1, 'not-an-id': 1 }))).toEqual([
      { path: `since.${ID}`, code: 'OUT_OF_RANGE', message: expect.any(String), min: 0, max: SEQ_MAX },
      { path: 'since.not-an-id', code: 'INVALID_ID', message: expect.any(String) },
    ]);
    expect(fieldsOf(() => validSince({ [ID]: 1.5 }))).toEqual([
      { path: `since.${ID}`, code: 'INVALID', message: expect.any(String) },
    ]);
    expect(fieldsOf(() => validSince([]))).toEqual([
      { path: 'since', code: 'INVALID', message: expect.any(String) },
    ]);
  });

  it('should refuse too many entries with the bound', () => {
    const since = Object.fromEntries(
      Array.from({ length: SINCE_MAX_ENTRIES + 1 }, (_, i) => [
        `${ID.slice(0, -4)}${String(i).padStart(4, '0')}`,
        0,
      ]),
    );
    expect(fieldsOf(() => validSince(since))).toEqual([
      { path: 'since', code: 'TOO_MANY', message: expect.any(String), max: SINCE_MAX_ENTRIES },
    ]);
  });
});

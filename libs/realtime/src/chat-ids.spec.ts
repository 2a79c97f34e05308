import { DomainException } from '@app/common';
import { normalizeId, requireUuid } from '@app/messaging';
import { MessageReadDto, MessageSendDto, TypingDto, validKeys, validPayload, validSync } from './chat.dtos';

const ID = '0B9F3A4E-2C1D-4E5F-8A7B-6C5D4E3F2A1B';
const OTHER = 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D';
const lower = (id: string) => id.toLowerCase();

function refusal(run: () => unknown): DomainException {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainException) {
      return error;
    }
    throw error;
  }
  throw new Error('the payload was accepted');
}

describe(normalizeId.name, () => {
  it('should give a UUID as the database stores it (lowercase)', () => {
    expect(normalizeId(ID)).toBe(lower(ID));
    expect(requireUuid(ID, 'id')).toBe(normalizeId(ID));
  });

  it('should be applied by every socket DTO to every id it reads', () => {
    expect(
      validPayload(MessageSendDto, { conversationId: ID, clientMessageId: 'client-1', envelope: {} })
        .conversationId,
    ).toBe(lower(ID));
    expect(validPayload(MessageReadDto, { conversationId: ID, seq: 1 }).conversationId).toBe(lower(ID));
    expect(validPayload(TypingDto, { conversationId: ID, typing: true }).conversationId).toBe(lower(ID));
    expect(validKeys({ conversationId: ID })).toEqual({ conversationId: lower(ID) });
    expect(validKeys({ memberIds: [ID, OTHER] })).toEqual({ memberIds: [lower(ID), lower(OTHER)] });
    expect(validSync({ since: { [ID]: 4 }, limit: 10 })).toEqual({ since: { [lower(ID)]: 4 }, limit: 10 });
    expect(validSync({ since: {} })).toEqual({ since: {} });
  });

  it('should leave refusals as they were: a non-id is still INVALID_ID, whatever its case', () => {
    expect(
      refusal(() => validPayload(TypingDto, { conversationId: 'NOT-AN-ID', typing: true })).fields,
    ).toEqual([{ path: 'conversationId', code: 'INVALID_ID', message: 'conversationId must be a UUID' }]);
    expect(refusal(() => validKeys({ memberIds: [ID, 7] })).fields).toEqual([
      { path: 'memberIds', code: 'INVALID_ID', message: expect.any(String) },
    ]);
  });
});

describe(validKeys.name, () => {
  it('should take exactly one of conversationId and memberIds', () => {
    for (const payload of [{}, { conversationId: ID, memberIds: [OTHER] }]) {
      const error = refusal(() => validKeys(payload));
      expect(error.toPayload()).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'Name either conversationId or memberIds.',
      });
    }
  });
});

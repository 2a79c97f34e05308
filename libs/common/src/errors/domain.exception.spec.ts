import { DomainException } from './domain.exception';
import { ErrorCode, isErrorCode } from './error-codes';

describe(DomainException.name, () => {
  it('should carry its code and a safe message into the payload', () => {
    const error = DomainException.badInput('Invalid profile', { email: ['must be an email'] });
    expect(error).toBeInstanceOf(Error);
    expect(error.toPayload()).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'Invalid profile',
      fields: { email: ['must be an email'] },
    });
  });

  it('should omit fields when there are none', () => {
    expect(DomainException.notFound('No such practitioner').toPayload()).toEqual({
      code: 'NOT_FOUND',
      message: 'No such practitioner',
    });
  });
});

describe(isErrorCode.name, () => {
  it('should accept only known codes', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true);
    expect(isErrorCode('forbidden')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});

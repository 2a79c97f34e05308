import { DomainException } from './domain.exception';
import { ErrorCode, fieldError, FieldErrorCode, isErrorCode, isFieldErrorCode } from './error-codes';

describe(DomainException.name, () => {
  it('should carry its code and a safe message into the payload', () => {
    const error = DomainException.badInput('Invalid profile', [
      fieldError('email', FieldErrorCode.INVALID_EMAIL, 'must be an email'),
      fieldError('bio', FieldErrorCode.TOO_LONG, 'at most 2000 characters', { max: 2000 }),
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.toPayload()).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'Invalid profile',
      fields: [
        { path: 'email', code: 'INVALID_EMAIL', message: 'must be an email' },
        { path: 'bio', code: 'TOO_LONG', message: 'at most 2000 characters', max: 2000 },
      ],
    });
  });

  it('should omit fields when there are none', () => {
    expect(DomainException.notFound('No such practitioner').toPayload()).toEqual({
      code: 'NOT_FOUND',
      message: 'No such practitioner',
    });
    expect(DomainException.badInput('Nothing to point at', []).toPayload()).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Nothing to point at',
    });
  });
});

describe(fieldError.name, () => {
  it('should keep only the bounds that are given', () => {
    expect(
      fieldError('first', FieldErrorCode.OUT_OF_RANGE, 'must be 1 to 100', { min: 1, max: 100 }),
    ).toEqual({
      path: 'first',
      code: 'OUT_OF_RANGE',
      message: 'must be 1 to 100',
      min: 1,
      max: 100,
    });
    expect(fieldError('x', FieldErrorCode.TOO_SHORT, 'm', { min: 0, max: undefined })).toEqual({
      path: 'x',
      code: 'TOO_SHORT',
      message: 'm',
      min: 0,
    });
  });

  it('should use documented codes only (each code is its own name)', () => {
    for (const [name, code] of Object.entries(FieldErrorCode)) {
      expect(code).toBe(name);
      expect(isFieldErrorCode(code)).toBe(true);
    }
    expect(isFieldErrorCode('required')).toBe(false);
  });
});

describe(isErrorCode.name, () => {
  it('should accept only known codes', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true);
    expect(isErrorCode('forbidden')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});

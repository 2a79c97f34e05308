import { createValidationPipe, DomainException, type FieldError } from '@app/common';
import { UpdateProfileInput } from '../directory/profile.inputs';
import { ApplyForMembershipInput, SetMemberRoleInput } from './identity.inputs';

/** The field errors the API's validation pipe answers for `value` as a `metatype`. */
async function refusal(metatype: new () => object, value: object): Promise<FieldError[]> {
  const error: unknown = await createValidationPipe()
    .transform(value, { type: 'body', metatype })
    .then(
      () => undefined,
      (failure: unknown) => failure,
    );
  if (!(error instanceof DomainException)) {
    throw new Error('the input was accepted');
  }
  // In path order: class-validator's order follows the decorators, which is no part of the contract.
  return [...(error.fields ?? [])].sort((a, b) => a.path.localeCompare(b.path));
}

const application = {
  email: 'a@example.org',
  password: 'correct horse battery',
  displayName: 'Aigul',
  country: 'KZ',
  agencyName: 'Prosecutor General',
  agencyType: 'PROSECUTION',
  languages: [{ code: 'kk', level: 'NATIVE' }],
  expertise: [],
  competences: [],
};

describe('input field codes', () => {
  it('should code a short password, a malformed country and an unknown level', async () => {
    const fields = await refusal(ApplyForMembershipInput, {
      ...application,
      password: 'short',
      country: 'kz',
      languages: [{ code: 'kk', level: 'FIRST' }],
    });
    expect(fields).toEqual([
      { path: 'country', code: 'INVALID_COUNTRY', message: 'country must be an ISO 3166-1 alpha-2 code' },
      { path: 'languages.0.level', code: 'INVALID_LEVEL', message: expect.any(String) },
      { path: 'password', code: 'TOO_SHORT', message: expect.any(String), min: 12 },
    ]);
  });

  it('should code a coordinator’s malformed countries and a short reason', async () => {
    const fields = await refusal(SetMemberRoleInput, {
      memberId: '00000000-0000-4000-8000-000000000000',
      reason: 'no',
      role: 'COORDINATOR',
      countries: ['KZ', 'kazakhstan'],
    });
    expect(fields).toEqual([
      { path: 'countries', code: 'INVALID_COUNTRY', message: expect.any(String) },
      { path: 'reason', code: 'TOO_SHORT', message: expect.any(String), min: 3, max: 1000 },
    ]);
  });

  it('should code profile fields with their bounds', async () => {
    const fields = await refusal(UpdateProfileInput, {
      displayName: 'x'.repeat(201),
      nameVariants: Array.from({ length: 11 }, () => 'Ai'),
      workingDays: [0],
      workingHoursStart: '25:00',
      timeZone: 'x'.repeat(65),
      languages: [{ code: 'kazakh', level: 'NATIVE' }],
    });
    expect(fields).toEqual([
      { path: 'displayName', code: 'TOO_LONG', message: expect.any(String), min: 2, max: 200 },
      { path: 'languages.0.code', code: 'INVALID_LANGUAGE', message: expect.any(String) },
      { path: 'nameVariants', code: 'TOO_MANY', message: expect.any(String), max: 10 },
      { path: 'timeZone', code: 'INVALID_TIME_ZONE', message: expect.any(String) },
      { path: 'workingDays', code: 'OUT_OF_RANGE', message: expect.any(String), min: 1, max: 7 },
      { path: 'workingHoursStart', code: 'INVALID_FORMAT', message: 'workingHoursStart must be HH:MM' },
    ]);
  });
});

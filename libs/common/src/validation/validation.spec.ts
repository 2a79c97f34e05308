import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsDefined,
  IsEmail,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { DomainException } from '../errors/domain.exception';
import { FieldErrorCode, type FieldError } from '../errors/error-codes';
import { createValidationPipe, fieldErrors } from './validation';

enum Level {
  HIGH = 'HIGH',
}

class Language {
  @IsString()
  @Length(2, 3, { context: { code: FieldErrorCode.INVALID_LANGUAGE } })
  code: string;

  @IsEnum(Level, { context: { code: FieldErrorCode.INVALID_LEVEL } })
  level: Level;
}

class Sample {
  @IsOptional()
  @IsNotEmpty()
  nickname?: string;

  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password?: string;

  @IsOptional()
  @IsString()
  @Length(2, 200)
  displayName?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  tags?: string[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  day?: number;

  @IsOptional()
  @IsArray()
  @Min(1, { each: true })
  @Max(7, { each: true })
  days?: number[];

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @Length(2, 5, { each: true })
  variants?: string[];

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsUUID()
  id?: string;

  @IsOptional()
  @Matches(/^\d\d:\d\d$/)
  time?: string;

  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { each: true, context: { code: FieldErrorCode.INVALID_COUNTRY } })
  countries?: string[];

  @IsOptional()
  @IsDate()
  until?: Date;

  @IsOptional()
  @IsBoolean()
  flag?: boolean;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Language)
  languages?: Language[];
}

class Required {
  @IsBoolean()
  typing: boolean;

  @IsString()
  @MaxLength(10)
  name: string;
}

class Defined {
  @IsDefined()
  value: unknown;
}

class Inherited extends Sample {
  @IsString()
  reason: string;
}

function errorsOf<T extends object>(dto: new () => T, plain: object): FieldError[] {
  return fieldErrors(
    validateSync(plainToInstance(dto, plain), { whitelist: true, forbidNonWhitelisted: true }),
  );
}

describe(fieldErrors.name, () => {
  it.each<[string, object, Omit<FieldError, 'message'>]>([
    ['isNotEmpty', { nickname: '' }, { path: 'nickname', code: 'REQUIRED' }],
    ['minLength', { password: 'short' }, { path: 'password', code: 'TOO_SHORT', min: 12 }],
    ['maxLength', { password: 'x'.repeat(257) }, { path: 'password', code: 'TOO_LONG', max: 256 }],
    ['isLength (short)', { displayName: 'x' }, { path: 'displayName', code: 'TOO_SHORT', min: 2, max: 200 }],
    [
      'isLength (long)',
      { displayName: 'x'.repeat(201) },
      { path: 'displayName', code: 'TOO_LONG', min: 2, max: 200 },
    ],
    // One astral character is two UTF-16 units but one character, as class-validator counts it.
    [
      'isLength (counted like the rule)',
      { displayName: '😀' },
      { path: 'displayName', code: 'TOO_SHORT', min: 2, max: 200 },
    ],
    ['isLength each', { variants: ['ok', 'x'] }, { path: 'variants', code: 'TOO_SHORT', min: 2, max: 5 }],
    ['arrayMinSize', { tags: [] }, { path: 'tags', code: 'TOO_FEW', min: 1 }],
    ['arrayMaxSize', { tags: ['a', 'b', 'c', 'd'] }, { path: 'tags', code: 'TOO_MANY', max: 3 }],
    ['min', { day: 0 }, { path: 'day', code: 'OUT_OF_RANGE', min: 1, max: 7 }],
    ['max', { day: 8 }, { path: 'day', code: 'OUT_OF_RANGE', min: 1, max: 7 }],
    ['max each', { days: [1, 9] }, { path: 'days', code: 'OUT_OF_RANGE', min: 1, max: 7 }],
    ['isEmail', { email: 'not an e-mail' }, { path: 'email', code: 'INVALID_EMAIL' }],
    ['isUUID', { id: 'nope' }, { path: 'id', code: 'INVALID_ID' }],
    ['matches', { time: '9:00' }, { path: 'time', code: 'INVALID_FORMAT' }],
    ['context code', { countries: ['UZ', 'uz'] }, { path: 'countries', code: 'INVALID_COUNTRY' }],
    ['isDate', { until: 'tomorrow' }, { path: 'until', code: 'INVALID_DATE' }],
    ['isBoolean (anything else)', { flag: 'yes' }, { path: 'flag', code: 'INVALID' }],
    ['whitelistValidation', { extra: 1 }, { path: 'extra', code: 'NOT_ALLOWED' }],
  ])('should map %s to its code with the bounds', (_, plain, expected) => {
    const fields = errorsOf(Sample, plain);
    expect(fields).toEqual([{ ...expected, message: expect.any(String) }]);
    expect(fields[0].message).not.toBe('');
  });

  it('should map isDefined to REQUIRED for null too', () => {
    expect(errorsOf(Defined, { value: null })).toEqual([
      { path: 'value', code: 'REQUIRED', message: 'value should not be null or undefined' },
    ]);
  });

  it('should keep the English message of the constraint beside the code', () => {
    expect(errorsOf(Sample, { password: 'short' })).toEqual([
      {
        path: 'password',
        code: 'TOO_SHORT',
        message: 'password must be longer than or equal to 12 characters',
        min: 12,
      },
    ]);
  });

  it('should name nested fields by their dotted path, with the codes of their decorators', () => {
    expect(
      errorsOf(Sample, {
        languages: [
          { code: 'uz', level: 'HIGH' },
          { code: 'english', level: 'LOW' },
        ],
      }),
    ).toEqual([
      { path: 'languages.1.code', code: 'INVALID_LANGUAGE', message: expect.any(String) },
      { path: 'languages.1.level', code: 'INVALID_LEVEL', message: expect.any(String) },
    ]);
  });

  it('should answer a missing field once as REQUIRED, whatever its type checks said', () => {
    expect(errorsOf(Required, {})).toEqual([
      { path: 'typing', code: 'REQUIRED', message: 'typing is required' },
      { path: 'name', code: 'REQUIRED', message: 'name is required' },
    ]);
    expect(errorsOf(Required, { typing: 'yes', name: 'x'.repeat(11) })).toEqual([
      { path: 'typing', code: 'INVALID', message: 'typing must be a boolean value' },
      { path: 'name', code: 'TOO_LONG', message: expect.any(String), max: 10 },
    ]);
  });

  it('should find the bounds of inherited rules', () => {
    expect(errorsOf(Inherited, { reason: 'ok', day: 9 })).toEqual([
      { path: 'day', code: 'OUT_OF_RANGE', message: expect.any(String), min: 1, max: 7 },
    ]);
  });

  it('should still give a code when the errors carry neither target nor value', () => {
    const errors = validateSync(plainToInstance(Sample, { displayName: 'x', password: 'short' }), {
      validationError: { target: false, value: false },
    });
    expect(fieldErrors(errors)).toEqual([
      { path: 'password', code: 'TOO_SHORT', message: expect.any(String) },
      { path: 'displayName', code: 'OUT_OF_RANGE', message: expect.any(String) },
    ]);
  });
});

describe(createValidationPipe.name, () => {
  it('should refuse an input with BAD_USER_INPUT and coded fields, never the values', async () => {
    const pipe = createValidationPipe();
    const refusal: unknown = await pipe
      .transform({ password: 'hunter2', extra: 'secret-extra' }, { type: 'body', metatype: Sample })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainException);
    const payload = (refusal as DomainException).toPayload();
    expect(payload).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Some fields are invalid.',
      fields: [
        { path: 'extra', code: 'NOT_ALLOWED', message: 'property extra should not exist' },
        { path: 'password', code: 'TOO_SHORT', message: expect.any(String), min: 12 },
      ],
    });
    expect(JSON.stringify(payload)).not.toMatch(/hunter2|secret-extra/);
  });
});

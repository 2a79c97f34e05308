import { ValidationPipe } from '@nestjs/common';
import {
  ARRAY_MAX_SIZE,
  ARRAY_MIN_SIZE,
  ARRAY_NOT_EMPTY,
  ARRAY_UNIQUE,
  getMetadataStorage,
  IS_DATE,
  IS_DATE_STRING,
  IS_EMAIL,
  IS_ISO31661_ALPHA_2,
  IS_ISO8601,
  IS_LENGTH,
  IS_NOT_EMPTY,
  IS_PHONE_NUMBER,
  IS_TIMEZONE,
  IS_UUID,
  MATCHES,
  MAX,
  MAX_LENGTH,
  MIN,
  MIN_LENGTH,
  maxLength,
  minLength,
  ValidationTypes,
  type ValidationError,
} from 'class-validator';
import { DomainException } from '../errors/domain.exception';
import { fieldError, FieldErrorCode, isFieldErrorCode, type FieldError } from '../errors/error-codes';

/**
 * The field error code of each class-validator constraint (the keys of `ValidationError.constraints`, i.e. the
 * decorators' names). A decorator names another code with `context: { code: FieldErrorCode.… }` (a country pattern
 * → INVALID_COUNTRY); any other constraint (isString, isInt, isEnum, isIn, nestedValidation, …) is INVALID.
 */
const CONSTRAINT_CODES: Readonly<Record<string, FieldErrorCode>> = {
  [ValidationTypes.IS_DEFINED]: FieldErrorCode.REQUIRED,
  [IS_NOT_EMPTY]: FieldErrorCode.REQUIRED,
  [ARRAY_NOT_EMPTY]: FieldErrorCode.REQUIRED,
  [MIN_LENGTH]: FieldErrorCode.TOO_SHORT,
  [MAX_LENGTH]: FieldErrorCode.TOO_LONG,
  [ARRAY_MIN_SIZE]: FieldErrorCode.TOO_FEW,
  [ARRAY_MAX_SIZE]: FieldErrorCode.TOO_MANY,
  [MIN]: FieldErrorCode.OUT_OF_RANGE,
  [MAX]: FieldErrorCode.OUT_OF_RANGE,
  [ARRAY_UNIQUE]: FieldErrorCode.DUPLICATE,
  [ValidationTypes.WHITELIST]: FieldErrorCode.NOT_ALLOWED,
  [IS_EMAIL]: FieldErrorCode.INVALID_EMAIL,
  [IS_ISO31661_ALPHA_2]: FieldErrorCode.INVALID_COUNTRY,
  [IS_TIMEZONE]: FieldErrorCode.INVALID_TIME_ZONE,
  [IS_PHONE_NUMBER]: FieldErrorCode.INVALID_PHONE,
  [IS_UUID]: FieldErrorCode.INVALID_ID,
  [IS_DATE]: FieldErrorCode.INVALID_DATE,
  [IS_DATE_STRING]: FieldErrorCode.INVALID_DATE,
  [IS_ISO8601]: FieldErrorCode.INVALID_DATE,
  [MATCHES]: FieldErrorCode.INVALID_FORMAT,
};

type Bounds = { min?: number; max?: number };
type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

/** The first constraint argument of the named validator on the property, from class-validator's metadata. */
function argumentOf(metadata: ValidationMetadata[], name: string, index = 0): number | undefined {
  const value: unknown = metadata.find((entry) => entry.name === name)?.constraints?.[index];
  return typeof value === 'number' ? value : undefined;
}

/** The validators declared on `property` of the validated object's class (inherited ones included). */
function metadataOf(target: unknown, property: string): ValidationMetadata[] {
  if (typeof target !== 'object' || target === null) {
    return [];
  }
  return getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .filter((entry) => entry.propertyName === property);
}

/** Whether `value` (a string, or each string of an array for `each` rules) has fewer than `min` characters. */
function shorterThan(value: unknown, min: number): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((item) => typeof item === 'string' && !minLength(item, min));
}

/** Whether `value` (a string, or any string of an array) has more than `max` characters. */
function longerThan(value: unknown, max: number): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((item) => typeof item === 'string' && !maxLength(item, max));
}

/** One constraint's refusal: its code and the bounds the rule declares. */
function codeOf(
  error: ValidationError,
  constraint: string,
  value: { known: boolean; value: unknown },
): { code: FieldErrorCode; bounds: Bounds } {
  const metadata = metadataOf(error.target, error.property);
  const context = error.contexts?.[constraint] as { code?: unknown } | undefined;
  const named = context?.code;
  const override = isFieldErrorCode(named) ? named : undefined;
  const code = override ?? CONSTRAINT_CODES[constraint] ?? FieldErrorCode.INVALID;
  switch (constraint) {
    case IS_LENGTH: {
      // Length(min, max) is one constraint: which side was crossed needs the value (counted as the rule counts).
      const bounds = { min: argumentOf(metadata, constraint, 0), max: argumentOf(metadata, constraint, 1) };
      const side =
        value.known && bounds.min !== undefined && shorterThan(value.value, bounds.min)
          ? FieldErrorCode.TOO_SHORT
          : value.known && bounds.max !== undefined && longerThan(value.value, bounds.max)
            ? FieldErrorCode.TOO_LONG
            : FieldErrorCode.OUT_OF_RANGE; // the value is unknown: only that it is outside min…max
      return { code: override ?? side, bounds };
    }
    case MIN_LENGTH:
    case ARRAY_MIN_SIZE:
      return { code, bounds: { min: argumentOf(metadata, constraint) } };
    case MAX_LENGTH:
    case ARRAY_MAX_SIZE:
      return { code, bounds: { max: argumentOf(metadata, constraint) } };
    case MIN:
    case MAX:
      // Both bounds of the range, whichever side was crossed.
      return { code, bounds: { min: argumentOf(metadata, MIN), max: argumentOf(metadata, MAX) } };
    default:
      return { code, bounds: {} };
  }
}

/** Codes whose entries carry the rule's bounds. */
const BOUNDED: ReadonlySet<FieldErrorCode> = new Set([
  FieldErrorCode.TOO_SHORT,
  FieldErrorCode.TOO_LONG,
  FieldErrorCode.TOO_FEW,
  FieldErrorCode.TOO_MANY,
  FieldErrorCode.OUT_OF_RANGE,
]);

/**
 * class-validator errors → field errors `{ path, code, message, min?, max? }`, the code from the constraint type (never
 * from the message) and the bounds from the decorators' metadata. A field that is absent altogether is one REQUIRED
 * entry, whatever its type checks said. Needs the errors with `target` and `value` (class-validator's defaults; the
 * pipe below asks for them): neither is copied into the result.
 */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const fields: FieldError[] = [];
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    const value = valueOf(error);
    const whitelisted = constraints.some(([constraint]) => constraint === ValidationTypes.WHITELIST);
    if (constraints.length > 0 && value.known && value.value === undefined && !whitelisted) {
      fields.push(fieldError(path, FieldErrorCode.REQUIRED, `${error.property} is required`));
    } else {
      for (const [constraint, message] of constraints) {
        const { code, bounds } = codeOf(error, constraint, value);
        fields.push(fieldError(path, code, message, BOUNDED.has(code) ? bounds : {}));
      }
    }
    fields.push(...fieldErrors(error.children ?? [], path));
  }
  return fields;
}

/** The refused value, when the error carries it (`value`) or its object (`target`). */
function valueOf(error: ValidationError): { known: boolean; value: unknown } {
  if ('value' in error) {
    return { known: true, value: error.value };
  }
  if (typeof error.target === 'object' && error.target !== null) {
    return { known: true, value: (error.target as Record<string, unknown>)[error.property] };
  }
  return { known: false, value: undefined };
}

/**
 * Validates every input DTO (whitelist: unknown properties are refused) and answers BAD_USER_INPUT with the failing
 * fields, before anything is changed. The errors keep their target and value for `fieldErrors` only (to read the
 * rules' bounds and tell a missing field); the answer carries neither.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => DomainException.badInput('Some fields are invalid.', fieldErrors(errors)),
  });
}

import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';

/** class-validator errors → `{ "field.path": [messages] }`. */
export function fieldErrors(errors: ValidationError[], parent = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      fields[path] = Object.values(error.constraints);
    }
    Object.assign(fields, fieldErrors(error.children ?? [], path));
  }
  return fields;
}

/**
 * Validates every input DTO (whitelist: unknown properties are refused) and answers BAD_USER_INPUT with the failing
 * fields, before anything is changed.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainException.badInput('Some fields are invalid.', fieldErrors(errors)),
  });
}

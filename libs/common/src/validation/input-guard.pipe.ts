import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';
import { fieldError, FieldErrorCode } from '../errors/error-codes';
import { findBadText } from './text-guard';

/**
 * Runs before validation on every argument of every resolver and controller (bodies, GraphQL args of any type,
 * scalars included): text with a NUL or a lone surrogate is refused with BAD_USER_INPUT naming the field, before any
 * validator (validator's isEmail throws on a lone surrogate) or database (PostgreSQL refuses NUL) sees it.
 */
@Injectable()
export class InputGuardPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') {
      return value; // @Context, @CurrentViewer and the like: not client input
    }
    const bad = findBadText(value, metadata.data ?? '');
    if (bad) {
      throw DomainException.badInput(`The field ${bad.path} ${bad.problem}.`, [
        fieldError(bad.path, FieldErrorCode.INVALID, bad.problem),
      ]);
    }
    return value;
  }
}

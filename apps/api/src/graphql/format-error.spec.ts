import { GraphQLError } from 'graphql';
import { DomainException, fieldError, FieldErrorCode } from '@app/common';
import { formatGraphQLError } from './format-error';

describe(formatGraphQLError.name, () => {
  it('should expose a domain error with its code and field errors', () => {
    const error = new GraphQLError('wrapped', {
      originalError: DomainException.badInput('Invalid profile', [
        fieldError('timeZone', FieldErrorCode.INVALID_TIME_ZONE, 'unknown time zone'),
      ]),
    });
    expect(formatGraphQLError({ message: 'wrapped', path: ['x'] }, error)).toEqual({
      message: 'Invalid profile',
      path: ['x'],
      locations: undefined,
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'timeZone', code: 'INVALID_TIME_ZONE', message: 'unknown time zone' }],
      },
    });
  });

  it('should pass request errors through with their code', () => {
    const formatted = formatGraphQLError(
      {
        message: 'Cannot query field "nope"',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['x'] },
      },
      new GraphQLError('Cannot query field "nope"'),
    );
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('should answer a code-less request error of Apollo with a 4xx status as BAD_REQUEST, not a server error', () => {
    const error = new GraphQLError('provided sha does not match query', {
      extensions: { http: { status: 400 } },
    });
    expect(formatGraphQLError({ message: error.message }, error)).toEqual({
      message: 'provided sha does not match query',
      locations: undefined,
      path: undefined,
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('should name the limit of a document refused by a limit, and reword the token limit', () => {
    const limited = formatGraphQLError(
      {
        message: 'The query uses 16 aliases; at most 15 are allowed.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' },
      },
      new GraphQLError('x'),
    );
    expect(limited.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' });
    const tokens = formatGraphQLError(
      {
        message: 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.',
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      },
      new GraphQLError('x'),
    );
    expect(tokens).toMatchObject({
      message: 'The query has more than 2000 tokens; at most 2000 are allowed.',
      extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: 'tokens' },
    });
  });

  it('should hide anything unexpected behind INTERNAL_SERVER_ERROR', () => {
    const error = new GraphQLError('SQLITE_ERROR: no such table: member at /srv/app/x.js', {
      originalError: new Error('SQLITE_ERROR: no such table: member at /srv/app/x.js'),
    });
    const formatted = formatGraphQLError({ message: error.message, extensions: { code: 'X' } }, error);
    expect(formatted.message).toBe('Internal server error');
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(formatted)).not.toMatch(/SQLITE|\/srv/);
  });
});

import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import Negotiator from 'negotiator';
import { sendRequestError } from '@app/common';

/** The two media types a GraphQL-over-HTTP answer comes in, as Apollo writes them. */
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';
export const APPLICATION_JSON = 'application/json; charset=utf-8';

/**
 * The media type a request accepts, chosen as Apollo chooses it: no `Accept` (or `*\/*`) means application/json, the
 * legacy default; null when neither type is acceptable.
 */
export function acceptedMediaType(accept: string | undefined | null): string | null {
  if (!accept) {
    return APPLICATION_JSON;
  }
  return new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]) ?? null;
}

/** Request errors of a well-formed request: the document does not parse or validate, or its variables do not coerce. */
const DOCUMENT_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * Status codes as the GraphQL-over-HTTP specification asks. With `Accept: application/graphql-response+json`, a
 * document that does not parse or validate, or whose variables do not coerce, answers 400 (Apollo's default); with
 * `application/json` the same request answers 200 with `errors`, since the HTTP request itself was well-formed.
 * The response's Content-Type is the type accepted. Malformed HTTP requests (no query, batching, GET with a mutation)
 * keep their 4xx either way.
 */
export function graphqlOverHttpPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ request, response }) {
          const mediaType = acceptedMediaType(request.http?.headers.get('accept'));
          if (mediaType === null || response.body.kind !== 'single') {
            return Promise.resolve();
          }
          response.http.headers.set('content-type', mediaType);
          const { data, errors } = response.body.singleResult;
          if (
            mediaType === APPLICATION_JSON &&
            response.http.status === 400 &&
            data === undefined &&
            errors?.length &&
            errors.every((error) => DOCUMENT_ERROR_CODES.has(String(error.extensions?.code)))
          ) {
            response.http.status = 200;
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * Refuses a request that accepts neither GraphQL media type with 406 before the operation runs (Apollo negotiates
 * only after executing, so a mutation would have run and its answer been thrown away).
 */
export function requireAcceptableMediaType(req: Request, res: Response, next: NextFunction): void {
  if (acceptedMediaType(req.headers.accept) === null) {
    sendRequestError(
      res,
      406,
      'Accept application/graphql-response+json or application/json: no other media type is served.',
    );
    return;
  }
  next();
}

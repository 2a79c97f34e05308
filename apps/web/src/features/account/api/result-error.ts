import type { CombinedError } from 'urql';
import { ApiError, apiErrorOf } from '@web/lib/api-error';

/** A urql error as the ApiError the rest of the client reads: the first GraphQL error's code, or NETWORK. */
export function resultError(error: CombinedError | undefined): ApiError | undefined {
  if (!error) {
    return undefined;
  }
  if (error.graphQLErrors.length === 0 && error.networkError) {
    return new ApiError('NETWORK');
  }
  return apiErrorOf(error.graphQLErrors[0]);
}

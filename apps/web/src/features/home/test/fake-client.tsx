import { render } from '@testing-library/react';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { CombinedError, Provider, type Client } from 'urql';
import { vi } from 'vitest';
import { fromValue } from 'wonka';

/** What a fake operation answers: data, or the errors of a GraphQL response. */
export type Answer =
  { data: unknown } | { errors: { message?: string; extensions: Record<string, unknown> }[] };

export type Resolver = (operationName: string, variables: Record<string, unknown>) => Answer;

const nameOf = (query: DocumentNode) =>
  query.definitions.find((definition): definition is OperationDefinitionNode => 'operation' in definition)
    ?.name?.value ?? '';

/** A urql client without a network: every operation answered at once by `resolve` (by operation name), and recorded. */
export function fakeClient(resolve: Resolver) {
  const answer = (request: { query: DocumentNode; variables?: object }) => {
    const result = resolve(nameOf(request.query), (request.variables ?? {}) as Record<string, unknown>);
    if ('data' in result) {
      return fromValue({ data: result.data, stale: false, hasNext: false });
    }
    const error = new CombinedError({
      graphQLErrors: result.errors.map((error) => ({ message: error.message ?? 'refused', ...error })),
    });
    return fromValue({ data: undefined, error, stale: false, hasNext: false });
  };
  const executeQuery = vi.fn(answer);
  const executeMutation = vi.fn(answer);
  const client = { executeQuery, executeMutation, executeSubscription: vi.fn() } as unknown as Client;
  /** The names of the operations sent, queries and mutations alike, in order. */
  const sent = () =>
    [...executeQuery.mock.calls, ...executeMutation.mock.calls].map(([request]) => nameOf(request.query));
  return { client, sent, executeMutation };
}

/**
 * Renders `element` at `/` with the fake client in a memory router that also knows the screens the home page links to
 * (they render their path, so a test sees where a link led).
 */
export function renderHome(client: Client, element: ReactElement) {
  const shows = (path: string) => ({ path, element: <p>{path}</p> });
  const router = createMemoryRouter(
    [
      { path: '/', element },
      shows('/directory'),
      shows('/directory/:id'),
      shows('/profile'),
      shows('/security'),
    ],
    { initialEntries: ['/'] },
  );
  render(
    <Provider value={client}>
      <RouterProvider router={router} />
    </Provider>,
  );
  return router;
}

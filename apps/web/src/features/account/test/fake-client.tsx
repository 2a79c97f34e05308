import { render } from '@testing-library/react';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { CombinedError, Provider, type Client } from 'urql';
import { vi } from 'vitest';
import { fromValue } from 'wonka';

/** What a fake operation answers: data, or the errors of a GraphQL response. */
export type Answer =
  | { data: unknown }
  | { errors: { message?: string; extensions: Record<string, unknown> }[] }
  | { networkError: true };

export type Resolver = (operationName: string, variables: Record<string, unknown>) => Answer;

const nameOf = (query: DocumentNode) =>
  query.definitions.find((definition): definition is OperationDefinitionNode => 'operation' in definition)
    ?.name?.value ?? '';

/**
 * A urql client without a network: every query and mutation is answered synchronously by `resolve` (by operation
 * name), and recorded on the mocks, so a test can check what was sent.
 */
export function fakeClient(resolve: Resolver) {
  const answer = (request: { query: DocumentNode; variables?: object }) => {
    const operationName = nameOf(request.query);
    const result = resolve(operationName, (request.variables ?? {}) as Record<string, unknown>);
    if ('data' in result) {
      return fromValue({ data: result.data, stale: false, hasNext: false });
    }
    const error =
      'networkError' in result
        ? new CombinedError({ networkError: new Error('offline') })
        : new CombinedError({
            graphQLErrors: result.errors.map((error) => ({ message: error.message ?? 'refused', ...error })),
          });
    return fromValue({ data: undefined, error, stale: false, hasNext: false });
  };
  const executeQuery = vi.fn(answer);
  const executeMutation = vi.fn(answer);
  const client = { executeQuery, executeMutation, executeSubscription: vi.fn() } as unknown as Client;
  /** The variables of every mutation called `name`, in order. */
  const mutations = (name: string) =>
    executeMutation.mock.calls
      .filter(([request]) => nameOf(request.query) === name)
      .map(([request]) => request.variables as Record<string, unknown>);
  return { client, executeQuery, executeMutation, mutations };
}

/** Renders `element` at `path` with the fake client, in a memory data router (useBlocker needs one). */
export function renderRoute(client: Client, path: string, element: ReactElement) {
  const router = createMemoryRouter(
    [
      { path, element },
      { path: '/', element: null },
      { path: '/sign-out', element: null },
    ],
    { initialEntries: [path] },
  );
  render(
    <Provider value={client}>
      <RouterProvider router={router} />
    </Provider>,
  );
  return router;
}

import { render } from '@testing-library/react';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, useLocation, type RouteObject } from 'react-router';
import { CombinedError, createRequest, Provider, type Client, type OperationResult } from 'urql';
import { vi } from 'vitest';
import { concat, fromValue, never, pipe, take, toPromise } from 'wonka';

/** A GraphQL error as the API sends it: a code in `extensions`, and the fields it names for BAD_USER_INPUT. */
export interface FakeGraphqlError {
  message?: string;
  extensions: Record<string, unknown>;
}

/**
 * What a fake operation answers: data; the errors of a GraphQL response; a failed network; or nothing yet
 * (`'loading'`: the query stays in flight).
 */
export type Answer = { data: unknown } | { errors: FakeGraphqlError[] } | { networkError: true } | 'loading';

/** Answers an operation by its name and variables. */
export type Resolver = (operationName: string, variables: Record<string, unknown>) => Answer;

/** The errors answer of one GraphQL error with `code` (and, for BAD_USER_INPUT, its `fields`). */
export const graphqlError = (code: string, fields?: unknown): Answer => ({
  errors: [{ extensions: fields === undefined ? { code } : { code, fields } }],
});

interface Request {
  query: DocumentNode;
  variables?: object;
}

const nameOf = (query: DocumentNode) =>
  query.definitions.find((definition): definition is OperationDefinitionNode => 'operation' in definition)
    ?.name?.value ?? '';

/**
 * A urql client without a network: every query and mutation is answered synchronously by `resolve` (by operation
 * name) and recorded, so a test can check what was sent. Queries stay open after their answer, as a real one does
 * (urql's useQuery drops the error of a completed stream); mutations complete.
 */
export function fakeClient(resolve: Resolver) {
  const answer = (request: Request) => {
    const result = resolve(nameOf(request.query), (request.variables ?? {}) as Record<string, unknown>);
    if (result === 'loading') {
      return never;
    }
    const base = { operation: request, stale: false, hasNext: false };
    if ('data' in result) {
      return fromValue({ ...base, data: result.data } as unknown as OperationResult);
    }
    const error =
      'networkError' in result
        ? new CombinedError({ networkError: new Error('offline') })
        : new CombinedError({
            graphQLErrors: result.errors.map((error) => ({ message: 'never shown', ...error })),
          });
    return fromValue({ ...base, data: undefined, error } as unknown as OperationResult);
  };
  const order: string[] = [];
  const executeQuery = vi.fn((request: Request, _context?: object) => {
    order.push(nameOf(request.query));
    return concat([answer(request), never]);
  });
  const executeMutation = vi.fn((request: Request) => {
    order.push(nameOf(request.query));
    return answer(request);
  });
  const client = {
    executeQuery,
    executeMutation,
    executeSubscription: vi.fn(() => never),
    // The one-shot forms (`client.query(…).toPromise()`, as the chat's usePeople calls it): the first answer.
    query: (query: DocumentNode, variables?: object, context?: object) => ({
      toPromise: () => pipe(executeQuery(createRequest(query, variables ?? {}), context), take(1), toPromise),
    }),
    mutation: (query: DocumentNode, variables?: object) => ({
      toPromise: () => pipe(executeMutation(createRequest(query, variables ?? {})), take(1), toPromise),
    }),
  } as unknown as Client;
  /** The names of the operations sent, queries and mutations alike, in order. */
  const sent = () => [...order];
  /** The variables of every query called `name`, in order. */
  const queries = (name: string) =>
    executeQuery.mock.calls
      .filter(([request]) => nameOf(request.query) === name)
      .map(([request]) => request.variables as Record<string, unknown>);
  /** The variables of every mutation called `name`, in order. */
  const mutations = (name: string) =>
    executeMutation.mock.calls
      .filter(([request]) => nameOf(request.query) === name)
      .map(([request]) => request.variables as Record<string, unknown>);
  return { client, executeQuery, executeMutation, sent, queries, mutations };
}

/** Where a link led: any path the test did not route renders its own path, so a test can see it. */
function Elsewhere() {
  const { pathname } = useLocation();
  return <p>{pathname}</p>;
}

/**
 * Renders `routes` (or one `element` at `path`) inside the fake client's Provider, in a memory data router (useBlocker
 * needs one), starting at `path`; every other path renders its own name.
 */
export function renderAt(client: Client, path: string, routes: ReactElement | RouteObject[]) {
  const router = createMemoryRouter(
    [
      ...(Array.isArray(routes) ? routes : [{ path: path.split('?')[0], element: routes }]),
      { path: '*', element: <Elsewhere /> },
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

import { render } from '@testing-library/react';
import { createElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { CombinedError, Provider, type Client, type OperationResult } from 'urql';
import { vi } from 'vitest';
import { fromValue, never } from 'wonka';

/** A GraphQL error as the API sends it. */
export function graphqlError(code: string, fields?: unknown): CombinedError {
  return new CombinedError({
    graphQLErrors: [{ message: 'server message, never shown', extensions: { code, fields } }],
  });
}

type Answer = Partial<Pick<OperationResult, 'data' | 'error'>>;

/**
 * A urql client whose queries answer `query(variables)` and whose mutations answer `mutation(variables)`, in one
 * synchronous step (wonka `fromValue`; `never` keeps a query loading).
 */
export function fakeClient({
  query,
  mutation = () => ({}),
}: {
  query?: (variables: Record<string, unknown>) => Answer | 'never';
  mutation?: (variables: Record<string, unknown>) => Answer;
}) {
  const answer = (operation: { variables?: unknown }, value: Answer) =>
    fromValue({ operation, stale: false, hasNext: false, ...value } as OperationResult);
  const executeQuery = vi.fn((operation: { variables?: Record<string, unknown> }) => {
    const value = query?.(operation.variables ?? {}) ?? 'never';
    return value === 'never' ? never : answer(operation, value);
  });
  const executeMutation = vi.fn((operation: { variables?: Record<string, unknown> }) =>
    answer(operation, mutation(operation.variables ?? {})),
  );
  const client = { executeQuery, executeMutation, executeSubscription: vi.fn(() => never) };
  return { client: client as unknown as Client, executeQuery, executeMutation };
}

/** Renders `routes` at `path` inside the fake client's Provider; other paths render their own path name. */
export function renderAt(client: Client, routes: RouteObject[], path: string) {
  const router = createMemoryRouter([...routes, { path: '/sign-in', element: 'sign-in' }], {
    initialEntries: [path],
  });
  render(createElement(Provider, { value: client }, createElement(RouterProvider, { router })));
  return router;
}

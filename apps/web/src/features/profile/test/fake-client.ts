import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { CombinedError, type Client } from 'urql';
import { vi } from 'vitest';
import { concat, fromValue, never } from 'wonka';

/** What an operation answers: data, or the errors of a GraphQL response. */
export type Answer = { data: unknown } | { errors: { extensions: Record<string, unknown> }[] };

const nameOf = (query: DocumentNode) =>
  query.definitions.find((definition): definition is OperationDefinitionNode => 'operation' in definition)
    ?.name?.value ?? '';

/**
 * A urql client without a network: each operation answered by `resolve` (by name), queries kept open as real ones
 * are (a completed query would drop its error); the mutations' variables recorded.
 */
export function fakeClient(resolve: (operation: string, variables: Record<string, unknown>) => Answer) {
  const answer = (request: { query: DocumentNode; variables?: object }) => {
    const result = resolve(nameOf(request.query), (request.variables ?? {}) as Record<string, unknown>);
    return fromValue({
      operation: request,
      stale: false,
      hasNext: false,
      ...('data' in result
        ? { data: result.data }
        : {
            error: new CombinedError({
              graphQLErrors: result.errors.map((error) => ({ message: 'never shown', ...error })),
            }),
          }),
    });
  };
  const executeQuery = vi.fn((request: { query: DocumentNode; variables?: object }) =>
    concat([answer(request), never]),
  );
  const executeMutation = vi.fn(answer);
  const client = { executeQuery, executeMutation, executeSubscription: vi.fn(() => never) };
  const mutations = (name: string) =>
    executeMutation.mock.calls
      .filter(([request]) => nameOf(request.query) === name)
      .map(([request]) => request.variables as Record<string, unknown>);
  return { client: client as unknown as Client, mutations };
}

/**
 * Where "Back to the search" goes: the search the viewer came from, carried as router state `{ from }` or as
 * `?from=` (a result card links `/directory/<id>?from=<the search's path and query, URL-encoded>`), so the search comes
 * back as it was. Only a path of the directory search itself is followed; anything else goes to a fresh search.
 */
export function backTarget(state: unknown, from: string | null): string {
  const candidate =
    typeof state === 'object' && state !== null && typeof (state as { from?: unknown }).from === 'string'
      ? (state as { from: string }).from
      : from;
  return candidate && /^\/directory(?:[?#]|$)/.test(candidate) ? candidate : '/directory';
}

import { useCallback, useEffect, useState } from 'react';

/**
 * Moves the focus to an element by id once React has rendered it (a field that just got its error, a row just added).
 * Each request is a new object, so asking for the same id twice focuses it twice.
 */
export function useFocusById(): (id: string) => void {
  const [request, setRequest] = useState<{ id: string }>();
  useEffect(() => {
    if (request) {
      const element = document.getElementById(request.id);
      element?.scrollIntoView?.({ block: 'center' });
      element?.focus();
    }
  }, [request]);
  return useCallback((id: string) => setRequest({ id }), []);
}

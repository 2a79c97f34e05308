import { useState } from 'react';

/**
 * The instant the screen first rendered: waiting days, "ends in N days" and the bounds of a vetting date are counted
 * from it, so they do not change (nor re-query) while the screen stays open, and rendering stays pure.
 */
export function useNow(): Date {
  const [now] = useState(() => new Date());
  return now;
}

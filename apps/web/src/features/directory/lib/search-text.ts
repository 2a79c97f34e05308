import { useEffect, useState } from 'react';
import { normalizeText } from './search-params';

/** How long typing must pause before the text becomes the search. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * The search box's text. What is typed becomes the search (`commit`) once typing pauses for SEARCH_DEBOUNCE_MS, or at
 * once through `commitNow` (Enter). When the search's text changes from elsewhere (back, forward, a link, cleared
 * filters) the box follows it; the arrival of its own commit leaves it alone, so a key pressed meanwhile is kept.
 */
export function useSearchText(committed: string, commit: (text: string) => void) {
  const [draft, setDraft] = useState(committed);
  const [seen, setSeen] = useState(committed);
  // The text this box last sent, until the search comes back with it.
  const [sent, setSent] = useState<string | null>(null);
  if (committed !== seen) {
    setSeen(committed);
    if (committed === sent) {
      setSent(null);
    } else if (normalizeText(draft) !== committed) {
      setDraft(committed);
    }
  }
  const send = (text: string) => {
    setSent(text);
    commit(text);
  };
  useEffect(() => {
    const text = normalizeText(draft);
    if (text === committed) {
      return undefined;
    }
    const timer = setTimeout(() => {
      setSent(text);
      commit(text);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, committed, commit]);
  const commitNow = () => {
    const text = normalizeText(draft);
    if (text !== committed) {
      send(text);
    }
  };
  return { draft, setDraft, commitNow };
}

import type { Ref } from 'react';

/**
 * What the last action did, said politely (role="status"; present while empty, so screen readers hear the change) and
 * focusable: once a dialog closes over a row that has gone, focus continues here.
 */
export function Notice({ text, ref }: { text: string; ref?: Ref<HTMLParagraphElement> }) {
  return (
    <p
      ref={ref}
      role="status"
      tabIndex={-1}
      className={
        text
          ? 'rounded-md border-l-4 border-green-700 bg-green-50 p-3 text-green-900 focus:outline-none'
          : 'sr-only'
      }
    >
      {text}
    </p>
  );
}

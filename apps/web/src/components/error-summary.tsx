import type { MouseEvent } from 'react';

export interface ErrorSummaryItem {
  /** The id of the control to go to; without it the item is plain text. */
  target?: string;
  text: string;
}

/**
 * The problems of a failed submit, at the top of the form, each a link that moves the focus to its field (the GOV.UK
 * error summary pattern). Announced at once (role="alert").
 */
export function ErrorSummary({ title, items }: { title: string; items: ErrorSummaryItem[] }) {
  const go = (event: MouseEvent<HTMLAnchorElement>, target: string) => {
    const element = document.getElementById(target);
    if (element) {
      event.preventDefault();
      element.scrollIntoView?.({ block: 'center' });
      element.focus();
    }
  };
  return (
    <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
      <p className="font-semibold">{title}</p>
      {items.length > 0 ? (
        <ul className="mt-1 flex list-disc flex-col gap-1 ps-5 text-sm">
          {items.map((item, index) => (
            <li key={`${item.target ?? ''}${index}`}>
              {item.target ? (
                <a
                  href={`#${item.target}`}
                  onClick={(event) => go(event, item.target!)}
                  className="text-red-900 underline underline-offset-2"
                >
                  {item.text}
                </a>
              ) : (
                item.text
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@web/components/button';

/** The width a chart is drawn at where nothing can be measured (tests without layout). */
const UNMEASURED_WIDTH = 640;

/**
 * The width of the element the returned ref is put on, kept up to date (ResizeObserver): charts are drawn at the width
 * they have, in pixels, so text stays its size on a phone instead of shrinking with a scaled viewBox. 0 until measured.
 */
export function useChartWidth(): [(element: HTMLElement | null) => (() => void) | undefined, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((element: HTMLElement | null) => {
    if (!element) {
      return undefined;
    }
    if (typeof ResizeObserver === 'undefined') {
      setWidth(element.clientWidth || UNMEASURED_WIDTH);
      return undefined;
    }
    const observer = new ResizeObserver(([entry]) => {
      if (entry) {
        setWidth(Math.floor(entry.contentRect.width));
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * One chart of the dashboard: a heading, a sentence that says what the chart shows, the chart, and the same numbers
 * as a real table (caption, column and row headers).
 *
 * The table is the accessible version and is always in the accessibility tree, visually hidden until "Show as table":
 * a screen-reader user reaches the numbers without finding a control, and the chart itself (`aria-hidden`) is not read
 * out a second time as a heap of shapes. A sighted reader who prefers numbers, or who zooms in, presses the toggle
 * (aria-pressed) and sees the table instead of the chart.
 */
export function ChartPanel({
  id,
  title,
  hint,
  summary,
  empty,
  chart,
  table,
  footer,
}: {
  id: string;
  title: string;
  hint?: string;
  /** One sentence in words; shown above the chart, read before the table. */
  summary: ReactNode;
  /** The empty state's words, when there is nothing to draw (no chart, no table, no toggle). */
  empty?: string;
  /** Draws the chart at the width it has (in pixels). */
  chart: (width: number) => ReactNode;
  /** The table; `captionId` is the id its caption must carry (the scrolling region is named by it). */
  table: (captionId: string) => ReactNode;
  footer?: ReactNode;
}) {
  const { t } = useTranslation('desk');
  const [asTable, setAsTable] = useState(false);
  const [measure, width] = useChartWidth();
  const titleId = `${id}-title`;
  const captionId = `${id}-caption`;
  return (
    <section
      aria-labelledby={titleId}
      className="flex min-w-0 flex-col gap-3 rounded-md border border-slate-200 bg-white p-3 sm:p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {empty ? null : (
          <Button
            type="button"
            variant="secondary"
            aria-pressed={asTable}
            onClick={() => setAsTable((shown) => !shown)}
          >
            {t('dashboard.showTable')}
          </Button>
        )}
      </div>
      {hint ? <p className="text-sm text-slate-700">{hint}</p> : null}
      {empty ? (
        <p className="text-slate-700">{empty}</p>
      ) : (
        <>
          <p className="text-slate-800">{summary}</p>
          <div ref={measure} aria-hidden="true" className={asTable ? 'hidden' : 'w-full min-w-0'}>
            {width > 0 ? chart(width) : null}
          </div>
          {asTable ? (
            // A wide table scrolls inside its own box, never the page.
            <div
              role="region"
              aria-labelledby={captionId}
              // The box takes focus so that a keyboard can scroll it (WCAG 2.1.1, axe's scrollable-region-focusable).
              // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
              tabIndex={0}
              className="max-w-full overflow-x-auto"
            >
              {table(captionId)}
            </div>
          ) : (
            <div className="sr-only">{table(captionId)}</div>
          )}
        </>
      )}
      {footer}
    </section>
  );
}

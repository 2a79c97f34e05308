import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A screen: one h1 (focused on arrival, so a screen reader announces the new page after client-side navigation) and
 * the page's title in the browser tab.
 */
export function Page({
  title,
  intro,
  children,
  narrow,
  before,
}: {
  title: string;
  intro?: string;
  children?: ReactNode;
  narrow?: boolean;
  /** Above the heading: a way back to where the reader came from (a breadcrumb). */
  before?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Counterpart`;
    heading.current?.focus();
  }, [title]);
  return (
    <section className={`mx-auto flex w-full flex-col gap-4 ${narrow ? 'max-w-md' : 'max-w-3xl'}`}>
      {before ? <div className="-mb-3">{before}</div> : null}
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold text-slate-900 focus:outline-none">
        {title}
      </h1>
      {intro ? <p className="text-slate-700">{intro}</p> : null}
      {children}
    </section>
  );
}

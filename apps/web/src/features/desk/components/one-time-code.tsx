import { useId, type ReactNode } from 'react';
import { CopyButton } from '@web/components/copy-button';

/**
 * A code shown once (an invitation, an account reset): in large monospace letters that a screen reader spells, with a
 * copy button, its validity and what to do with it. The code lives in the screen's state only: gone once left.
 */
export function OneTimeCode({
  id,
  title,
  code,
  codeLabel,
  copy,
  children,
}: {
  /** The panel's id (focusable: focus goes there once the code is issued). */
  id?: string;
  title: string;
  code: string;
  codeLabel: string;
  copy: { label: string; copied: string; failed: string };
  /** The validity and the instructions. */
  children: ReactNode;
}) {
  const heading = useId();
  return (
    <section
      id={id}
      tabIndex={-1}
      aria-labelledby={heading}
      className="flex min-w-0 flex-col gap-3 rounded-lg border border-green-700 bg-green-50 p-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700"
    >
      <h2 id={heading} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <div className="flex flex-col gap-1">
        <p className="text-sm font-medium text-slate-800">{codeLabel}</p>
        <p className="break-all font-mono text-2xl tracking-wider text-slate-900">{code}</p>
      </div>
      <CopyButton text={code} label={copy.label} copiedMessage={copy.copied} failedMessage={copy.failed} />
      <div className="flex flex-col gap-2 text-sm text-slate-800">{children}</div>
    </section>
  );
}

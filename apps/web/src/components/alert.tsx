import type { ReactNode } from 'react';

const TONES = {
  error: 'border-red-700 bg-red-50 text-red-900',
  info: 'border-brand-700 bg-blue-50 text-slate-900',
  success: 'border-green-700 bg-green-50 text-green-900',
  warning: 'border-amber-600 bg-amber-50 text-amber-950',
} as const;

/** A message box; errors are announced at once (role="alert"), the rest politely (role="status"). */
export function Alert({
  tone = 'info',
  title,
  children,
}: {
  tone?: keyof typeof TONES;
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border-l-4 p-3 ${TONES[tone]}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className="text-sm">{children}</div> : null}
    </div>
  );
}

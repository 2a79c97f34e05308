import * as Label from '@radix-ui/react-label';
import { useId, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  hint?: string;
  /** A translated message; sets aria-invalid and is announced with the field. */
  error?: string;
  /** Shown after the label, e.g. "optional". */
  marker?: string;
  /** The `<option>`s (and `<optgroup>`s). */
  children: ReactNode;
  ref?: Ref<HTMLSelectElement>;
}

/**
 * A labelled native `<select>` (keyboard type-ahead, the phone's own picker) with its hint and error tied to it
 * (aria-describedby), like `Field`.
 */
export function SelectField({
  label,
  hint,
  error,
  marker,
  id,
  className = '',
  children,
  ref,
  ...props
}: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? generated;
  const hintId = `${selectId}-hint`;
  const errorId = `${selectId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <Label.Root htmlFor={selectId} className="text-sm font-medium text-slate-800">
        {label}
        {marker ? <span className="font-normal text-slate-600"> ({marker})</span> : null}
      </Label.Root>
      <select
        ref={ref}
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`min-h-11 w-full min-w-0 rounded-md border bg-white px-3 py-2 text-base ${
          error ? 'border-red-700' : 'border-slate-400'
        }`}
        {...props}
      >
        {children}
      </select>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

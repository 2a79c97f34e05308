import * as Label from '@radix-ui/react-label';
import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  /** A translated message; sets aria-invalid and is announced with the field. */
  error?: string;
  /** Shown after the label, e.g. "optional". */
  marker?: string;
  /** Extra control after the input (e.g. a show-password toggle). */
  trailing?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and error tied to it (aria-describedby), so screen readers read all three. */
export function Field({
  label,
  hint,
  error,
  marker,
  trailing,
  id,
  className = '',
  ref,
  ...props
}: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <Label.Root htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
        {marker ? <span className="font-normal text-slate-600"> ({marker})</span> : null}
      </Label.Root>
      <div className="flex items-stretch gap-2">
        <input
          ref={ref}
          id={inputId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`min-h-11 w-full min-w-0 rounded-md border bg-white px-3 py-2 text-base ${
            error ? 'border-red-700' : 'border-slate-400'
          }`}
          {...props}
        />
        {trailing}
      </div>
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

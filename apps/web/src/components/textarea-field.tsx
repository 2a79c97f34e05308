import * as Label from '@radix-ui/react-label';
import { useId, type Ref, type TextareaHTMLAttributes } from 'react';

export interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  hint?: string;
  /** A translated message; sets aria-invalid and is announced with the field. */
  error?: string;
  /** Shown after the label, e.g. "optional". */
  marker?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled `<textarea>` with its hint and error tied to it (aria-describedby), like `Field`. */
export function TextareaField({
  label,
  hint,
  error,
  marker,
  id,
  className = '',
  rows = 3,
  ref,
  ...props
}: TextareaFieldProps) {
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
      <textarea
        ref={ref}
        id={inputId}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`w-full min-w-0 rounded-md border bg-white px-3 py-2 text-base ${
          error ? 'border-red-700' : 'border-slate-400'
        }`}
        {...props}
      />
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

import * as Label from '@radix-ui/react-label';
import { useId, type ReactNode } from 'react';

/** The props every field component shares. */
export interface FieldTextProps {
  label: string;
  hint?: string;
  /** A translated message; sets aria-invalid and is announced with the field. */
  error?: string;
  /** Shown after the label, e.g. "optional". */
  marker?: string;
}

export interface FieldShellProps extends FieldTextProps {
  /** The control's id (from `useFieldId`); the hint and error ids derive from it. */
  id: string;
  /** Classes of the wrapper, after its own. */
  className: string;
  /** Renders the control, spreading `control` on it so that the label, hint and error belong to it. */
  children: (control: FieldControlProps) => ReactNode;
}

/** What ties a control to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  /** The border and box of a text-like control (red while there is an error). */
  className: string;
}

/**
 * The control's id: the caller's, or one generated for the field component that calls it (called there rather than in
 * the shell, so a generated id is the one the component has always had).
 */
export function useFieldId(id: string | undefined): string {
  const generated = useId();
  return id ?? generated;
}

/**
 * A label (with its marker) over a control, then the hint and the error, the control described by both
 * (aria-describedby, hint first), so screen readers read all three. `Field`, `SelectField` and `TextareaField` are
 * this shell around their own control.
 */
export function FieldShell({ label, hint, error, marker, id, className, children }: FieldShellProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  // A disabled control looks it (grey, muted), not like an empty field waiting for input.
  const controlClassName = `w-full min-w-0 rounded-md border bg-white px-3 py-2 text-base disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600 ${
    error ? 'border-red-700' : 'border-slate-400'
  }`;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <Label.Root htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
        {marker ? <span className="font-normal text-slate-600"> ({marker})</span> : null}
      </Label.Root>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        className: controlClassName,
      })}
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

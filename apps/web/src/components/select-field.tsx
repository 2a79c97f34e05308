import { type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import { FieldShell, useFieldId, type FieldTextProps } from './field-shell';

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement>, FieldTextProps {
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
  const controlId = useFieldId(id);
  return (
    <FieldShell
      label={label}
      hint={hint}
      error={error}
      marker={marker}
      id={controlId}
      className={`min-w-0 ${className}`}
    >
      {(control) => (
        <select ref={ref} {...control} className={`min-h-11 ${control.className}`} {...props}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

import { type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { FieldShell, useFieldId, type FieldTextProps } from './field-shell';

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement>, FieldTextProps {
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
  const controlId = useFieldId(id);
  return (
    <FieldShell label={label} hint={hint} error={error} marker={marker} id={controlId} className={className}>
      {(control) => (
        <div className="flex items-stretch gap-2">
          <input ref={ref} {...control} className={`min-h-11 ${control.className}`} {...props} />
          {trailing}
        </div>
      )}
    </FieldShell>
  );
}

import { type Ref, type TextareaHTMLAttributes } from 'react';
import { FieldShell, useFieldId, type FieldTextProps } from './field-shell';

export interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement>, FieldTextProps {
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
  const controlId = useFieldId(id);
  return (
    <FieldShell label={label} hint={hint} error={error} marker={marker} id={controlId} className={className}>
      {(control) => <textarea ref={ref} {...control} rows={rows} {...props} />}
    </FieldShell>
  );
}

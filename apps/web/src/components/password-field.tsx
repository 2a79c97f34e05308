import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, type FieldProps } from './field';

export interface PasswordFieldProps extends Omit<FieldProps, 'type' | 'trailing'> {
  /** Controlled visibility (e.g. one toggle for a password and its repetition); internal state otherwise. */
  visible?: boolean;
  onVisibleChange?: (visible: boolean) => void;
  /** What the field holds, so its button says "Show passphrase" where a passphrase is asked. */
  secret?: 'password' | 'passphrase';
}

/** A password input with a show/hide button beside it (the button says what it will do). */
export function PasswordField({
  visible,
  onVisibleChange,
  id,
  secret = 'password',
  ...props
}: PasswordFieldProps) {
  const { t } = useTranslation();
  const [ownVisible, setOwnVisible] = useState(false);
  const shown = visible ?? ownVisible;
  const toggle = () => {
    setOwnVisible(!shown);
    onVisibleChange?.(!shown);
  };
  return (
    <Field
      id={id}
      type={shown ? 'text' : 'password'}
      autoCapitalize="off"
      autoCorrect="off"
      spellCheck={false}
      {...props}
      trailing={
        <button
          type="button"
          onClick={toggle}
          aria-controls={id}
          className="min-h-11 shrink-0 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-900 hover:bg-slate-100"
        >
          {secret === 'passphrase'
            ? t(shown ? 'actions.hidePassphrase' : 'actions.showPassphrase')
            : t(shown ? 'actions.hidePassword' : 'actions.showPassword')}
        </button>
      }
    />
  );
}

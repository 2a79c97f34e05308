import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandlingCaveat } from '@app/crypto';
import { Button } from '@web/components/button';
import { TextareaField } from '@web/components/textarea-field';
import { CaveatBadge, CaveatPicker } from './caveat';

export const MESSAGE_MAX = 4000;
const TYPING_REPEAT_MS = 3000;

/**
 * Writing a message: the caveat it carries (kept for the next one until changed), the text (Enter sends, Shift+Enter
 * starts a new line), Send. Disabled, with the reason beside it, while a partner's keys changed unconfirmed.
 */
export function Composer({
  disabledReason,
  onSend,
  onTyping,
}: {
  disabledReason?: string;
  onSend: (text: string, caveat: HandlingCaveat) => void;
  onTyping: (typing: boolean) => void;
}) {
  const { t } = useTranslation('chat');
  const [text, setText] = useState('');
  const [caveat, setCaveat] = useState<HandlingCaveat>('NONE');
  const [error, setError] = useState<string>();
  const typingSince = useRef(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const disabled = disabledReason !== undefined;

  useEffect(() => () => onTyping(false), [onTyping]);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const trimmed = text.trim();
    if (disabled) {
      return;
    }
    if (!trimmed) {
      setError(t('composer.empty'));
      return;
    }
    if (trimmed.length > MESSAGE_MAX) {
      setError(t('composer.tooLong', { max: MESSAGE_MAX }));
      return;
    }
    onSend(trimmed, caveat);
    typingSince.current = 0;
    setText('');
    setError(undefined);
    textarea.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  function onChange(value: string) {
    setText(value);
    setError(undefined);
    const now = Date.now();
    if (value.trim() && now - typingSince.current > TYPING_REPEAT_MS) {
      typingSince.current = now;
      onTyping(true);
    } else if (!value.trim() && typingSince.current) {
      typingSince.current = 0;
      onTyping(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-3"
    >
      <CaveatPicker value={caveat} onChange={setCaveat} />
      {caveat !== 'NONE' ? <CaveatBadge caveat={caveat} wide /> : null}
      <TextareaField
        ref={textarea}
        label={t('composer.label')}
        hint={disabledReason ?? t('composer.hint')}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (typingSince.current) {
            typingSince.current = 0;
            onTyping(false);
          }
        }}
        error={error}
        disabled={disabled}
        rows={3}
      />
      <div className="flex items-center justify-between gap-3">
        <span className="text-xs text-slate-700" aria-live="polite">
          {text.length > MESSAGE_MAX * 0.9 ? t('composer.left', { count: MESSAGE_MAX - text.length }) : ''}
        </span>
        <Button type="submit" disabled={disabled}>
          {t('composer.send')}
        </Button>
      </div>
    </form>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@web/components/select-field';
import { AUTO_LOCK_CHOICES, autoLockMinutes, setAutoLockMinutes } from '../lib/auto-lock';

/** How long the chat may stay idle in this browser before it locks (a shared office PC wants it short). */
export function AutoLockSetting() {
  const { t } = useTranslation('chat');
  const headingId = useId();
  const [minutes, setMinutes] = useState(autoLockMinutes);
  const choices: number[] = AUTO_LOCK_CHOICES.includes(minutes as (typeof AUTO_LOCK_CHOICES)[number])
    ? [...AUTO_LOCK_CHOICES]
    : [...AUTO_LOCK_CHOICES, minutes].sort((a, b) => a - b);
  return (
    <section aria-labelledby={headingId} className="mt-4 flex flex-col gap-2 border-t border-slate-200 pt-4">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {t('autoLock.title')}
      </h2>
      <SelectField
        label={t('autoLock.label')}
        hint={t('autoLock.hint')}
        value={String(minutes)}
        onChange={(event) => {
          const next = Number(event.target.value);
          setAutoLockMinutes(next);
          setMinutes(next);
        }}
        className="max-w-xs"
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {t('autoLock.minutes', { count: choice })}
          </option>
        ))}
      </SelectField>
    </section>
  );
}

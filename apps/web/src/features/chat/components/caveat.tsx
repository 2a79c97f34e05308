import { useTranslation } from 'react-i18next';
import { HANDLING_CAVEATS, type HandlingCaveat } from '@app/crypto';
import { SelectField } from '@web/components/select-field';

/** How each caveat looks: informal-not-for-judicial-use loudest (red, filled), the others bordered. */
const LOOKS: Record<Exclude<HandlingCaveat, 'NONE'>, string> = {
  INFORMAL_NOT_FOR_JUDICIAL_USE: 'border-red-800 bg-red-700 text-white',
  DO_NOT_DISSEMINATE: 'border-amber-700 bg-amber-100 text-amber-950',
  FORMAL_REQUEST_TO_FOLLOW: 'border-brand-700 bg-blue-50 text-slate-900',
};

/**
 * A message's handling caveat, as a badge that cannot be missed: an icon, the caveat's words in capitals, and (for
 * "informal — not for judicial use") a filled red block. Nothing for NONE.
 */
export function CaveatBadge({ caveat, wide }: { caveat: HandlingCaveat | undefined; wide?: boolean }) {
  const { t } = useTranslation('chat');
  if (!caveat || caveat === 'NONE') {
    return null;
  }
  return (
    <p
      className={`flex items-center gap-1.5 rounded border-2 px-2 py-0.5 text-xs font-bold uppercase tracking-wide ${LOOKS[caveat]} ${wide ? 'w-full' : 'w-fit'}`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0">
        <path d="M10 2 1 18h18L10 2Zm0 5v5m0 2.5v.5" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      <span>
        <span className="sr-only">{t('caveat.label')}: </span>
        {t(`caveat.${caveat}`)}
      </span>
    </p>
  );
}

/** The caveat the next message carries: a labelled select (the phone's own picker), its meaning under it. */
export function CaveatPicker({
  value,
  onChange,
}: {
  value: HandlingCaveat;
  onChange: (caveat: HandlingCaveat) => void;
}) {
  const { t } = useTranslation('chat');
  return (
    <SelectField
      label={t('caveat.picker')}
      hint={t(`caveat.hint.${value}`)}
      value={value}
      onChange={(event) => onChange(event.target.value as HandlingCaveat)}
    >
      {HANDLING_CAVEATS.map((caveat) => (
        <option key={caveat} value={caveat}>
          {t(`caveat.${caveat}`)}
        </option>
      ))}
    </SelectField>
  );
}

import { useTranslation } from 'react-i18next';
import { Button } from '@web/components/button';
import { Field } from '@web/components/field';
import { SelectField } from '@web/components/select-field';
import type { ContactKind, ContactVisibility } from '@web/lib/graphql/graphql';
import { CONTACT_KINDS } from '@web/lib/reference';
import { PROFILE_LIMITS, VISIBILITIES, type ContactRow } from '../lib/profile-form';

export const contactId = (key: number, field: 'kind' | 'value' | 'label' | 'visibility') =>
  `profile-contacts-${key}-${field}`;
export const ADD_CONTACT_ID = 'profile-contacts-add';

/**
 * The contact channels, added and removed at will: kind, value, an optional label, and who may see it. `errorOf`
 * gives a field's translated error by its index path (`contacts.2.value`: rows are sent in this order).
 */
export function ContactRows({
  rows,
  errorOf,
  groupError,
  onChange,
  onAdded,
  onRemoved,
}: {
  rows: ContactRow[];
  errorOf: (path: string) => string | undefined;
  groupError?: string;
  onChange: (rows: ContactRow[], changedPath: string) => void;
  onAdded: (key: number) => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<ContactRow>, field: keyof ContactRow) =>
    onChange(
      rows.map((row, at) => (at === index ? { ...row, ...change } : row)),
      `contacts.${index}.${field}`,
    );
  const add = () => {
    const key = Math.max(-1, ...rows.map((row) => row.key)) + 1;
    onChange([...rows, { key, kind: 'EMAIL', value: '', label: '', visibility: 'MEMBERS' }], 'contacts');
    onAdded(key);
  };

  return (
    <fieldset
      aria-describedby={['profile-contacts-hint', groupError ? 'profile-contacts-error' : null]
        .filter(Boolean)
        .join(' ')}
      className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      <legend className="float-left mb-1 w-full text-lg font-semibold text-slate-900">
        {t('profile.sections.contacts')}
      </legend>
      <p id="profile-contacts-hint" className="clear-both text-sm text-slate-600">
        {t('profile.contacts.hint')}
      </p>
      {groupError ? (
        <p id="profile-contacts-error" className="text-sm font-medium text-red-700">
          {groupError}
        </p>
      ) : null}
      {rows.length === 0 ? <p className="text-sm text-slate-700">{t('profile.contacts.none')}</p> : null}
      <ol className="flex flex-col gap-3">
        {rows.map((row, index) => {
          const number = index + 1;
          return (
            <li key={row.key}>
              <fieldset className="grid min-w-0 grid-cols-1 items-start gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 sm:grid-cols-2">
                <legend className="sr-only">{t('profile.contacts.row', { number })}</legend>
                <SelectField
                  id={contactId(row.key, 'kind')}
                  label={t('profile.contacts.kind')}
                  value={row.kind}
                  error={errorOf(`contacts.${index}.kind`)}
                  onChange={(event) => update(index, { kind: event.target.value as ContactKind }, 'kind')}
                >
                  {CONTACT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`reference.contactKinds.${kind}`)}
                    </option>
                  ))}
                </SelectField>
                <Field
                  id={contactId(row.key, 'value')}
                  label={t('profile.contacts.value')}
                  hint={row.kind === 'EMAIL' ? undefined : t('profile.contacts.valueHint')}
                  dir="ltr"
                  autoComplete="off"
                  spellCheck={false}
                  required
                  maxLength={PROFILE_LIMITS.contact}
                  value={row.value}
                  error={errorOf(`contacts.${index}.value`)}
                  onChange={(event) => update(index, { value: event.target.value }, 'value')}
                />
                <Field
                  id={contactId(row.key, 'label')}
                  label={t('profile.contacts.label')}
                  marker={t('status.optional')}
                  dir="auto"
                  autoComplete="off"
                  maxLength={PROFILE_LIMITS.contactLabel}
                  value={row.label}
                  error={errorOf(`contacts.${index}.label`)}
                  onChange={(event) => update(index, { label: event.target.value }, 'label')}
                />
                <SelectField
                  id={contactId(row.key, 'visibility')}
                  label={t('profile.contacts.visibility')}
                  value={row.visibility}
                  error={errorOf(`contacts.${index}.visibility`)}
                  onChange={(event) =>
                    update(index, { visibility: event.target.value as ContactVisibility }, 'visibility')
                  }
                >
                  {VISIBILITIES.map((visibility) => (
                    <option key={visibility} value={visibility}>
                      {t(`profile.contacts.visibilities.${visibility}`)}
                    </option>
                  ))}
                </SelectField>
                <Button
                  type="button"
                  variant="secondary"
                  className="justify-self-start"
                  aria-label={t('profile.contacts.removeRow', { number })}
                  onClick={() => {
                    onChange(
                      rows.filter((candidate) => candidate.key !== row.key),
                      'contacts',
                    );
                    onRemoved();
                  }}
                >
                  {t('profile.contacts.remove')}
                </Button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {rows.length < PROFILE_LIMITS.contacts ? (
        <Button id={ADD_CONTACT_ID} type="button" variant="secondary" className="self-start" onClick={add}>
          {t('profile.contacts.add')}
        </Button>
      ) : null}
    </fieldset>
  );
}

import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { CheckboxGroup } from '@web/components/checkbox-group';
import { ErrorSummary } from '@web/components/error-summary';
import { Field } from '@web/components/field';
import { LanguageRows, languageSlots } from '@web/components/language-rows';
import {
  agencySlots,
  AgencyFields,
  FormCard as Card,
  FormPanel,
  NameFields,
  nameSlots,
  TaxonomyField,
  TimeZoneField,
  type AgencyPaths,
} from '@web/components/practitioner-fields';
import { TextareaField } from '@web/components/textarea-field';
import { resultError, type FieldError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { errorAt, summaryItems, withoutErrorAt, type ErrorSlot } from '@web/lib/form-errors';
import { useFormat } from '@web/lib/format';
import type { MyProfileFieldsFragment as Profile } from '@web/lib/graphql/graphql';
import { byRowKey } from '@web/lib/language-rows';
import { practitionerFieldText } from '@web/lib/practitioner-field-text';
import type { Taxonomy } from '@web/lib/reference';
import { useFocusById } from '@web/lib/use-focus';
import { UpdateMyProfileMutation } from '../api/profile';
import {
  formOf,
  PROFILE_LIMITS,
  toInput,
  validateProfile,
  WEEKDAYS,
  type ProfileForm as Form,
} from '../lib/profile-form';
import { ADD_CONTACT_ID, contactId, ContactRows } from './contact-rows';

const SUMMARY_ID = 'profile-errors';
const id = (path: string) => `profile-${path.replace(/\./g, '-')}`;
const AGENCY_PATHS: AgencyPaths = {
  agencyName: 'agency.name',
  agencyType: 'agency.type',
  agencyCity: 'agency.city',
  position: 'position',
};

/**
 * The profile's fields in fieldsets, filled from the stored profile. Obvious mistakes are caught here, the rest by the
 * server (phones, addresses, codes); each error sits at its field, translated from its code, and a summary at the top
 * links to them. A save says "Saved" until the next change.
 */
export function ProfileForm({
  profile,
  languages,
  expertiseAreas,
  competences,
}: {
  profile: Profile;
  languages: readonly { code: string; name: string }[];
  expertiseAreas: Taxonomy;
  competences: Taxonomy;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [{ fetching: saving }, update] = useMutation(UpdateMyProfileMutation);
  const [form, setForm] = useState<Form>(() => formOf(profile));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string>();
  const [saved, setSaved] = useState(false);
  const weekdays = useMemo(() => {
    const name = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' });
    // 1 January 2024 was a Monday.
    return WEEKDAYS.map((day) => {
      const text = name.format(Date.UTC(2024, 0, day));
      return { value: String(day), label: text.charAt(0).toLocaleUpperCase(i18n.language) + text.slice(1) };
    });
  }, [i18n.language]);

  const change = (next: Partial<Form>, path: string) => {
    setForm((current) => ({ ...current, ...next }));
    setErrors((current) => withoutErrorAt(current, path));
    setSaved(false);
  };
  const focus = useFocusById();

  /** A field error in the user's language: the shared form parts' texts, with this form's own where they say little. */
  const textOf = (error: FieldError | undefined): string | undefined => {
    if (error?.path === 'workingHoursEnd' && error.code === 'INVALID') {
      return t('profile.errors.hoursDiffer');
    }
    if (error?.path === 'workingDays' && error.code === 'DUPLICATE') {
      return t('profile.errors.eachDayOnce');
    }
    return practitionerFieldText(t, error);
  };
  const message = (path: string) => textOf(errorAt(errors, path));

  /** Where each error is shown and what the summary calls it, in the form's order. */
  const slots: ErrorSlot[] = [
    ...nameSlots(t, id),
    ...agencySlots(t, id, AGENCY_PATHS),
    ...languageSlots(t, 'profile', form.languages),
    { path: 'timeZone', target: id('timeZone'), label: t('practitionerForm.fields.timeZone.label') },
    { path: 'available24x7', target: id('available24x7'), label: t('profile.fields.available24x7.label') },
    { path: 'workingDays', target: id('workingDays'), label: t('profile.fields.workingDays.legend') },
    {
      path: 'workingHoursStart',
      target: id('workingHoursStart'),
      label: t('profile.fields.workingHoursStart.label'),
    },
    {
      path: 'workingHoursEnd',
      target: id('workingHoursEnd'),
      label: t('profile.fields.workingHoursEnd.label'),
    },
    {
      path: 'contacts',
      exact: true,
      target: form.contacts[0] ? contactId(form.contacts[0].key, 'kind') : ADD_CONTACT_ID,
      label: t('profile.sections.contacts'),
    },
    ...form.contacts.flatMap((row, index) => {
      const name = t('profile.contacts.row', { number: index + 1 });
      return (['kind', 'value', 'label', 'visibility'] as const).map((field) => ({
        path: `contacts.${index}.${field}`,
        target: contactId(row.key, field),
        label: `${name} · ${t(`profile.contacts.${field}`)}`,
      }));
    }),
    { path: 'expertise', target: id('expertise'), label: t('practitionerForm.expertise.legend') },
    { path: 'competences', target: id('competences'), label: t('practitionerForm.competences.legend') },
    { path: 'bio', target: id('bio'), label: t('profile.fields.bio.label') },
  ];
  const summary = summaryItems(slots, errors, textOf, (field, text) =>
    t('profile.summary.item', { field, message: text }),
  );

  /** Shows the errors, then moves the focus to the summary that lists them. */
  function fail(next: FieldError[]) {
    setErrors(next);
    focus(SUMMARY_ID);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    setSaved(false);
    const problems = validateProfile(form);
    if (problems.length > 0) {
      fail(byRowKey(problems, form.languages));
      return;
    }
    const result = await update({ input: toInput(form) });
    if (result.data) {
      setErrors([]);
      setForm(formOf(result.data.updateMyProfile));
      setSaved(true);
      return;
    }
    const error = resultError(result.error);
    if (error?.code === 'BAD_USER_INPUT' && error.fields.length > 0) {
      fail(byRowKey(error.fields, form.languages));
    } else {
      setErrors([]);
      setFailure(errorText(t, error));
    }
  }

  const optional = t('status.optional');

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-6">
      {summary.length > 0 ? (
        <div id={SUMMARY_ID} tabIndex={-1} className="focus:outline-none">
          <ErrorSummary title={t('profile.summary.title', { count: summary.length })} items={summary} />
        </div>
      ) : null}

      <Card legend={t('profile.sections.names')}>
        <NameFields idOf={id} values={form} errorOf={message} onChange={change} />
      </Card>

      <Card legend={t('profile.sections.work')}>
        <p className="text-sm text-slate-700">
          {t('profile.country', { country: format.country(profile.country) })}
        </p>
        <AgencyFields idOf={id} paths={AGENCY_PATHS} values={form} errorOf={message} onChange={change} />
      </Card>

      <FormPanel>
        <LanguageRows
          idPrefix="profile"
          rows={form.languages}
          options={languages}
          errors={errors}
          textOf={textOf}
          focus={focus}
          onChange={(rows, path) => {
            setForm((current) => ({ ...current, languages: rows }));
            setErrors((current) => withoutErrorAt(withoutErrorAt(current, path), 'languages'));
            setSaved(false);
          }}
        />
      </FormPanel>

      <Card legend={t('profile.sections.availability')}>
        <TimeZoneField
          id={id('timeZone')}
          value={form.timeZone}
          error={message('timeZone')}
          onChange={(zone) => change({ timeZone: zone }, 'timeZone')}
        />
        <label className="flex min-h-11 cursor-pointer items-start gap-3 py-2 text-slate-900">
          <input
            type="checkbox"
            id={id('available24x7')}
            checked={form.available24x7}
            onChange={(event) => change({ available24x7: event.target.checked }, 'available24x7')}
            className="mt-0.5 size-5 shrink-0 accent-brand-700"
          />
          <span>{t('profile.fields.available24x7.label')}</span>
        </label>
        <CheckboxGroup
          id={id('workingDays')}
          legend={t('profile.fields.workingDays.legend')}
          error={message('workingDays')}
          sections={[{ key: 'days', options: weekdays }]}
          value={form.workingDays}
          onChange={(value) => change({ workingDays: value }, 'workingDays')}
        />
        <div className="grid grid-cols-1 items-start gap-4 sm:grid-cols-2">
          <Field
            id={id('workingHoursStart')}
            label={t('profile.fields.workingHoursStart.label')}
            type="time"
            name="workingHoursStart"
            required
            value={form.workingHoursStart}
            error={message('workingHoursStart')}
            onChange={(event) => change({ workingHoursStart: event.target.value }, 'workingHoursStart')}
          />
          <Field
            id={id('workingHoursEnd')}
            label={t('profile.fields.workingHoursEnd.label')}
            hint={t('profile.fields.workingHoursEnd.hint')}
            type="time"
            name="workingHoursEnd"
            required
            value={form.workingHoursEnd}
            error={message('workingHoursEnd')}
            onChange={(event) => change({ workingHoursEnd: event.target.value }, 'workingHoursEnd')}
          />
        </div>
      </Card>

      <ContactRows
        rows={form.contacts}
        errorOf={message}
        groupError={textOf(errors.find((error) => error.path === 'contacts'))}
        onChange={(rows, path) => {
          setForm((current) => ({ ...current, contacts: rows }));
          // A row removed renumbers those after it: their errors no longer point at the right row.
          setErrors((current) =>
            path === 'contacts' ? withoutErrorAt(current, 'contacts') : withoutErrorAt(current, path),
          );
          setSaved(false);
        }}
        onAdded={(key) => focus(contactId(key, 'kind'))}
        onRemoved={() => focus(ADD_CONTACT_ID)}
      />

      <TaxonomyField
        kind="expertise"
        id={id('expertise')}
        items={expertiseAreas}
        value={form.expertise}
        error={message('expertise')}
        onChange={(value) => change({ expertise: value }, 'expertise')}
      />
      <TaxonomyField
        kind="competences"
        id={id('competences')}
        items={competences}
        value={form.competences}
        error={message('competences')}
        onChange={(value) => change({ competences: value }, 'competences')}
      />

      <Card legend={t('profile.sections.about')}>
        <TextareaField
          id={id('bio')}
          label={t('profile.fields.bio.label')}
          hint={t('profile.fields.bio.hint')}
          marker={optional}
          name="bio"
          dir="auto"
          rows={5}
          maxLength={PROFILE_LIMITS.bio}
          value={form.bio}
          error={message('bio')}
          onChange={(event) => change({ bio: event.target.value }, 'bio')}
        />
      </Card>

      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <div className="flex flex-col gap-3">
        <Button type="submit" disabled={saving} className="self-start">
          {saving ? t('status.working') : t('profile.save')}
        </Button>
        <div role="status" className="min-h-6 font-medium text-green-800">
          {saved ? t('profile.saved') : null}
        </div>
      </div>
    </form>
  );
}

import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { CheckboxGroup, type CheckboxSection } from '@web/components/checkbox-group';
import { ErrorSummary, type ErrorSummaryItem } from '@web/components/error-summary';
import { Field } from '@web/components/field';
import { SelectField } from '@web/components/select-field';
import { TextareaField } from '@web/components/textarea-field';
import { ApiError, resultError, type FieldError } from '@web/lib/api-error';
import { errorText, fieldErrorText } from '@web/lib/error-text';
import { useFormat } from '@web/lib/format';
import type { AgencyType, MyProfileFieldsFragment as Profile } from '@web/lib/graphql/graphql';
import { UpdateMyProfileMutation } from '../api/profile';
import {
  clearedAt,
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

const AGENCY_TYPES = [
  'PROSECUTION',
  'POLICE',
  'BORDER',
  'JUDICIARY',
  'MINISTRY',
  'FIU',
  'LABOUR_INSPECTION',
  'OTHER',
] as const satisfies readonly AgencyType[];
const EXPERTISE_GROUPS = ['TRAFFICKING', 'SMUGGLING', 'FINANCIAL', 'EVIDENCE', 'VICTIMS'] as const;
const COMPETENCE_GROUPS = ['UNTOC', 'PROTOCOLS', 'OTHER_INSTRUMENTS', 'CHANNELS'] as const;
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

type Taxonomy = readonly { code: string; group: string; name: string }[];

/** The API's items in its order, one titled section per group. */
function bySection(items: Taxonomy, title: (group: string) => string): CheckboxSection[] {
  const groups = new Map<string, CheckboxSection>();
  for (const item of items) {
    const section = groups.get(item.group) ?? { key: item.group, label: title(item.group), options: [] };
    groups.set(item.group, section);
    section.options.push({ value: item.code, label: item.name });
  }
  return [...groups.values()];
}

function Card({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <legend className="float-left mb-4 w-full text-lg font-semibold text-slate-900">{legend}</legend>
      <div className="clear-both flex flex-col gap-4">{children}</div>
    </fieldset>
  );
}

/**
 * The profile's fields in fieldsets, filled from the stored profile. Obvious mistakes are caught here, the rest by the
 * server (phones, addresses, codes); each error sits at its field, translated from its code, and a summary at the top
 * links to them. A save says "Saved" until the next change.
 */
export function ProfileForm({
  profile,
  expertiseAreas,
  competences,
}: {
  profile: Profile;
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
    setErrors((current) => clearedAt(current, path));
    setSaved(false);
  };
  const focus = (target: string) => {
    const element = document.getElementById(target);
    element?.scrollIntoView?.({ block: 'center' });
    element?.focus();
  };

  /** A field error in the user's language: the shared texts, with this form's own where they say too little. */
  const textOf = (error: FieldError | undefined): string | undefined => {
    if (error?.path === 'workingHoursEnd' && error.code === 'INVALID') {
      return t('profile.errors.hoursDiffer');
    }
    if (error?.path === 'workingDays' && error.code === 'DUPLICATE') {
      return t('profile.errors.eachDayOnce');
    }
    if (error && /^expertise(\.|$)/.test(error.path) && error.code === 'INVALID') {
      return fieldErrorText(t, { ...error, code: 'INVALID_EXPERTISE' });
    }
    if (error && /^competences(\.|$)/.test(error.path) && error.code === 'INVALID') {
      return fieldErrorText(t, { ...error, code: 'INVALID_COMPETENCE' });
    }
    return fieldErrorText(t, error);
  };
  const found = new ApiError('BAD_USER_INPUT', errors);
  const message = (path: string) => textOf(found.field(path));

  /** Where each error is shown and what the summary calls it, in the form's order. */
  const slots: { path: string; target: string; label: string; exact?: boolean }[] = [
    { path: 'displayName', target: id('displayName'), label: t('profile.fields.displayName.label') },
    { path: 'nativeName', target: id('nativeName'), label: t('profile.fields.nativeName.label') },
    { path: 'nameVariants', target: id('nameVariants'), label: t('profile.fields.nameVariants.label') },
    { path: 'agency.name', target: id('agency.name'), label: t('profile.fields.agencyName.label') },
    { path: 'agency.type', target: id('agency.type'), label: t('profile.fields.agencyType.label') },
    { path: 'agency.city', target: id('agency.city'), label: t('profile.fields.agencyCity.label') },
    { path: 'position', target: id('position'), label: t('profile.fields.position.label') },
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
    { path: 'available24x7', target: id('available24x7'), label: t('profile.fields.available24x7.label') },
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
    { path: 'expertise', target: id('expertise'), label: t('profile.expertise.legend') },
    { path: 'competences', target: id('competences'), label: t('profile.competences.legend') },
    { path: 'bio', target: id('bio'), label: t('profile.fields.bio.label') },
  ];
  const matches = (slot: (typeof slots)[number], error: FieldError) =>
    error.path === slot.path || (!slot.exact && error.path.startsWith(`${slot.path}.`));
  const summary: ErrorSummaryItem[] = [
    ...slots.flatMap((slot) => {
      const error = errors.find((candidate) => matches(slot, candidate));
      return error
        ? [
            {
              target: slot.target,
              text: t('profile.summary.item', { field: slot.label, message: textOf(error) }),
            },
          ]
        : [];
    }),
    // A path this form does not know (a newer server): still said, without a link.
    ...errors
      .filter((error) => !slots.some((slot) => matches(slot, error)))
      .map((error) => ({ text: textOf(error) ?? '' })),
  ];

  /** Shows the errors, then moves the focus to the summary that lists them. */
  function fail(next: FieldError[]) {
    flushSync(() => setErrors(next));
    focus(SUMMARY_ID);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    setSaved(false);
    const problems = validateProfile(form);
    if (problems.length > 0) {
      fail(problems);
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
      fail(error.fields);
    } else {
      setErrors([]);
      setFailure(errorText(t, error));
    }
  }

  const optional = t('status.optional');
  const expertiseSections = useMemo(
    () =>
      bySection(expertiseAreas, (group) =>
        t(`profile.expertise.groups.${isOneOf(EXPERTISE_GROUPS, group) ? group : 'other'}`),
      ),
    [expertiseAreas, t],
  );
  const competenceSections = useMemo(
    () =>
      bySection(competences, (group) =>
        t(`profile.competences.groups.${isOneOf(COMPETENCE_GROUPS, group) ? group : 'other'}`),
      ),
    [competences, t],
  );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-6">
      {summary.length > 0 ? (
        <div id={SUMMARY_ID} tabIndex={-1} className="focus:outline-none">
          <ErrorSummary title={t('profile.summary.title', { count: summary.length })} items={summary} />
        </div>
      ) : null}

      <Card legend={t('profile.sections.names')}>
        <Field
          id={id('displayName')}
          label={t('profile.fields.displayName.label')}
          hint={t('profile.fields.displayName.hint')}
          name="displayName"
          autoComplete="name"
          required
          maxLength={PROFILE_LIMITS.name}
          value={form.displayName}
          error={message('displayName')}
          onChange={(event) => change({ displayName: event.target.value }, 'displayName')}
        />
        <Field
          id={id('nativeName')}
          label={t('profile.fields.nativeName.label')}
          hint={t('profile.fields.nativeName.hint')}
          marker={optional}
          name="nativeName"
          dir="auto"
          autoComplete="off"
          maxLength={PROFILE_LIMITS.name}
          value={form.nativeName}
          error={message('nativeName')}
          onChange={(event) => change({ nativeName: event.target.value }, 'nativeName')}
        />
        <TextareaField
          id={id('nameVariants')}
          label={t('profile.fields.nameVariants.label')}
          hint={t('profile.fields.nameVariants.hint')}
          marker={optional}
          name="nameVariants"
          dir="auto"
          autoComplete="off"
          value={form.nameVariants}
          error={message('nameVariants')}
          onChange={(event) => change({ nameVariants: event.target.value }, 'nameVariants')}
        />
      </Card>

      <Card legend={t('profile.sections.work')}>
        <p className="text-sm text-slate-700">
          {t('profile.country', { country: format.country(profile.country) })}
        </p>
        <Field
          id={id('agency.name')}
          label={t('profile.fields.agencyName.label')}
          name="agencyName"
          autoComplete="organization"
          required
          maxLength={PROFILE_LIMITS.name}
          value={form.agencyName}
          error={message('agency.name')}
          onChange={(event) => change({ agencyName: event.target.value }, 'agency.name')}
        />
        <SelectField
          id={id('agency.type')}
          label={t('profile.fields.agencyType.label')}
          name="agencyType"
          required
          value={form.agencyType}
          error={message('agency.type')}
          onChange={(event) => change({ agencyType: event.target.value as AgencyType }, 'agency.type')}
        >
          {AGENCY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`profile.agencyType.${type}`)}
            </option>
          ))}
        </SelectField>
        <div className="grid grid-cols-1 items-start gap-4 sm:grid-cols-2">
          <Field
            id={id('agency.city')}
            label={t('profile.fields.agencyCity.label')}
            marker={optional}
            name="agencyCity"
            autoComplete="address-level2"
            maxLength={PROFILE_LIMITS.agencyCity}
            value={form.agencyCity}
            error={message('agency.city')}
            onChange={(event) => change({ agencyCity: event.target.value }, 'agency.city')}
          />
          <Field
            id={id('position')}
            label={t('profile.fields.position.label')}
            marker={optional}
            name="position"
            autoComplete="organization-title"
            maxLength={PROFILE_LIMITS.position}
            value={form.position}
            error={message('position')}
            onChange={(event) => change({ position: event.target.value }, 'position')}
          />
        </div>
      </Card>

      <Card legend={t('profile.sections.availability')}>
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
            path === 'contacts' ? clearedAt(current, 'contacts') : clearedAt(current, path),
          );
          setSaved(false);
        }}
        onAdded={(key) => setTimeout(() => focus(contactId(key, 'kind')))}
        onRemoved={() => setTimeout(() => focus(ADD_CONTACT_ID))}
      />

      <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <CheckboxGroup
          id={id('expertise')}
          legend={t('profile.expertise.legend')}
          hint={t('profile.expertise.hint')}
          marker={optional}
          status={t('profile.expertise.chosen', { count: form.expertise.length })}
          error={message('expertise')}
          sections={expertiseSections}
          value={form.expertise}
          onChange={(value) => change({ expertise: value }, 'expertise')}
        />
      </div>

      <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <CheckboxGroup
          id={id('competences')}
          legend={t('profile.competences.legend')}
          hint={t('profile.competences.hint')}
          marker={optional}
          status={t('profile.competences.chosen', { count: form.competences.length })}
          error={message('competences')}
          sections={competenceSections}
          value={form.competences}
          onChange={(value) => change({ competences: value }, 'competences')}
        />
      </div>

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

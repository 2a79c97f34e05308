import type { TFunction } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '@web/components/checkbox-group';
import { Field } from '@web/components/field';
import { SelectField } from '@web/components/select-field';
import { TextareaField } from '@web/components/textarea-field';
import type { ErrorSlot } from '@web/lib/form-errors';
import type { AgencyType } from '@web/lib/graphql/graphql';
import { PRACTITIONER_LIMITS as LIMITS } from '@web/lib/practitioner-form';
import {
  AGENCY_TYPES,
  COMPETENCE_GROUPS,
  EXPERTISE_GROUPS,
  knownGroup,
  taxonomySections,
  type Taxonomy,
} from '@web/lib/reference';
import { timeZoneOptions } from '@web/lib/time-zones';

/*
 * The parts the application form and the edit-my-profile form both render. Each form keeps its own state, ids
 * (`idOf(path)`), error paths and texts (`errorOf(path)`); the strings are `practitionerForm.*` and `reference.*`
 * (i18n/practitioner-form/register.ts, which each form's screen loads).
 */

/** A titled card of fields (a fieldset whose legend sits inside the card like the other groups' headings). */
export function FormCard({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      {/* Floated, the legend sits inside the card like the other groups' headings, not on its border. */}
      <legend className="float-left mb-4 w-full text-lg font-semibold text-slate-900">{legend}</legend>
      <div className="clear-both flex flex-col gap-4">{children}</div>
    </fieldset>
  );
}

/** A card around a group that brings its own fieldset and legend (language rows, a checkbox group). */
export function FormPanel({ children }: { children: ReactNode }) {
  return <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">{children}</div>;
}

interface PartProps<V> {
  /** The id of the control of an error path. */
  idOf: (path: string) => string;
  values: V;
  /** The translated error at or under a path. */
  errorOf: (path: string) => string | undefined;
  /** Some values changed (by the control of `path`). */
  onChange: (change: Partial<V>, path: string) => void;
}

export interface NameValues {
  displayName: string;
  nativeName: string;
  nameVariants: string;
}

/** The name in Latin letters, in the member's own script, and other spellings (paths as the fields are named). */
export function NameFields({ idOf, values, errorOf, onChange }: PartProps<NameValues>) {
  const { t } = useTranslation();
  const optional = t('status.optional');
  return (
    <>
      <Field
        id={idOf('displayName')}
        label={t('practitionerForm.fields.displayName.label')}
        hint={t('practitionerForm.fields.displayName.hint')}
        name="displayName"
        autoComplete="name"
        required
        maxLength={LIMITS.name}
        value={values.displayName}
        error={errorOf('displayName')}
        onChange={(event) => onChange({ displayName: event.target.value }, 'displayName')}
      />
      <Field
        id={idOf('nativeName')}
        label={t('practitionerForm.fields.nativeName.label')}
        hint={t('practitionerForm.fields.nativeName.hint')}
        marker={optional}
        name="nativeName"
        dir="auto"
        autoComplete="off"
        maxLength={LIMITS.name}
        value={values.nativeName}
        error={errorOf('nativeName')}
        onChange={(event) => onChange({ nativeName: event.target.value }, 'nativeName')}
      />
      <TextareaField
        id={idOf('nameVariants')}
        label={t('practitionerForm.fields.nameVariants.label')}
        hint={t('practitionerForm.fields.nameVariants.hint')}
        marker={optional}
        name="nameVariants"
        dir="auto"
        autoComplete="off"
        value={values.nameVariants}
        error={errorOf('nameVariants')}
        onChange={(event) => onChange({ nameVariants: event.target.value }, 'nameVariants')}
      />
    </>
  );
}

export interface AgencyValues {
  agencyName: string;
  agencyType: AgencyType | '';
  agencyCity: string;
  position: string;
}

/** The error paths of the agency's fields in a form's input (`agencyName` or `agency.name`). */
export type AgencyPaths = Record<keyof AgencyValues, string>;

/** The agency (name, type, city) and the position in it. */
export function AgencyFields({
  idOf,
  values,
  errorOf,
  onChange,
  paths,
}: PartProps<AgencyValues> & { paths: AgencyPaths }) {
  const { t } = useTranslation();
  const optional = t('status.optional');
  return (
    <>
      <Field
        id={idOf(paths.agencyName)}
        label={t('practitionerForm.fields.agencyName.label')}
        hint={t('practitionerForm.fields.agencyName.hint')}
        name="agencyName"
        autoComplete="organization"
        required
        maxLength={LIMITS.name}
        value={values.agencyName}
        error={errorOf(paths.agencyName)}
        onChange={(event) => onChange({ agencyName: event.target.value }, paths.agencyName)}
      />
      <SelectField
        id={idOf(paths.agencyType)}
        label={t('practitionerForm.fields.agencyType.label')}
        name="agencyType"
        required
        value={values.agencyType}
        error={errorOf(paths.agencyType)}
        onChange={(event) => onChange({ agencyType: event.target.value as AgencyType }, paths.agencyType)}
      >
        <option value="">{t('practitionerForm.fields.agencyType.choose')}</option>
        {AGENCY_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`reference.agencyType.${type}`)}
          </option>
        ))}
      </SelectField>
      <div className="grid grid-cols-1 items-start gap-4 sm:grid-cols-2">
        <Field
          id={idOf(paths.agencyCity)}
          label={t('practitionerForm.fields.agencyCity.label')}
          marker={optional}
          name="agencyCity"
          autoComplete="address-level2"
          maxLength={LIMITS.agencyCity}
          value={values.agencyCity}
          error={errorOf(paths.agencyCity)}
          onChange={(event) => onChange({ agencyCity: event.target.value }, paths.agencyCity)}
        />
        <Field
          id={idOf(paths.position)}
          label={t('practitionerForm.fields.position.label')}
          hint={t('practitionerForm.fields.position.hint')}
          marker={optional}
          name="position"
          autoComplete="organization-title"
          maxLength={LIMITS.position}
          value={values.position}
          error={errorOf(paths.position)}
          onChange={(event) => onChange({ position: event.target.value }, paths.position)}
        />
      </div>
    </>
  );
}

/**
 * The IANA time zone, each named in the reader's language with its offset (lib/time-zones.ts). A stored zone the
 * browser does not list is kept as an option of its own. `preset`: the hint says it was preset from the device.
 */
export function TimeZoneField({
  id,
  value,
  error,
  preset = false,
  onChange,
}: {
  id: string;
  value: string;
  error?: string;
  preset?: boolean;
  onChange: (zone: string) => void;
}) {
  const { t, i18n } = useTranslation();
  // Hundreds of <option>s: the same elements on every keystroke, so React skips them.
  const zones = useMemo(() => {
    const options = timeZoneOptions(i18n.language);
    return (
      <>
        {value && !options.some((zone) => zone.value === value) ? (
          <option value={value}>{value}</option>
        ) : null}
        {options.map((zone) => (
          <option key={zone.value} value={zone.value}>
            {zone.label}
          </option>
        ))}
      </>
    );
  }, [i18n.language, value]);
  return (
    <SelectField
      id={id}
      label={t('practitionerForm.fields.timeZone.label')}
      hint={t(preset ? 'practitionerForm.fields.timeZone.preset' : 'practitionerForm.fields.timeZone.hint')}
      name="timeZone"
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value)}
    >
      {zones}
    </SelectField>
  );
}

/**
 * Expertise areas or legal competences from the API's list (in the UI language), one titled section per group, in a
 * card of its own.
 */
export function TaxonomyField({
  kind,
  id,
  items,
  value,
  error,
  onChange,
}: {
  kind: 'expertise' | 'competences';
  id: string;
  items: Taxonomy | undefined;
  value: string[];
  error?: string;
  onChange: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const sections = useMemo(
    () =>
      taxonomySections(items, (group) =>
        kind === 'expertise'
          ? t(`reference.expertiseGroups.${knownGroup(EXPERTISE_GROUPS, group)}`)
          : t(`reference.competenceGroups.${knownGroup(COMPETENCE_GROUPS, group)}`),
      ),
    [items, kind, t],
  );
  return (
    <FormPanel>
      <CheckboxGroup
        id={id}
        legend={t(`practitionerForm.${kind}.legend`)}
        hint={t(`practitionerForm.${kind}.hint`)}
        marker={t('status.optional')}
        status={t(`practitionerForm.${kind}.chosen`, { count: value.length })}
        error={error}
        sections={sections}
        value={value}
        onChange={onChange}
      />
    </FormPanel>
  );
}

/** The error slots of NameFields, in their order. */
export function nameSlots(t: TFunction, idOf: (path: string) => string): ErrorSlot[] {
  return (['displayName', 'nativeName', 'nameVariants'] as const).map((field) => ({
    path: field,
    target: idOf(field),
    label: t(`practitionerForm.fields.${field}.label`),
  }));
}

/** The error slots of AgencyFields, in their order, at the form's paths. */
export function agencySlots(t: TFunction, idOf: (path: string) => string, paths: AgencyPaths): ErrorSlot[] {
  return (['agencyName', 'agencyType', 'agencyCity', 'position'] as const).map((field) => ({
    path: paths[field],
    target: idOf(paths[field]),
    label: t(`practitionerForm.fields.${field}.label`),
  }));
}

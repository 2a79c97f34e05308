import type { FieldError } from '@web/lib/api-error';
import type {
  AgencyType,
  ContactKind,
  ContactVisibility,
  MyProfileFieldsFragment as Profile,
  UpdateProfileInput,
} from '@web/lib/graphql/graphql';
import { languageRowsOf, toLanguageInput, validateLanguages, type LanguageRow } from '@web/lib/language-rows';
import {
  optionalText as optional,
  parseNameVariants,
  PRACTITIONER_LIMITS,
  textChecker,
} from '@web/lib/practitioner-form';

/** The API's limits (apps/api profile.inputs.ts), checked here first so most mistakes never reach the server. */
export const PROFILE_LIMITS = {
  ...PRACTITIONER_LIMITS,
  bio: 2000,
  contacts: 12,
  contactMin: 3,
  contact: 320,
  contactLabel: 100,
} as const;

export const VISIBILITIES: readonly ContactVisibility[] = ['MEMBERS', 'COORDINATORS'];
/** ISO weekdays, Monday first. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface ContactRow {
  /** A stable React key and id part: rows are added and removed. */
  key: number;
  kind: ContactKind;
  value: string;
  label: string;
  visibility: ContactVisibility;
}

export interface ProfileForm {
  displayName: string;
  nativeName: string;
  /** One per line or comma separated. */
  nameVariants: string;
  agencyName: string;
  agencyType: AgencyType | '';
  agencyCity: string;
  position: string;
  /** IANA. */
  timeZone: string;
  languages: LanguageRow[];
  bio: string;
  expertise: string[];
  competences: string[];
  /** ISO weekdays as strings (the checkbox values). */
  workingDays: string[];
  workingHoursStart: string;
  workingHoursEnd: string;
  available24x7: boolean;
  contacts: ContactRow[];
}

/** The form as the stored profile fills it. */
export function formOf(profile: Profile): ProfileForm {
  return {
    displayName: profile.displayName,
    nativeName: profile.nativeName ?? '',
    nameVariants: profile.nameVariants.join('\n'),
    agencyName: profile.agency?.name ?? '',
    agencyType: profile.agency?.type ?? '',
    agencyCity: profile.agency?.city ?? '',
    position: profile.position ?? '',
    timeZone: profile.timeZone,
    languages: languageRowsOf(profile.languages),
    bio: profile.bio ?? '',
    expertise: [...profile.expertise],
    competences: [...profile.competences],
    workingDays: profile.workingDays.map(String),
    workingHoursStart: profile.workingHoursStart,
    workingHoursEnd: profile.workingHoursEnd,
    available24x7: profile.available24x7,
    contacts: profile.contacts.map((contact, key) => ({
      key,
      kind: contact.kind,
      value: contact.value,
      label: contact.label ?? '',
      visibility: contact.visibility,
    })),
  };
}

/**
 * Every field of UpdateProfileInput the form edits: trimmed, empty optionals as null; the lists given replace the
 * stored ones. Contact rows are sent in the form's order, so `contacts.<n>` in an error is the n-th row; empty
 * language rows are left out.
 */
export function toInput(form: ProfileForm): UpdateProfileInput {
  return {
    displayName: form.displayName.trim(),
    nativeName: optional(form.nativeName),
    nameVariants: parseNameVariants(form.nameVariants),
    agency: form.agencyType
      ? { name: form.agencyName.trim(), type: form.agencyType, city: optional(form.agencyCity) }
      : null,
    position: optional(form.position),
    timeZone: form.timeZone,
    languages: toLanguageInput(form.languages),
    bio: optional(form.bio),
    expertise: form.expertise,
    competences: form.competences,
    workingDays: form.workingDays.map(Number).sort((a, b) => a - b),
    workingHoursStart: form.workingHoursStart,
    workingHoursEnd: form.workingHoursEnd,
    available24x7: form.available24x7,
    contacts: form.contacts.map((row) => ({
      kind: row.kind,
      value: row.value.trim(),
      label: optional(row.label),
      visibility: row.visibility,
    })),
  };
}

/**
 * The obvious problems, in the API's own shape and paths (`{ path, code, min, max }`), so they read exactly as the
 * server's would; phone numbers, e-mail addresses and the reference codes are left to the server.
 */
export function validateProfile(form: ProfileForm): FieldError[] {
  const errors: FieldError[] = [];
  const text = textChecker(errors);
  text('displayName', form.displayName, {
    required: true,
    min: PROFILE_LIMITS.nameMin,
    max: PROFILE_LIMITS.name,
  });
  text('nativeName', form.nativeName, { max: PROFILE_LIMITS.name });
  const variants = parseNameVariants(form.nameVariants);
  if (variants.length > PROFILE_LIMITS.nameVariants) {
    errors.push({ path: 'nameVariants', code: 'TOO_MANY', max: PROFILE_LIMITS.nameVariants });
  }
  variants.forEach((variant, index) =>
    text(`nameVariants.${index}`, variant, { min: PROFILE_LIMITS.nameMin, max: PROFILE_LIMITS.name }),
  );
  if (form.agencyType) {
    text('agency.name', form.agencyName, {
      required: true,
      min: PROFILE_LIMITS.nameMin,
      max: PROFILE_LIMITS.name,
    });
    text('agency.city', form.agencyCity, { max: PROFILE_LIMITS.agencyCity });
  }
  text('position', form.position, { max: PROFILE_LIMITS.position });
  errors.push(...validateLanguages(form.languages));
  text('bio', form.bio, { max: PROFILE_LIMITS.bio });
  if (!form.workingHoursStart) {
    errors.push({ path: 'workingHoursStart', code: 'REQUIRED' });
  }
  if (!form.workingHoursEnd) {
    errors.push({ path: 'workingHoursEnd', code: 'REQUIRED' });
  } else if (form.workingHoursEnd === form.workingHoursStart) {
    errors.push({ path: 'workingHoursEnd', code: 'INVALID' });
  }
  if (form.contacts.length > PROFILE_LIMITS.contacts) {
    errors.push({ path: 'contacts', code: 'TOO_MANY', max: PROFILE_LIMITS.contacts });
  }
  form.contacts.forEach((row, index) => {
    text(`contacts.${index}.value`, row.value, {
      required: true,
      min: PROFILE_LIMITS.contactMin,
      max: PROFILE_LIMITS.contact,
    });
    text(`contacts.${index}.label`, row.label, { max: PROFILE_LIMITS.contactLabel });
  });
  return errors;
}

import type { FieldError } from '@web/lib/api-error';
import type { AgencyType, ApplyForMembershipInput } from '@web/lib/graphql/graphql';
import { toLanguageInput, validateLanguages, type LanguageRow } from '@web/lib/language-rows';
import {
  optionalText as optional,
  parseNameVariants,
  PRACTITIONER_LIMITS,
  textChecker,
} from '@web/lib/practitioner-form';

/** The API's limits (apps/api identity.inputs.ts), checked here first so most mistakes never reach the server. */
export const LIMITS = {
  ...PRACTITIONER_LIMITS,
  email: 320,
  passwordMin: 12,
  passwordMax: 256,
  invitationCode: 40,
} as const;

export interface ApplicationForm {
  email: string;
  password: string;
  displayName: string;
  nativeName: string;
  nameVariants: string;
  country: string;
  agencyName: string;
  agencyType: AgencyType | '';
  agencyCity: string;
  position: string;
  timeZone: string;
  languages: LanguageRow[];
  expertise: string[];
  competences: string[];
  invitationCode: string;
}

export function emptyApplication(timeZone: string, invitationCode = ''): ApplicationForm {
  return {
    email: '',
    password: '',
    displayName: '',
    nativeName: '',
    nameVariants: '',
    country: '',
    agencyName: '',
    agencyType: '',
    agencyCity: '',
    position: '',
    timeZone,
    languages: [{ key: 0, code: '', level: '' }],
    expertise: [],
    competences: [],
    invitationCode,
  };
}

// Loose on purpose (the server has the final word): something@something.tld, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The obvious problems, in the API's own shape (`{ path, code, min, max }`), so they are shown exactly as the
 * server's would be. Paths are those of ApplyForMembershipInput; language rows use their index among the rows sent.
 */
export function validateApplication(form: ApplicationForm): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, code: string, limits: { min?: number; max?: number } = {}) =>
    errors.push({ path, code, ...limits });
  const text = textChecker(errors);

  const email = form.email.trim();
  if (!email) {
    add('email', 'REQUIRED');
  } else if (!EMAIL.test(email)) {
    add('email', 'INVALID_EMAIL');
  } else if (email.length > LIMITS.email) {
    add('email', 'TOO_LONG', { max: LIMITS.email });
  }
  if (!form.password) {
    add('password', 'REQUIRED');
  } else if (form.password.length < LIMITS.passwordMin) {
    add('password', 'TOO_SHORT', { min: LIMITS.passwordMin });
  } else if (form.password.length > LIMITS.passwordMax) {
    add('password', 'TOO_LONG', { max: LIMITS.passwordMax });
  }
  text('displayName', form.displayName, { required: true, min: LIMITS.nameMin, max: LIMITS.name });
  text('nativeName', form.nativeName, { max: LIMITS.name });
  const variants = parseNameVariants(form.nameVariants);
  if (variants.length > LIMITS.nameVariants) {
    add('nameVariants', 'TOO_MANY', { max: LIMITS.nameVariants });
  }
  variants.forEach((variant, index) => text(`nameVariants.${index}`, variant, { max: LIMITS.name }));
  if (!form.country) {
    add('country', 'INVALID_COUNTRY');
  }
  text('agencyName', form.agencyName, { required: true, min: LIMITS.nameMin, max: LIMITS.name });
  if (!form.agencyType) {
    add('agencyType', 'REQUIRED');
  }
  text('agencyCity', form.agencyCity, { max: LIMITS.agencyCity });
  text('position', form.position, { max: LIMITS.position });
  errors.push(...validateLanguages(form.languages));
  text('invitationCode', form.invitationCode, { max: LIMITS.invitationCode });
  return errors;
}

/** The mutation's input: trimmed, empty optionals as null, empty language rows left out. */
export function toInput(form: ApplicationForm): ApplyForMembershipInput {
  const variants = parseNameVariants(form.nameVariants);
  return {
    email: form.email.trim(),
    password: form.password,
    displayName: form.displayName.trim(),
    nativeName: optional(form.nativeName),
    nameVariants: variants.length > 0 ? variants : null,
    country: form.country,
    agencyName: form.agencyName.trim(),
    agencyType: form.agencyType as AgencyType,
    agencyCity: optional(form.agencyCity),
    position: optional(form.position),
    timeZone: form.timeZone || null,
    languages: toLanguageInput(form.languages),
    expertise: form.expertise,
    competences: form.competences,
    invitationCode: optional(form.invitationCode),
  };
}

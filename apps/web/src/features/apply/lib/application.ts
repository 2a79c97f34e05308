import type { FieldError } from '@web/lib/api-error';
import type { AgencyType, ApplyForMembershipInput, LanguageLevel } from '@web/lib/graphql/graphql';

export const AGENCY_TYPES: readonly AgencyType[] = [
  'PROSECUTION',
  'POLICE',
  'BORDER',
  'JUDICIARY',
  'MINISTRY',
  'FIU',
  'LABOUR_INSPECTION',
  'OTHER',
];

export const LANGUAGE_LEVELS: readonly LanguageLevel[] = ['NATIVE', 'FLUENT', 'WORKING', 'BASIC'];

/** The API's limits (apps/api identity.inputs.ts), checked here first so most mistakes never reach the server. */
export const LIMITS = {
  email: 320,
  passwordMin: 12,
  passwordMax: 256,
  name: 200,
  nameMin: 2,
  nameVariants: 10,
  agencyCity: 120,
  position: 200,
  invitationCode: 40,
  languages: 20,
} as const;

export interface LanguageRow {
  /** A stable React key: rows are added and removed. */
  key: number;
  code: string;
  level: LanguageLevel | '';
}

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

/** "Navoi, Navoiy\nNawoi" → ["Navoi", "Navoiy", "Nawoi"]: one per line or comma separated, blanks and repeats dropped. */
export function parseNameVariants(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[\n,;]/)
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter((part) => {
      const key = part.toLocaleLowerCase();
      if (!part || seen.has(key)) {
        return false;
      }
      seen.add(key);
      return true;
    });
}

/** Rows left entirely empty are not sent (the form starts with one). */
function filledLanguages(rows: LanguageRow[]): { row: LanguageRow; index: number }[] {
  return rows.map((row, index) => ({ row, index })).filter(({ row }) => row.code || row.level);
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
  const text = (path: string, value: string, { required = false, min = 0, max }: TextRule) => {
    const trimmed = value.trim();
    if (!trimmed) {
      if (required) {
        add(path, 'REQUIRED');
      }
    } else if (trimmed.length < min) {
      add(path, 'TOO_SHORT', { min });
    } else if (trimmed.length > max) {
      add(path, 'TOO_LONG', { max });
    }
  };

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
  const seen = new Set<string>();
  filledLanguages(form.languages).forEach(({ row }, index) => {
    if (!row.code) {
      add(`languages.${index}.code`, 'INVALID_LANGUAGE');
    } else if (seen.has(row.code)) {
      add(`languages.${index}.code`, 'DUPLICATE');
    }
    seen.add(row.code);
    if (!row.level) {
      add(`languages.${index}.level`, 'INVALID_LEVEL');
    }
  });
  text('invitationCode', form.invitationCode, { max: LIMITS.invitationCode });
  return errors;
}

interface TextRule {
  required?: boolean;
  min?: number;
  max: number;
}

/**
 * Errors name language rows by their index in the input sent (`languages.1.code`), which skips empty rows; the form
 * names them by row key, stable while rows are added and removed (`languages.k7.code`).
 */
export function byRowKey(errors: FieldError[], form: ApplicationForm): FieldError[] {
  const keys = filledLanguages(form.languages).map(({ row }) => row.key);
  return errors.map((error) => {
    const match = /^languages\.(\d+)(\..*)?$/.exec(error.path);
    const key = match ? keys[Number(match[1])] : undefined;
    return key === undefined ? error : { ...error, path: `languages.k${key}${match?.[2] ?? ''}` };
  });
}

const optional = (value: string) => value.trim() || null;

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
    languages: filledLanguages(form.languages).map(({ row }) => ({
      code: row.code,
      level: row.level as LanguageLevel,
    })),
    expertise: form.expertise,
    competences: form.competences,
    invitationCode: optional(form.invitationCode),
  };
}

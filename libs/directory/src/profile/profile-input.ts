import { isEmail } from 'class-validator';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { fieldError, FieldErrorCode, type FieldError } from '@app/common';
import { ContactKind, type ContactVisibility, type AgencyType } from '../reference/agency-types';
import type { LanguageLevel } from '../reference/languages';
import type { ReferenceDataService } from '../reference/reference-data.service';

/** A profile change: every field optional; lists replace the stored list when given. */
export interface ProfileChanges {
  displayName?: string;
  nativeName?: string | null;
  nameVariants?: string[];
  position?: string | null;
  agency?: { name: string; type: AgencyType; city?: string | null };
  languages?: { code: string; level: LanguageLevel }[];
  expertise?: string[];
  competences?: string[];
  timeZone?: string;
  workingDays?: number[];
  workingHoursStart?: string;
  workingHoursEnd?: string;
  available24x7?: boolean;
  bio?: string | null;
  contacts?: { kind: ContactKind; value: string; label?: string | null; visibility: ContactVisibility }[];
}

const PHONE_KINDS = new Set([
  ContactKind.PHONE,
  ContactKind.MOBILE,
  ContactKind.FAX,
  ContactKind.SIGNAL,
  ContactKind.WHATSAPP,
]);
const TELEGRAM_HANDLE = /^@[A-Za-z0-9_]{5,32}$/;

export function isTimeZone(zone: string): boolean {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

/** A phone number in E.164 that libphonenumber considers valid for its country. */
export function isE164Phone(value: string): boolean {
  const phone = parsePhoneNumberFromString(value);
  return Boolean(phone?.isValid() && phone.number === value);
}

/**
 * The checks class-validator cannot do alone: codes against the reference data, real time zones, E.164 phones,
 * e-mails by channel kind, one entry per language. Returns the field errors (empty when valid).
 */
export function profileProblems(changes: ProfileChanges, reference: ReferenceDataService): FieldError[] {
  const fields: FieldError[] = [];
  const add = (path: string, code: FieldErrorCode, message: string) =>
    fields.push(fieldError(path, code, message));

  changes.languages?.forEach((language, index) => {
    if (!reference.isLanguage(language.code)) {
      add(`languages.${index}.code`, FieldErrorCode.INVALID_LANGUAGE, 'must be an ISO 639-1 code');
    }
  });
  if (changes.languages && new Set(changes.languages.map((l) => l.code)).size !== changes.languages.length) {
    add('languages', FieldErrorCode.DUPLICATE, 'each language once');
  }
  changes.expertise?.forEach((code, index) => {
    if (!reference.isExpertise(code)) {
      add(`expertise.${index}`, FieldErrorCode.INVALID_EXPERTISE, `unknown expertise area: ${code}`);
    }
  });
  changes.competences?.forEach((code, index) => {
    if (!reference.isCompetence(code)) {
      add(`competences.${index}`, FieldErrorCode.INVALID_COMPETENCE, `unknown competence: ${code}`);
    }
  });
  if (changes.timeZone !== undefined && !isTimeZone(changes.timeZone)) {
    add('timeZone', FieldErrorCode.INVALID_TIME_ZONE, 'must be an IANA time zone such as Asia/Tashkent');
  }
  if (changes.workingDays && new Set(changes.workingDays).size !== changes.workingDays.length) {
    add('workingDays', FieldErrorCode.DUPLICATE, 'each day once');
  }
  if (
    changes.workingHoursStart !== undefined &&
    changes.workingHoursEnd !== undefined &&
    changes.workingHoursStart === changes.workingHoursEnd
  ) {
    add('workingHoursEnd', FieldErrorCode.INVALID, 'must differ from workingHoursStart');
  }
  changes.contacts?.forEach((contact, index) => {
    const field = `contacts.${index}.value`;
    if (contact.kind === ContactKind.EMAIL && !isEmail(contact.value)) {
      add(field, FieldErrorCode.INVALID_EMAIL, 'must be an e-mail address');
    } else if (PHONE_KINDS.has(contact.kind) && !isE164Phone(contact.value)) {
      add(
        field,
        FieldErrorCode.INVALID_PHONE,
        'must be a valid phone number in E.164 format, e.g. +998712345678',
      );
    } else if (
      contact.kind === ContactKind.TELEGRAM &&
      !isE164Phone(contact.value) &&
      !TELEGRAM_HANDLE.test(contact.value)
    ) {
      // A phone number or a handle: a format, not only a phone.
      add(field, FieldErrorCode.INVALID_FORMAT, 'must be a phone number in E.164 format or a @username');
    }
  });
  return fields;
}

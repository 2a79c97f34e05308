import type { FieldError } from './api-error';

/** The API's limits of the fields the application and the profile share (apps/api identity and profile inputs). */
export const PRACTITIONER_LIMITS = {
  nameMin: 2,
  name: 200,
  nameVariants: 10,
  agencyCity: 120,
  position: 200,
} as const;

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

export interface TextRule {
  required?: boolean;
  min?: number;
  max: number;
}

/** A text field's problem in the API's shape (REQUIRED, TOO_SHORT, TOO_LONG of the trimmed value), or undefined. */
export function textProblem(
  path: string,
  value: string,
  { required = false, min = 0, max }: TextRule,
): FieldError | undefined {
  const trimmed = value.trim();
  if (!trimmed) {
    return required ? { path, code: 'REQUIRED' } : undefined;
  }
  if (trimmed.length < min) {
    return { path, code: 'TOO_SHORT', min };
  }
  return trimmed.length > max ? { path, code: 'TOO_LONG', max } : undefined;
}

/** `text(path, value, rule)`: adds the field's problem, if it has one, to `errors`. */
export function textChecker(errors: FieldError[]): (path: string, value: string, rule: TextRule) => void {
  return (path, value, rule) => {
    const problem = textProblem(path, value, rule);
    if (problem) {
      errors.push(problem);
    }
  };
}

/** An optional text as the inputs take it: trimmed, empty as null. */
export const optionalText = (value: string): string | null => value.trim() || null;

import { ApiError, type FieldError } from './api-error';

/** The error shown at `path` (or under it), or undefined. */
export function errorAt(errors: readonly FieldError[], path: string): FieldError | undefined {
  return new ApiError('BAD_USER_INPUT', [...errors]).field(path);
}

/** Errors without those at or under `path`: a field's error goes once the field is changed. */
export function withoutErrorAt(errors: FieldError[], path: string): FieldError[] {
  const kept = errors.filter((error) => error.path !== path && !error.path.startsWith(`${path}.`));
  return kept.length === errors.length ? errors : kept;
}

/** Where a form shows an error and what its summary calls the field; a form lists its slots in its own order. */
export interface ErrorSlot {
  path: string;
  /** Only this exact path (a group such as the language rows), not the paths under it (its rows). */
  exact?: boolean;
  /** The id of the control the summary links to and the focus goes to. */
  target: string;
  label: string;
}

const matches = (slot: ErrorSlot, error: FieldError) =>
  error.path === slot.path || (!slot.exact && error.path.startsWith(`${slot.path}.`));

/**
 * The error summary's items in the form's order: one per slot with an error (`item` words it from the field's label
 * and the error's text), then any error at a path the form does not know (a newer server), said without a link.
 */
export function summaryItems(
  slots: readonly ErrorSlot[],
  errors: readonly FieldError[],
  textOf: (error: FieldError) => string | undefined,
  item: (field: string, message: string) => string,
): { target?: string; text: string }[] {
  return [
    ...slots.flatMap((slot) => {
      const error = errors.find((candidate) => matches(slot, candidate));
      return error ? [{ target: slot.target, text: item(slot.label, textOf(error) ?? '') }] : [];
    }),
    ...errors
      .filter((error) => !slots.some((slot) => matches(slot, error)))
      .map((error) => ({ text: textOf(error) ?? '' })),
  ];
}

/** The control of the first slot, in the form's order, that has one of `errors`; undefined when none has. */
export function firstErrorTarget(
  slots: readonly ErrorSlot[],
  errors: readonly FieldError[],
): string | undefined {
  return slots.find((slot) => errors.some((error) => matches(slot, error)))?.target;
}

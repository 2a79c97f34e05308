import type { FieldError } from '@web/lib/api-error';

/** The API's limits of a reason (apps/api identity.inputs.ts: 3 to 1000 characters, trimmed by the service). */
export const REASON_LIMITS = { min: 3, max: 1000 } as const;

/** A reason's problem in the API's own shape, so it reads as the server's would; undefined when it will do. */
export function reasonProblem(reason: string): FieldError | undefined {
  const trimmed = reason.trim();
  if (!trimmed) {
    return { path: 'reason', code: 'REQUIRED' };
  }
  if (trimmed.length < REASON_LIMITS.min) {
    return { path: 'reason', code: 'TOO_SHORT', min: REASON_LIMITS.min };
  }
  return trimmed.length > REASON_LIMITS.max
    ? { path: 'reason', code: 'TOO_LONG', max: REASON_LIMITS.max }
    : undefined;
}

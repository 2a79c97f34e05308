/**
 * Handling caveats, after Europol SIENA's handling codes. They travel inside the encrypted body: the server never
 * sees them.
 */
export const HANDLING_CAVEATS = [
  'NONE',
  /** Not for use in proceedings without the sender's consent. */
  'INFORMAL_NOT_FOR_JUDICIAL_USE',
  'DO_NOT_DISSEMINATE',
  'FORMAL_REQUEST_TO_FOLLOW',
] as const;

export type HandlingCaveat = (typeof HANDLING_CAVEATS)[number];

export const isHandlingCaveat = (value: unknown): value is HandlingCaveat =>
  typeof value === 'string' && (HANDLING_CAVEATS as readonly string[]).includes(value);

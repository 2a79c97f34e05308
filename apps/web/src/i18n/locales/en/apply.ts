/** Applying for membership and resetting an account with a one-time code. */
export const apply = {};

/**
 * SQL condition for an active member (vetted, vetting not lapsed) on a `member` row aliased `m`; needs the `:now`
 * parameter. The SQL twin of identity's `isActiveMember`.
 */
export const ACTIVE_MEMBER_SQL = `m.status = 'VETTED' AND (m.vetted_until IS NULL OR m.vetted_until > :now)`;

/** Everything the audit chain records. Append-only: new actions may be added, none renamed. */
export enum AuditAction {
  ADMIN_CREATED = 'ADMIN_CREATED',
  MEMBER_APPLIED = 'MEMBER_APPLIED',
  INVITATION_CREATED = 'INVITATION_CREATED',
  MEMBER_APPROVED = 'MEMBER_APPROVED',
  MEMBER_REJECTED = 'MEMBER_REJECTED',
  MEMBER_SUSPENDED = 'MEMBER_SUSPENDED',
  MEMBER_REINSTATED = 'MEMBER_REINSTATED',
  MEMBER_REVOKED = 'MEMBER_REVOKED',
  ROLE_CHANGED = 'ROLE_CHANGED',
  ACCOUNT_RESET_ISSUED = 'ACCOUNT_RESET_ISSUED',
  ACCOUNT_RESET_COMPLETED = 'ACCOUNT_RESET_COMPLETED',
  SIGN_IN_FAILURE_BURST = 'SIGN_IN_FAILURE_BURST',
  SESSION_REVOKED = 'SESSION_REVOKED',
  TOTP_ENABLED = 'TOTP_ENABLED',
  RECOVERY_CODE_USED = 'RECOVERY_CODE_USED',
  PROFILE_EDITED_BY_COORDINATOR = 'PROFILE_EDITED_BY_COORDINATOR',
  /** Staff downloaded the members CSV (data: the filter and the actor's scope). */
  MEMBERS_EXPORTED = 'MEMBERS_EXPORTED',
  /** Staff downloaded the audit log CSV (data: the filter and the actor's scope). */
  AUDIT_EXPORTED = 'AUDIT_EXPORTED',
  /** An operator ran `rekey-totp` (no actor; data: the counts, never a secret or a key). */
  TOTP_REKEYED = 'TOTP_REKEYED',
}

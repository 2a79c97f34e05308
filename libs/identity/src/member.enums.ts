export enum MemberRole {
  MEMBER = 'MEMBER',
  COORDINATOR = 'COORDINATOR',
  ADMIN = 'ADMIN',
}

export enum MemberStatus {
  PENDING = 'PENDING',
  VETTED = 'VETTED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
}

import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MemberEntity, MemberRole, MemberStatus } from '@app/identity';

let sequence = 0;

/** A valid member row with unique e-mail; override any field. Not persisted. */
export function buildMember(overrides: Partial<MemberEntity> = {}): MemberEntity {
  sequence += 1;
  const now = new Date();
  return Object.assign(new MemberEntity(), {
    id: randomUUID(),
    email: `member-${sequence}-${randomUUID().slice(0, 8)}@factory.test`,
    passwordHash: '$argon2id$v=19$m=1024,t=1,p=1$placeholder$placeholder',
    role: MemberRole.MEMBER,
    coordinatorCountries: [],
    status: MemberStatus.VETTED,
    vettedAt: now,
    vettedBy: null,
    vettedUntil: new Date(now.getTime() + 365 * 24 * 3600 * 1000),
    totpSecretEncrypted: null,
    totpKeyId: null,
    totpEnabledAt: null,
    recoveryCodeHashes: [],
    isDemo: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
}

export async function createMember(
  dataSource: DataSource,
  overrides: Partial<MemberEntity> = {},
): Promise<MemberEntity> {
  const member = buildMember(overrides);
  await dataSource.getRepository(MemberEntity).insert(member);
  return member;
}

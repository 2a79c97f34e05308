import { randomUUID } from 'node:crypto';
import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { MemberEntity, MemberRole, MemberStatus } from '@app/identity';

let sequence = 0;

/** Every factory member signs in with this password; its hash is computed once per worker. */
export const FACTORY_PASSWORD = 'factory-password-2026';
let factoryHash: Promise<string> | undefined;

export function factoryPasswordHash(): Promise<string> {
  factoryHash ??= argon2.hash(FACTORY_PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1 });
  return factoryHash;
}

/** A valid member row with a unique e-mail; override any field. Not persisted. */
export function buildMember(passwordHash: string, overrides: Partial<MemberEntity> = {}): MemberEntity {
  sequence += 1;
  const now = new Date();
  return Object.assign(new MemberEntity(), {
    id: randomUUID(),
    email: `member-${sequence}-${randomUUID().slice(0, 8)}@factory.test`,
    passwordHash,
    role: MemberRole.MEMBER,
    coordinatorCountries: [],
    status: MemberStatus.VETTED,
    vettedAt: now,
    vettedBy: null,
    vettedUntil: new Date(now.getTime() + 365 * 24 * 3600 * 1000),
    totpSecretEncrypted: null,
    totpKeyId: null,
    totpEnabledAt: null,
    totpPendingSecretEncrypted: null,
    totpLastStep: null,
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
  const member = buildMember(await factoryPasswordHash(), overrides);
  await dataSource.getRepository(MemberEntity).insert(member);
  return member;
}

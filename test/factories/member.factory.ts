import { randomUUID } from 'node:crypto';
import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { MemberEntity, MemberStatus, newMember } from '@app/identity';

let sequence = 0;

/** Every factory member signs in with this password; its hash is computed once per worker. */
export const FACTORY_PASSWORD = 'factory-password-2026';
let factoryHash: Promise<string> | undefined;

export function factoryPasswordHash(): Promise<string> {
  factoryHash ??= passwordHashOf(FACTORY_PASSWORD);
  return factoryHash;
}

/** An argon2id hash of `password` at the tests' cheap cost, for a member with a password of their own. */
export function passwordHashOf(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1 });
}

/** A valid member row with a unique e-mail; override any field. Not persisted. */
export function buildMember(passwordHash: string, overrides: Partial<MemberEntity> = {}): MemberEntity {
  sequence += 1;
  const now = new Date();
  return newMember({
    id: randomUUID(),
    email: `member-${sequence}-${randomUUID().slice(0, 8)}@factory.test`,
    passwordHash,
    status: MemberStatus.VETTED,
    vettedAt: now,
    vettedUntil: new Date(now.getTime() + 365 * 24 * 3600 * 1000),
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

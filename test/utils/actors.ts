import { ContactKind, ContactVisibility } from '@app/directory';
import { MemberRole, MemberStatus, type MemberEntity } from '@app/identity';
import { createPractitioner } from '../factories/practitioner.factory';
import type { TestApp } from './create-test-app';
import { openSession } from './sessions';

/** The callers of the access-control matrix. */
export const ROLES = [
  'anonymous',
  'pending',
  'vetted',
  'expired',
  'coordinatorInScope',
  'coordinatorOutOfScope',
  'suspended',
  'admin',
] as const;
export type RoleName = (typeof ROLES)[number];

export interface TestActor {
  member: MemberEntity | null;
  token: string | undefined;
}

const DAY = 24 * 3600 * 1000;

const MEMBER_SHAPES: Record<Exclude<RoleName, 'anonymous'>, Partial<MemberEntity>> = {
  pending: { status: MemberStatus.PENDING, vettedAt: null, vettedUntil: null },
  vetted: {},
  expired: { vettedUntil: new Date(Date.now() - DAY) },
  coordinatorInScope: { role: MemberRole.COORDINATOR, coordinatorCountries: ['UZ', 'TJ'] },
  coordinatorOutOfScope: { role: MemberRole.COORDINATOR, coordinatorCountries: ['KZ'] },
  suspended: { status: MemberStatus.SUSPENDED },
  admin: { role: MemberRole.ADMIN },
};

/** A signed-in caller of the given kind, with a UZ practitioner profile (coordinators: their first country). */
export async function createActor(api: TestApp, role: RoleName): Promise<TestActor> {
  if (role === 'anonymous') {
    return { member: null, token: undefined };
  }
  const shape = MEMBER_SHAPES[role];
  const { member } = await createPractitioner(api.dataSource, {
    member: shape,
    profile: { country: shape.coordinatorCountries?.[0] ?? 'UZ' },
  });
  const { accessToken } = await openSession(api.dataSource, member, api.config.auth);
  return { member, token: accessToken };
}

/** A practitioner in Uzbekistan with a member-visible and a coordinator-only contact. */
export function createTarget(api: TestApp, member: Partial<MemberEntity> = {}) {
  return createPractitioner(api.dataSource, {
    member,
    profile: { country: 'UZ' },
    contacts: [
      {
        kind: ContactKind.EMAIL,
        value: `office-${Date.now()}@target.test`,
        visibility: ContactVisibility.MEMBERS,
      },
      { kind: ContactKind.MOBILE, value: '+998901234567', visibility: ContactVisibility.COORDINATORS },
    ],
  });
}

/** The error code of a GraphQL response, or 'OK' when it has data and no errors. */
export function outcomeOf(body: { data?: unknown; errors?: { extensions?: { code?: string } }[] }): string {
  if (body.errors?.length) {
    return body.errors[0].extensions?.code ?? 'NO_CODE';
  }
  return body.data ? 'OK' : 'NO_DATA';
}

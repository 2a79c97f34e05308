import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { authConfig, type AuthConfig } from '@app/config';
import { AccessTokenService, SessionEntity, type MemberEntity } from '@app/identity';

/**
 * Opens a session for a member directly in the database and signs its access token as the API does, for tests that
 * need a signed-in caller without going through signIn (e.g. against a separately started process, which uses the
 * development keys unless told otherwise).
 */
export async function openSession(
  dataSource: DataSource,
  member: Pick<MemberEntity, 'id' | 'role'>,
  auth: AuthConfig = authConfig.parse({}),
): Promise<{ accessToken: string; sessionId: string }> {
  const now = new Date();
  const sessionId = randomUUID();
  await dataSource.getRepository(SessionEntity).insert({
    id: sessionId,
    memberId: member.id,
    deviceLabel: 'test',
    ip: null,
    createdAt: now,
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + 24 * 3600 * 1000),
    revokedAt: null,
    revokedReason: null,
  });
  const { token } = new AccessTokenService(auth).sign({ sub: member.id, sid: sessionId, role: member.role });
  return { accessToken: token, sessionId };
}

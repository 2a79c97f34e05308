import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuthConfig } from '@app/config';
import { generateDeviceKeys, registrationOf, type DeviceKeyPairs } from '@app/crypto';
import { AccessTokenService, MemberStatus, newMember, SessionEntity, MemberEntity } from '@app/identity';
import {
  ConversationEntity,
  ConversationKind,
  DeviceEntity,
  ParticipantEntity,
  ParticipantRole,
} from '@app/messaging';

export interface BenchMember {
  id: string;
  token: string;
  deviceId: string;
  /** The device's key pairs (only the public halves are in the database). */
  keys: DeviceKeyPairs;
  /** Index of the member's room in `rooms`. */
  room: number;
}

export interface Population {
  members: BenchMember[];
  /** Conversation ids, one per room. */
  rooms: string[];
}

const CHUNK = 200;

async function insertChunked<T extends object>(
  dataSource: DataSource,
  entity: new () => T,
  rows: T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await dataSource.getRepository(entity).insert(rows.slice(i, i + CHUNK));
  }
}

/**
 * Vetted members with a session, a device (real key pairs) and a signed access token, in group conversations of `roomSize` (directly
 * in the database: the benchmark measures chat, not sign-in).
 */
export async function createPopulation(
  dataSource: DataSource,
  auth: AuthConfig,
  count: number,
  roomSize: number,
): Promise<Population> {
  const now = new Date();
  const tokens = new AccessTokenService(auth);
  const members: BenchMember[] = [];
  const memberRows: MemberEntity[] = [];
  const sessions: SessionEntity[] = [];
  const devices: DeviceEntity[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = randomUUID();
    const sessionId = randomUUID();
    const deviceId = randomUUID();
    const keys = generateDeviceKeys();
    memberRows.push(
      newMember(
        {
          id,
          email: `bench-${i}-${id.slice(0, 8)}@bench.counterpart.example`,
          passwordHash: 'not-a-password',
          status: MemberStatus.VETTED,
          vettedAt: now,
        },
        now,
      ),
    );
    sessions.push(
      Object.assign(new SessionEntity(), {
        id: sessionId,
        memberId: id,
        deviceLabel: 'bench',
        ip: null,
        createdAt: now,
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + 24 * 3600_000),
        revokedAt: null,
        revokedReason: null,
      }),
    );
    devices.push(
      Object.assign(new DeviceEntity(), {
        id: deviceId,
        memberId: id,
        name: 'bench',
        ...registrationOf(keys),
        createdAt: now,
        revokedAt: null,
      }),
    );
    const { token } = tokens.sign({ sub: id, sid: sessionId, role: 'MEMBER' });
    members.push({ id, token, deviceId, keys, room: Math.floor(i / roomSize) });
  }
  const rooms: string[] = [];
  const conversations: ConversationEntity[] = [];
  const participants: ParticipantEntity[] = [];
  for (let room = 0; room * roomSize < count; room += 1) {
    const id = randomUUID();
    rooms.push(id);
    const inRoom = members.filter((member) => member.room === room);
    conversations.push(
      Object.assign(new ConversationEntity(), {
        id,
        kind: ConversationKind.GROUP,
        title: `Bench room ${room}`,
        directKey: null,
        createdBy: inRoom[0].id,
        createdAt: now,
        lastSeq: 0,
        lastActivityAt: now,
      }),
    );
    inRoom.forEach((member, index) =>
      participants.push(
        Object.assign(new ParticipantEntity(), {
          conversationId: id,
          memberId: member.id,
          role: index === 0 ? ParticipantRole.OWNER : ParticipantRole.MEMBER,
          joinedAt: now,
          leftAt: null,
          readSeq: 0,
          lastVisibleSeq: null,
        }),
      ),
    );
  }
  await insertChunked(dataSource, MemberEntity, memberRows);
  await insertChunked(dataSource, SessionEntity, sessions);
  await insertChunked(dataSource, DeviceEntity, devices);
  await insertChunked(dataSource, ConversationEntity, conversations);
  await insertChunked(dataSource, ParticipantEntity, participants);
  return { members, rooms };
}

import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { authConfig } from '@app/config';
import { TransactionService } from '@app/database';
import { AuthAttemptEntity, RefreshTokenEntity, SessionEntity, SessionRetentionService } from '@app/identity';
import { createMember } from '../factories/member.factory';
import { openTestDataSource } from '../utils/test-database';

const DAY = 86_400_000;
const NOW = new Date('2026-12-02T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

describe(SessionRetentionService.name, () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let retention: SessionRetentionService;

  beforeEach(async () => {
    ({ dataSource, close } = await openTestDataSource());
    const auth = authConfig.parse({ SESSION_RETENTION_DAYS: '90', REFRESH_TOKEN_TTL_DAYS: '30' });
    retention = new SessionRetentionService(new TransactionService(dataSource), auth);
  });

  afterEach(() => close());

  /** A session of a fresh member with one current and one rotated refresh token. */
  async function session(fields: { createdAt: Date; expiresAt: Date; revokedAt?: Date; rotatedAt?: Date }) {
    const member = await createMember(dataSource);
    const id = randomUUID();
    await dataSource.getRepository(SessionEntity).insert({
      id,
      memberId: member.id,
      deviceLabel: 'Office PC',
      ip: '10.0.0.7',
      createdAt: fields.createdAt,
      lastUsedAt: fields.createdAt,
      expiresAt: fields.expiresAt,
      revokedAt: fields.revokedAt ?? null,
      revokedReason: fields.revokedAt ? 'SIGNED_OUT' : null,
    });
    const tokens = dataSource.getRepository(RefreshTokenEntity);
    await tokens.insert({
      tokenHash: randomUUID().replace(/-/g, ''),
      sessionId: id,
      createdAt: fields.createdAt,
    });
    await tokens.insert({
      tokenHash: randomUUID().replace(/-/g, ''),
      sessionId: id,
      createdAt: fields.createdAt,
      rotatedAt: fields.rotatedAt ?? fields.createdAt,
    });
    return id;
  }

  const remainingSessions = async () =>
    (await dataSource.getRepository(SessionEntity).find()).map((row) => row.id).sort();

  it('should delete sessions that ended before the retention period, with their tokens, and keep the rest', async () => {
    const signedOutLongAgo = await session({
      createdAt: daysAgo(200),
      expiresAt: daysAgo(100),
      revokedAt: daysAgo(120),
    });
    const expiredLongAgo = await session({ createdAt: daysAgo(150), expiresAt: daysAgo(91) });
    const signedOutRecently = await session({
      createdAt: daysAgo(60),
      expiresAt: daysAgo(-10),
      revokedAt: daysAgo(10),
    });
    const live = await session({ createdAt: daysAgo(5), expiresAt: daysAgo(-25), rotatedAt: daysAgo(1) });

    const result = await retention.prune(NOW);

    expect(await remainingSessions()).toEqual([signedOutRecently, live].sort());
    expect(result.sessions).toBe(2);
    const tokens = await dataSource.getRepository(RefreshTokenEntity).find();
    expect(tokens.map((t) => t.sessionId)).not.toContain(signedOutLongAgo);
    expect(tokens.map((t) => t.sessionId)).not.toContain(expiredLongAgo);
    // The live session keeps its current token and its recently rotated one (reuse detection still needs it).
    expect(tokens.filter((t) => t.sessionId === live)).toHaveLength(2);
  });

  it('should keep every rotated token of a live session, however old: replaying one still ends the session', async () => {
    const live = await session({ createdAt: daysAgo(400), expiresAt: daysAgo(-20), rotatedAt: daysAgo(300) });

    const result = await retention.prune(NOW);

    expect(await dataSource.getRepository(RefreshTokenEntity).countBy({ sessionId: live })).toBe(2);
    expect(result).toMatchObject({ sessions: 0, refreshTokens: 0 });
  });

  it('should delete any number of ended sessions, a batch per transaction', async () => {
    const member = await createMember(dataSource);
    const ended = Array.from({ length: 1_234 }, () => ({
      id: randomUUID(),
      memberId: member.id,
      deviceLabel: null,
      ip: '10.0.0.8',
      createdAt: daysAgo(300),
      lastUsedAt: daysAgo(300),
      expiresAt: daysAgo(200),
      revokedAt: null,
      revokedReason: null,
    }));
    for (let i = 0; i < ended.length; i += 200) {
      await dataSource.getRepository(SessionEntity).insert(ended.slice(i, i + 200));
    }

    const result = await retention.prune(NOW);

    expect(result.sessions).toBe(1_234);
    expect(await dataSource.getRepository(SessionEntity).countBy({ memberId: member.id })).toBe(0);
  });

  it('should delete throttle counters whose window and block are over, never an active block', async () => {
    const attempts = dataSource.getRepository(AuthAttemptEntity);
    await attempts.insert([
      { key: `ip:old:${randomUUID()}`, failures: 3, windowStartedAt: daysAgo(2), blockedUntil: null },
      {
        key: `ip:blocked:${randomUUID()}`,
        failures: 9,
        windowStartedAt: daysAgo(2),
        blockedUntil: daysAgo(-1),
      },
      { key: `ip:open:${randomUUID()}`, failures: 1, windowStartedAt: NOW, blockedUntil: null },
    ]);

    const result = await retention.prune(NOW);

    const left = (await attempts.find()).map((row) => row.key.split(':')[1]).sort();
    expect(left).toEqual(['blocked', 'open']);
    expect(result.throttleCounters).toBe(1);
  });

  it('should change nothing when run again (idempotent, safe on several API nodes)', async () => {
    await session({ createdAt: daysAgo(200), expiresAt: daysAgo(100), revokedAt: daysAgo(120) });
    await retention.prune(NOW);
    expect(await retention.prune(NOW)).toEqual({ sessions: 0, refreshTokens: 0, throttleCounters: 0 });
  });
});

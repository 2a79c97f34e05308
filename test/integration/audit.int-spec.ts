import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TransactionService } from '@app/database';
import { AuditAction, AuditEntryEntity, AuditService } from '@app/identity';
import { disableAuditGuards } from '../utils/audit';
import { openTestDataSource } from '../utils/test-database';

describe(AuditService.name, () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let audit: AuditService;

  beforeEach(async () => {
    ({ dataSource, close } = await openTestDataSource());
    audit = new AuditService(dataSource, new TransactionService(dataSource));
  });

  afterEach(() => close());

  const record = (i: number) =>
    audit.record({
      actorId: randomUUID(),
      action: AuditAction.MEMBER_APPROVED,
      targetId: randomUUID(),
      country: i % 2 ? 'UZ' : 'KZ',
      reason: `decision ${i}`,
      data: { vettedUntil: '2028-11-29T00:00:00.000Z', n: i },
    });

  it('should never fork the chain under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => record(i)));
    const seqs = (await dataSource.getRepository(AuditEntryEntity).find({ order: { seq: 'ASC' } })).map(
      (e) => e.seq,
    );
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await audit.verify()).toMatchObject({ valid: true, length: 40, firstBrokenSeq: null });
  });

  it('should store `at` as ISO milliseconds in UTC and data as canonical JSON', async () => {
    const entry = await audit.record({
      actorId: null,
      action: AuditAction.ROLE_CHANGED,
      data: { to: 'COORDINATOR', countries: ['UZ'], from: 'MEMBER' },
    });
    const stored = await dataSource.getRepository(AuditEntryEntity).findOneByOrFail({ seq: entry.seq });
    expect(stored.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(stored.data).toBe('{"countries":["UZ"],"from":"MEMBER","to":"COORDINATOR"}');
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should refuse updates and deletes of entries in the database itself', async () => {
    await record(1);
    await expect(
      dataSource.query(`UPDATE audit_entry SET reason = 'rewritten' WHERE seq = 1`),
    ).rejects.toThrow(/append-only/);
    await expect(dataSource.query('DELETE FROM audit_entry WHERE seq = 1')).rejects.toThrow(/append-only/);
  });

  it('should find the first broken seq after a direct edit of a row', async () => {
    for (let i = 1; i <= 6; i += 1) {
      await record(i);
    }
    await disableAuditGuards(dataSource);
    await dataSource.query(`UPDATE audit_entry SET reason = 'quietly rewritten' WHERE seq = 4`);
    expect(await audit.verify()).toMatchObject({ valid: false, length: 6, firstBrokenSeq: 4 });
  });

  it('should find a deleted row', async () => {
    for (let i = 1; i <= 5; i += 1) {
      await record(i);
    }
    await disableAuditGuards(dataSource);
    await dataSource.query('DELETE FROM audit_entry WHERE seq = 2');
    expect(await audit.verify()).toMatchObject({ valid: false, firstBrokenSeq: 2 });
  });

  it('should list newest first, filtered by country scope', async () => {
    for (let i = 1; i <= 6; i += 1) {
      await record(i);
    }
    const { entries, hasMore } = await audit.list({ countries: ['UZ'], limit: 2 });
    expect(entries.map((e) => e.seq)).toEqual([5, 3]);
    expect(hasMore).toBe(true);
    const next = await audit.list({ countries: ['UZ'], limit: 2, beforeSeq: 3 });
    expect(next.entries.map((e) => e.seq)).toEqual([1]);
    expect((await audit.list({ countries: [], limit: 10 })).entries).toEqual([]);
  });
});

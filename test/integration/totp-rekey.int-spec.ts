import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { authConfig } from '@app/config';
import { TransactionService } from '@app/database';
import {
  AuditAction,
  AuditEntryEntity,
  AuditService,
  KeyRingCipher,
  MemberEntity,
  TotpRekeyService,
} from '@app/identity';
import { createMember } from '../factories/member.factory';
import { openTestDataSource } from '../utils/test-database';

const T0 = { id: 't0', secret: 'z'.repeat(40) };
const T1 = { id: 't1', secret: 'o'.repeat(40) };
const T2 = { id: 't2', secret: 'n'.repeat(40) };

const plainSecret = () => randomBytes(10).toString('hex').toUpperCase();

describe(TotpRekeyService.name, () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ dataSource, close } = await openTestDataSource());
  });

  afterEach(() => close());

  /** The service as the CLI gets it after the rotation: t2 current, t1 retired but still in the ring. */
  const rotatedService = () => {
    const transactions = new TransactionService(dataSource);
    const auth = authConfig.parse({
      TOTP_KEY_ID: T2.id,
      TOTP_ENCRYPTION_KEY: T2.secret,
      TOTP_PREVIOUS_KEYS: `${T1.id}:${T1.secret}`,
    });
    return new TotpRekeyService(transactions, new AuditService(dataSource, transactions), auth);
  };
  const enabledUnder = (key: typeof T1, secret: string) => {
    const sealed = new KeyRingCipher([key], 'totp').seal(secret);
    return createMember(dataSource, {
      totpSecretEncrypted: sealed.value,
      totpKeyId: sealed.keyId,
      totpEnabledAt: new Date(),
    });
  };
  const stored = (id: string) => dataSource.getRepository(MemberEntity).findOneByOrFail({ id });

  it('should re-encrypt old secrets under the current key, in batches, and count every kind', async () => {
    const secrets = [plainSecret(), plainSecret(), plainSecret()];
    const olds = [await enabledUnder(T1, secrets[0]), await enabledUnder(T1, secrets[1])];
    const pending = await createMember(dataSource, {
      totpPendingSecretEncrypted: new KeyRingCipher([T1], 'totp').seal(secrets[2]).value,
    });
    const current = await enabledUnder(T2, plainSecret());
    const lost = await enabledUnder(T0, plainSecret());
    await createMember(dataSource);

    const report = await rotatedService().rekeyAll(2);

    expect(report).toEqual({ reencrypted: 3, alreadyCurrent: 1, unreadable: 1 });
    // Readable with the new key alone: t1 can leave the ring.
    const newKeyOnly = new KeyRingCipher([T2], 'totp');
    for (const [index, member] of olds.entries()) {
      const after = await stored(member.id);
      expect(after.totpKeyId).toBe('t2');
      expect(newKeyOnly.open(after.totpSecretEncrypted as string)).toBe(secrets[index]);
    }
    expect(newKeyOnly.open((await stored(pending.id)).totpPendingSecretEncrypted as string)).toBe(secrets[2]);
    expect((await stored(current.id)).totpSecretEncrypted).toBe(current.totpSecretEncrypted);
    expect(await stored(lost.id)).toMatchObject({
      totpSecretEncrypted: lost.totpSecretEncrypted,
      totpKeyId: 't0',
    });

    const [entry] = await dataSource
      .getRepository(AuditEntryEntity)
      .findBy({ action: AuditAction.TOTP_REKEYED });
    expect(entry).toMatchObject({ actorId: null, targetId: null });
    expect(JSON.parse(entry.data)).toEqual({ reencrypted: 3, alreadyCurrent: 1, unreadable: 1 });
  });

  it('should change nothing on a second run', async () => {
    const member = await enabledUnder(T1, plainSecret());
    const service = rotatedService();
    await service.rekeyAll();
    const first = (await stored(member.id)).totpSecretEncrypted;

    expect(await service.rekeyAll()).toEqual({ reencrypted: 0, alreadyCurrent: 1, unreadable: 0 });
    expect((await stored(member.id)).totpSecretEncrypted).toBe(first);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DeviceEntity } from '@app/messaging';

/** A registered device of a member with random public keys (as a client would register). Override any field. */
export async function createDevice(
  dataSource: DataSource,
  memberId: string,
  seed: Partial<DeviceEntity> = {},
): Promise<DeviceEntity> {
  const device = Object.assign(new DeviceEntity(), {
    id: randomUUID(),
    memberId,
    name: 'Test laptop',
    identityKey: randomBytes(32).toString('base64'),
    encryptionKey: randomBytes(32).toString('base64'),
    createdAt: new Date(),
    revokedAt: null,
    ...seed,
  });
  await dataSource.getRepository(DeviceEntity).insert(device);
  return device;
}

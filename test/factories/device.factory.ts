import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { generateDeviceKeys, registrationOf, type DeviceKeyPairs } from '@app/crypto';
import { DeviceEntity } from '@app/messaging';

export type TestDevice = DeviceEntity & { keys: DeviceKeyPairs };

/**
 * A registered device of a member, as a client registers it: fresh key pairs, only the public keys (and their
 * binding signature) stored. The
 * private keys come back in `keys` for the test's clients. Override any column.
 */
export async function createDevice(
  dataSource: DataSource,
  memberId: string,
  seed: Partial<DeviceEntity> = {},
): Promise<TestDevice> {
  const keys = generateDeviceKeys();
  const device = Object.assign(new DeviceEntity(), {
    id: randomUUID(),
    memberId,
    name: 'Test laptop',
    ...registrationOf(keys),
    createdAt: new Date(),
    revokedAt: null,
    ...seed,
  });
  await dataSource.getRepository(DeviceEntity).insert(device);
  return Object.assign(device, { keys });
}

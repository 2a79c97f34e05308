import type { DatabaseConfig } from '@app/config';
import type { DeviceKeyPairs } from '@app/crypto';
import type { MemberEntity } from '@app/identity';
import { createDevice } from '../factories/device.factory';
import { createMember } from '../factories/member.factory';
import { openSession } from './sessions';
import { connectDataSource } from './test-database';

/** A chat user of a spawned server: member id, access token, device id and the device's private keys. */
export interface RemoteChatUser {
  id: string;
  token: string;
  deviceId: string;
  keys: DeviceKeyPairs;
}

/**
 * Vetted members with a session and a registered device, written into the database a spawned server uses (through
 * a data source of the test's own, closed again).
 */
export async function remoteChatUsers(
  config: DatabaseConfig,
  count: number,
  member: Partial<MemberEntity> = {},
): Promise<RemoteChatUser[]> {
  const dataSource = await connectDataSource(config);
  try {
    const users: RemoteChatUser[] = [];
    for (let i = 0; i < count; i += 1) {
      const created = await createMember(dataSource, member);
      const { accessToken } = await openSession(dataSource, created);
      const device = await createDevice(dataSource, created.id);
      users.push({ id: created.id, token: accessToken, deviceId: device.id, keys: device.keys });
    }
    return users;
  } finally {
    await dataSource.destroy();
  }
}

/** One GraphQL request over HTTP to a spawned API (with the CSRF-prevention header Apollo requires). */
export async function postGraphql<T = Record<string, { id: string }>>(
  url: string,
  token: string,
  query: string,
  variables: object = {},
): Promise<{ data?: T; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: unknown[] };
}

import { generateDeviceKeys, registrationOf } from '@app/crypto';
import type { Api } from './api';

const REGISTER_DEVICE =
  'mutation Register($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }';

/** A device registered for the member as a program would register one (keys made here, public halves sent). */
export async function registerDevice(api: Api, token: string, name: string): Promise<string> {
  const answer = await api.graphql<{ registerDevice: { id: string } }>(token, REGISTER_DEVICE, {
    input: { ...registrationOf(generateDeviceKeys()), name },
  });
  return answer.registerDevice.id;
}

/** The member's devices as the API lists them (revoked ones included). */
export async function devicesOf(
  api: Api,
  token: string,
  memberId: string,
): Promise<{ id: string; name: string; revokedAt: string | null }[]> {
  const answer = await api.graphql<{ devices: { id: string; name: string; revokedAt: string | null }[] }>(
    token,
    'query Devices($memberId: ID!) { devices(memberId: $memberId) { id name revokedAt } }',
    { memberId },
  );
  return answer.devices;
}

/** Revokes one of the member's devices, as the devices screen (or a wipe at sign-out) does. */
export async function revokeDevice(api: Api, token: string, id: string): Promise<void> {
  await api.graphql(token, 'mutation Revoke($id: ID!) { revokeDevice(id: $id) { id } }', { id });
}

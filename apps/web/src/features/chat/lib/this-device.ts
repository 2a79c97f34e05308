import type { BrowserDeviceVault } from '@app/client/browser';
import { ApiError } from '@web/lib/api-error';

/** What `registerDevice` takes. */
export interface DeviceRegistrationInput {
  name: string;
  identityKey: string;
  encryptionKey: string;
  keySignature: string;
}

/** The two API calls a device's registration needs (GraphQL in the page, a fake in tests). */
export interface DeviceRegistry {
  register(input: DeviceRegistrationInput): Promise<string>;
  devices(): Promise<Array<{ id: string; identityKey: string; revokedAt: string | null }>>;
}

export const DEVICE_NAME_MAX = 100;

/**
 * Registers this browser's keys as one of the member's devices, once. When the answer is lost (the link dropped after
 * the server stored it) or the server says these keys are already registered, the member's devices are read and the
 * one with this identity key is adopted: a retry never leaves a second device behind, nor a device this browser does
 * not know it has.
 */
export async function setUpThisDevice(
  vault: Pick<BrowserDeviceVault, 'deviceId' | 'registration' | 'setDeviceId'>,
  name: string,
  registry: DeviceRegistry,
): Promise<string> {
  if (vault.deviceId) {
    return vault.deviceId;
  }
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > DEVICE_NAME_MAX) {
    throw new ApiError('BAD_USER_INPUT', [
      { path: 'name', code: trimmed.length === 0 ? 'REQUIRED' : 'TOO_LONG', max: DEVICE_NAME_MAX },
    ]);
  }
  const registration = await vault.registration();
  let deviceId: string;
  try {
    deviceId = await registry.register({ name: trimmed, ...registration });
  } catch (error) {
    const maybeStored =
      error instanceof ApiError &&
      (error.code === 'NETWORK' || error.field('identityKey')?.code === 'DUPLICATE');
    const adopted = maybeStored
      ? (await registry.devices().catch(() => [])).find(
          (device) => device.identityKey === registration.identityKey && device.revokedAt === null,
        )
      : undefined;
    if (!adopted) {
      throw error;
    }
    deviceId = adopted.id;
  }
  await vault.setDeviceId(deviceId);
  return deviceId;
}

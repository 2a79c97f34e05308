import { describe, expect, it } from 'vitest';
import { ApiError } from '@web/lib/api-error';
import { setUpThisDevice, type DeviceRegistry } from './this-device';

const REGISTRATION = { identityKey: 'id-key', encryptionKey: 'enc-key', keySignature: 'sig' };

function fakeVault(deviceId: string | null = null) {
  const vault = {
    deviceId,
    registration: () => Promise.resolve(REGISTRATION),
    setDeviceId: (id: string) => {
      vault.deviceId = id;
      return Promise.resolve();
    },
  };
  return vault;
}

function registry(
  register: DeviceRegistry['register'],
  devices: Awaited<ReturnType<DeviceRegistry['devices']>> = [],
): DeviceRegistry & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    register: (input) => {
      calls.push(`register ${input.name}`);
      return register(input);
    },
    devices: () => {
      calls.push('devices');
      return Promise.resolve(devices);
    },
  };
}

describe('setUpThisDevice', () => {
  it('should register the keys once under the trimmed name and keep the id', async () => {
    const vault = fakeVault();
    const api = registry((input) => {
      expect(input).toEqual({ name: 'Office PC', ...REGISTRATION });
      return Promise.resolve('device-1');
    });
    await expect(setUpThisDevice(vault, '  Office PC ', api)).resolves.toBe('device-1');
    expect(vault.deviceId).toBe('device-1');
    await expect(setUpThisDevice(vault, 'Office PC', api)).resolves.toBe('device-1');
    expect(api.calls).toEqual(['register Office PC']);
  });

  it('should adopt the device with these keys when the answer was lost, never registering a second', async () => {
    const vault = fakeVault();
    const api = registry(
      () => Promise.reject(new ApiError('NETWORK')),
      [
        { id: 'old', identityKey: 'id-key', revokedAt: '2026-01-01T00:00:00Z' },
        { id: 'device-2', identityKey: 'id-key', revokedAt: null },
      ],
    );
    await expect(setUpThisDevice(vault, 'Laptop', api)).resolves.toBe('device-2');
    expect(vault.deviceId).toBe('device-2');
    expect(api.calls).toEqual(['register Laptop', 'devices']);
  });

  it('should refuse an empty or too long name before anything is sent, and pass on other refusals', async () => {
    const api = registry(() => Promise.reject(new ApiError('FORBIDDEN')));
    await expect(setUpThisDevice(fakeVault(), '   ', api)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'name', code: 'REQUIRED' }],
    });
    await expect(setUpThisDevice(fakeVault(), 'x'.repeat(101), api)).rejects.toMatchObject({
      fields: [{ path: 'name', code: 'TOO_LONG' }],
    });
    expect(api.calls).toEqual([]);
    const vault = fakeVault();
    await expect(setUpThisDevice(vault, 'PC', api)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(vault.deviceId).toBeNull();
    expect(api.calls).toEqual(['register PC']);
  });
});

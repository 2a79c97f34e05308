import 'fake-indexeddb/auto';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserDeviceVault, openDeviceDatabase, type DeviceRecord } from '@app/client/browser';
import { i18next } from '@web/i18n';
import { fakeClient, renderAt, type Resolver } from '@web/test/fake-client';
import { DevicesPage } from './devices-page';

const MEMBER = vi.hoisted(() => crypto.randomUUID());

vi.mock('@web/lib/use-session', () => ({
  useSession: () => ({
    status: 'signed-in',
    accessToken: 'token',
    expiresAt: Date.now() + 60_000,
    member: { id: MEMBER, role: 'MEMBER', status: 'VETTED' },
  }),
}));

const device = (id: string, name: string, createdAt: string, revokedAt: string | null = null) => ({
  __typename: 'Device',
  id,
  name,
  createdAt,
  revokedAt,
});

/** A server with these devices: revokeDevice marks one revoked, as the API does (NOT_FOUND for an unknown id). */
function server(initial: ReturnType<typeof device>[]) {
  let devices = [...initial];
  const resolve: Resolver = (operation, variables) => {
    if (operation === 'AccountDevices') {
      expect(variables).toEqual({ memberId: MEMBER });
      return { data: { devices } };
    }
    if (operation === 'AccountRevokeDevice') {
      if (!devices.some((candidate) => candidate.id === variables.id)) {
        return { errors: [{ extensions: { code: 'NOT_FOUND' } }] };
      }
      devices = devices.map((candidate) =>
        candidate.id === variables.id ? { ...candidate, revokedAt: '2026-06-01T10:00:00.000Z' } : candidate,
      );
      return {
        data: {
          revokeDevice: { __typename: 'Device', id: variables.id, revokedAt: '2026-06-01T10:00:00.000Z' },
        },
      };
    }
    throw new Error(`unexpected ${operation}`);
  };
  return fakeClient(resolve);
}

/** This browser holds a device for the member, registered as `deviceId` (its keys do not matter here). */
async function thisBrowserIs(deviceId: string) {
  const database = await openDeviceDatabase(MEMBER);
  const record = { v: 1, deviceId, createdAt: Date.now(), keys: {} } as unknown as DeviceRecord;
  await database.put('device', record, 'device');
  database.close();
}

const headingsIn = (element: HTMLElement) =>
  within(element)
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent);

describe(DevicesPage.name, () => {
  afterEach(async () => {
    await BrowserDeviceVault.wipe(MEMBER);
    await i18next.changeLanguage('en');
  });

  it('should show this browser first, the other devices newest first, and the revoked ones apart', async () => {
    await thisBrowserIs('here');
    const { client } = server([
      device('old', 'Home laptop', '2026-03-01T08:00:00.000Z'),
      device('here', 'Office PC', '2026-04-01T08:00:00.000Z'),
      device('new', 'Phone', '2026-05-01T08:00:00.000Z'),
      device('gone', 'Old phone', '2026-01-01T08:00:00.000Z', '2026-02-01T08:00:00.000Z'),
    ]);
    renderAt(client, '/devices', <DevicesPage />);

    const thisBrowser = await screen.findByRole('region', { name: 'This browser' });
    expect(headingsIn(thisBrowser)).toEqual(['Office PC']);
    expect(headingsIn(screen.getByRole('list', { name: 'Devices' }))).toEqual(['Phone', 'Home laptop']);
    const revoked = screen.getByRole('list', { name: '1 revoked device' });
    expect(headingsIn(revoked)).toEqual(['Old phone']);
    expect(within(revoked).queryByRole('button')).not.toBeInTheDocument();
  });

  it('should ask before revoking another device, then revoke only that one', async () => {
    await thisBrowserIs('here');
    const { client, mutations } = server([
      device('here', 'Office PC', '2026-04-01T08:00:00.000Z'),
      device('lost', 'Phone', '2026-05-01T08:00:00.000Z'),
    ]);
    renderAt(client, '/devices', <DevicesPage />);

    await userEvent.click(await screen.findByRole('button', { name: /^Revoke: Phone, keys registered/ }));
    const dialog = screen.getByRole('alertdialog', { name: 'Revoke this device?' });
    expect(dialog).toHaveAccessibleDescription(expect.stringContaining('Phone (keys registered'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke the device' }));

    expect(mutations('AccountRevokeDevice')).toEqual([{ id: 'lost' }]);
    expect(await screen.findByText('Phone is revoked.')).toHaveAttribute('role', 'status');
    expect(headingsIn(screen.getByRole('list', { name: '1 revoked device' }))).toEqual(['Phone']);
    expect(await BrowserDeviceVault.registeredDeviceId(MEMBER)).toBe('here');
  });

  it("should wipe this browser's keys when its own device is revoked", async () => {
    await thisBrowserIs('here');
    const { client, mutations } = server([device('here', 'Office PC', '2026-04-01T08:00:00.000Z')]);
    renderAt(client, '/devices', <DevicesPage />);

    await userEvent.click(await screen.findByRole('button', { name: /^Revoke: Office PC/ }));
    const dialog = screen.getByRole('alertdialog', { name: 'Revoke this device?' });
    expect(dialog).toHaveAccessibleDescription(expect.stringContaining('its keys will be wiped from it'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke the device' }));

    expect(mutations('AccountRevokeDevice')).toEqual([{ id: 'here' }]);
    expect(await screen.findByText('Office PC is revoked.')).toBeInTheDocument();
    expect(await BrowserDeviceVault.state(MEMBER)).toBe('none');
    expect(screen.queryByRole('region', { name: 'This browser' })).not.toBeInTheDocument();
  });

  it('should say so when no device holds keys yet, in Russian too', async () => {
    await i18next.changeLanguage('ru');
    const { client } = server([
      device('a', 'Телефон', '2026-01-01T08:00:00.000Z', '2026-02-01T08:00:00.000Z'),
      device('b', 'Ноутбук', '2026-01-02T08:00:00.000Z', '2026-02-02T08:00:00.000Z'),
    ]);
    renderAt(client, '/devices', <DevicesPage />);
    expect(await screen.findByText(/Ни на одном устройстве пока нет ваших ключей/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '2 отозванных устройства' })).toBeInTheDocument();
  });
});

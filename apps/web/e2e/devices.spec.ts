import { devicesOf, registerDevice } from './support/devices';
import { expect, test } from './support/fixtures';
import { openSignedIn } from './support/screen';
import { en } from './support/ui';

const devices = en.account.devices;

test.describe('devices', () => {
  test('a member revokes a lost device: it is revoked on the server, the others stay', async ({
    page,
    context,
    api,
  }) => {
    const account = await api.member('devices-revoke');
    const { accessToken: token, member } = await api.signIn(account.email, account.password);
    const office = await registerDevice(api, token, 'Office PC');
    const phone = await registerDevice(api, token, 'Lost phone');
    await openSignedIn({ page, context, api }, account, '/devices', devices.title);

    const list = page.getByRole('list', { name: devices.listLabel });
    await expect(list.getByRole('heading', { level: 3 })).toHaveText(['Lost phone', 'Office PC']);
    await page.getByRole('button', { name: /^Revoke: Lost phone/ }).click();
    const dialog = page.getByRole('alertdialog', { name: devices.revokeDialog.title });
    await dialog.getByRole('button', { name: devices.revokeDialog.confirm, exact: true }).click();

    await expect(page.getByRole('status').filter({ hasText: 'Lost phone' })).toHaveText(
      devices.revoked.replace('{{device}}', 'Lost phone'),
    );
    await expect(list.getByRole('heading', { level: 3 })).toHaveText(['Office PC']);
    const revoked = devices.revokedTitle_one.replace('{{count}}', '1');
    await expect(page.getByRole('list', { name: revoked }).getByRole('heading')).toHaveText(['Lost phone']);
    const stored = await devicesOf(api, token, member.id);
    expect(stored.find((device) => device.id === phone)?.revokedAt).not.toBeNull();
    expect(stored.find((device) => device.id === office)?.revokedAt).toBeNull();
  });
});

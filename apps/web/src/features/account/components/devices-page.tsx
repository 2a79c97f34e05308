import '../i18n/register';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { BrowserDeviceVault } from '@app/client/browser';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { ConfirmDialog } from '@web/components/confirm-dialog';
import { Page } from '@web/components/page';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { useFormat } from '@web/lib/format';
import type { AccountDevicesQuery } from '@web/lib/graphql/graphql';
import { useSession } from '@web/lib/use-session';
import { DevicesQuery, RevokeDeviceMutation } from '../api/devices';

type Device = AccountDevicesQuery['devices'][number];

const newestFirst = (a: Device, b: Device) => Date.parse(b.createdAt) - Date.parse(a.createdAt);

/**
 * The member's devices: the browsers and programs holding chat keys for them. This browser first (its keys are the
 * ones in this browser's storage), then the others newest first, each with a way to revoke it; revoked ones last.
 * Revoking ends the device for good: partners stop encrypting for it and are told its keys changed. Revoking this
 * browser's device also wipes its keys here.
 */
export function DevicesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useSession();
  const memberId = state.status === 'signed-in' ? state.member.id : '';
  const [{ data, error, fetching }, refetch] = useQuery({
    query: DevicesQuery,
    variables: { memberId },
    pause: !memberId,
  });
  const [, revokeDevice] = useMutation(RevokeDeviceMutation);
  /** This browser's device, once read from its storage (undefined until then: the list waits, so no card moves). */
  const [thisDeviceId, setThisDeviceId] = useState<string | null>();
  const [pending, setPending] = useState<Device | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string>();
  const [notice, setNotice] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);
  const focusAfterClose = useRef(false);

  useEffect(() => {
    if (!memberId) {
      return;
    }
    let current = true;
    BrowserDeviceVault.registeredDeviceId(memberId).then(
      (id) => current && setThisDeviceId(id),
      () => current && setThisDeviceId(null), // no IndexedDB here (a private window may refuse it): no device either
    );
    return () => {
      current = false;
    };
  }, [memberId]);

  if ((fetching && !data) || (data && thisDeviceId === undefined)) {
    return <Page title={t('account.devices.title')}>{t('status.loading')}</Page>;
  }
  if (!data) {
    return (
      <Page title={t('account.devices.title')}>
        <Alert tone="error">{errorText(t, resultError(error))}</Alert>
        <div>
          <Button variant="secondary" onClick={() => refetch({ requestPolicy: 'network-only' })}>
            {t('actions.retry')}
          </Button>
        </div>
      </Page>
    );
  }

  const active = data.devices.filter((device) => !device.revokedAt);
  const here = active.find((device) => device.id === thisDeviceId);
  const others = active.filter((device) => device !== here).sort(newestFirst);
  const revoked = data.devices.filter((device) => device.revokedAt).sort(newestFirst);

  async function confirm() {
    if (!pending) {
      return;
    }
    setBusy(true);
    setDialogError(undefined);
    const result = await revokeDevice({ id: pending.id });
    const failure = resultError(result.error);
    if (failure && failure.code !== 'NOT_FOUND') {
      setBusy(false);
      setDialogError(errorText(t, failure));
      return;
    }
    if (pending.id === thisDeviceId) {
      // Its keys are worth nothing now: nothing of them stays in this browser.
      await BrowserDeviceVault.wipe(memberId).catch(() => undefined);
      setThisDeviceId(null);
    }
    setBusy(false);
    refetch({ requestPolicy: 'network-only' });
    setNotice(t('account.devices.revoked', { device: pending.name }));
    focusAfterClose.current = true;
    setPending(null);
  }

  const revokeButton = (device: Device) => (
    <Button
      variant="secondary"
      aria-label={t('account.devices.revokeNamed', {
        device: device.name,
        date: format.dateTime(device.createdAt),
      })}
      onClick={() => {
        setDialogError(undefined);
        setPending(device);
      }}
    >
      {t('account.devices.revoke')}
    </Button>
  );

  return (
    <Page title={t('account.devices.title')} intro={t('account.devices.intro')}>
      <p
        role="status"
        className={notice ? 'rounded-md border-l-4 border-green-700 bg-green-50 p-3' : 'sr-only'}
      >
        {notice}
      </p>
      {here ? (
        <section aria-labelledby="this-device" className="flex flex-col gap-3">
          <h2 id="this-device" className="text-lg font-semibold text-slate-900">
            {t('account.devices.thisBrowser')}
          </h2>
          <DeviceCard device={here} format={format}>
            {revokeButton(here)}
          </DeviceCard>
        </section>
      ) : null}
      <section aria-labelledby="other-devices" className="flex flex-col gap-3">
        <h2
          id="other-devices"
          ref={listHeading}
          tabIndex={-1}
          className="text-lg font-semibold text-slate-900 focus:outline-none"
        >
          {here ? t('account.devices.others') : t('account.devices.active')}
        </h2>
        {others.length === 0 ? (
          <p className="text-slate-700">{here ? t('account.devices.noOthers') : t('account.devices.none')}</p>
        ) : (
          <ul aria-label={t('account.devices.listLabel')} className="flex flex-col gap-3">
            {others.map((device) => (
              <li key={device.id}>
                <DeviceCard device={device} format={format}>
                  {revokeButton(device)}
                </DeviceCard>
              </li>
            ))}
          </ul>
        )}
      </section>
      {revoked.length > 0 ? (
        <section aria-labelledby="revoked-devices" className="flex flex-col gap-3">
          <h2 id="revoked-devices" className="text-lg font-semibold text-slate-900">
            {t('account.devices.revokedTitle', { count: revoked.length })}
          </h2>
          <ul
            aria-label={t('account.devices.revokedTitle', { count: revoked.length })}
            className="flex flex-col gap-3"
          >
            {revoked.map((device) => (
              <li key={device.id}>
                <DeviceCard device={device} format={format} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => (open ? undefined : setPending(null))}
        title={t('account.devices.revokeDialog.title')}
        description={
          pending
            ? t(
                pending.id === thisDeviceId
                  ? 'account.devices.revokeDialog.bodyHere'
                  : 'account.devices.revokeDialog.body',
                {
                  device: pending.name,
                  date: format.dateTime(pending.createdAt),
                },
              )
            : ''
        }
        confirmLabel={t('account.devices.revokeDialog.confirm')}
        cancelLabel={t('actions.cancel')}
        busy={busy}
        error={dialogError}
        onConfirm={() => void confirm()}
        onCloseAutoFocus={(event) => {
          if (focusAfterClose.current) {
            focusAfterClose.current = false;
            event.preventDefault();
            listHeading.current?.focus();
          }
        }}
      />
    </Page>
  );
}

/** One device: the name it was given, when its keys were registered, and when it was revoked. */
function DeviceCard({
  device,
  format,
  children,
}: {
  device: Device;
  format: ReturnType<typeof useFormat>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <article className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4">
      <h3 className="break-words font-semibold text-slate-900">{device.name}</h3>
      <dl className="grid grid-cols-1 gap-x-3 gap-y-1 text-sm min-[400px]:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-800">{t('account.devices.createdAt')}</dt>
        <dd className="text-slate-700">{format.dateTime(device.createdAt)}</dd>
        {device.revokedAt ? (
          <>
            <dt className="font-medium text-slate-800">{t('account.devices.revokedAt')}</dt>
            <dd className="text-slate-700">{format.dateTime(device.revokedAt)}</dd>
          </>
        ) : null}
      </dl>
      {children ? <div>{children}</div> : null}
    </article>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';
import { errorText } from '@web/lib/error-text';
import { session } from '@web/lib/session';
import { holdsChatDevice, wipeChatDevice } from '@web/lib/this-browser-device';
import { useSession } from '@web/lib/use-session';

/**
 * Sign out of this browser, or everywhere (every session of the member ends on the server). When this browser holds
 * the member's chat keys, the member chooses first: keep them (the chat opens again after the next sign-in) or wipe
 * them — the device is revoked on the server, so partners stop encrypting for it, and its keys leave this browser.
 */
export function SignOutPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useSession();
  const memberId = state.status === 'signed-in' ? state.member.id : '';
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [hasDevice, setHasDevice] = useState(false);
  const [wipe, setWipe] = useState(false);

  useEffect(() => {
    let current = true;
    if (memberId) {
      void holdsChatDevice(memberId).then((held) => current && setHasDevice(held));
    }
    return () => {
      current = false;
    };
  }, [memberId]);

  async function signOut(everywhere: boolean) {
    setBusy(true);
    setError(undefined);
    if (hasDevice && wipe) {
      try {
        await wipeChatDevice(session, memberId);
      } catch {
        setError(t('auth.signOut.wipeFailed'));
        setBusy(false);
        return;
      }
    }
    try {
      await session.signOut(everywhere);
      await navigate('/sign-in', { replace: true, state: { signedOut: true } });
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('auth.signOut.title')} intro={t('auth.signOut.intro')} narrow>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {hasDevice ? (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 font-semibold text-slate-900">{t('auth.signOut.keysLegend')}</legend>
          <div className="flex items-start gap-3">
            <input
              id="chat-keys-keep"
              type="radio"
              name="chat-keys"
              className="mt-1 size-5"
              checked={!wipe}
              onChange={() => setWipe(false)}
              aria-describedby="chat-keys-keep-hint"
            />
            <div>
              <label htmlFor="chat-keys-keep" className="font-medium text-slate-900">
                {t('auth.signOut.keep')}
              </label>
              <p id="chat-keys-keep-hint" className="text-sm text-slate-700">
                {t('auth.signOut.keepHint')}
              </p>
            </div>
          </div>
          <div className="flex items-start gap-3">
            <input
              id="chat-keys-wipe"
              type="radio"
              name="chat-keys"
              className="mt-1 size-5"
              checked={wipe}
              onChange={() => setWipe(true)}
              aria-describedby="chat-keys-wipe-hint"
            />
            <div>
              <label htmlFor="chat-keys-wipe" className="font-medium text-slate-900">
                {t('auth.signOut.wipe')}
              </label>
              <p id="chat-keys-wipe-hint" className="text-sm text-slate-700">
                {t('auth.signOut.wipeHint')}
              </p>
            </div>
          </div>
        </fieldset>
      ) : null}
      <div className="flex flex-col gap-3">
        <Button disabled={busy} onClick={() => void signOut(false)}>
          {t('auth.signOut.thisBrowser')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => void signOut(true)}>
          {t('auth.signOut.everywhere')}
        </Button>
      </div>
    </Page>
  );
}

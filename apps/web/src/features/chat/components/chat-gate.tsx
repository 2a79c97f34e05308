import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { WrongPassphraseError } from '@app/crypto';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Field } from '@web/components/field';
import { Page } from '@web/components/page';
import { PasswordField } from '@web/components/password-field';
import { ApiError, resultError } from '@web/lib/api-error';
import { errorText, fieldErrorText } from '@web/lib/error-text';
import { ChatConfirmPasswordDocument } from '@web/lib/graphql/graphql';
import { DEVICE_NAME_MAX } from '../lib/this-device';
import type { ChatSession } from '../lib/chat-session';

/** A passphrase shorter than this protects little against a guess on a stolen disk. */
export const PASSPHRASE_MIN = 10;

/**
 * The first chat in this browser: the member names the device (as their devices list will show it) and may protect
 * its keys with a passphrase, asked at every unlock — for a PC others use too.
 */
export function DeviceSetup({ session, revoked }: { session: ChatSession; revoked: boolean }) {
  const { t } = useTranslation('chat');
  const { t: common } = useTranslation();
  const [name, setName] = useState('');
  const [protect, setProtect] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [visible, setVisible] = useState(false);
  const [errors, setErrors] = useState<{
    name?: string;
    passphrase?: string;
    repeat?: string;
    form?: string;
  }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!name.trim()) {
      found.name = t('setup.nameRequired');
    } else if (name.trim().length > DEVICE_NAME_MAX) {
      found.name = fieldErrorText(common, { path: 'name', code: 'TOO_LONG', max: DEVICE_NAME_MAX });
    }
    if (protect && passphrase.length < PASSPHRASE_MIN) {
      found.passphrase = t('setup.passphraseShort', { min: PASSPHRASE_MIN });
    } else if (protect && passphrase !== repeat) {
      found.repeat = t('setup.passphraseMismatch');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    setBusy(true);
    try {
      await session.createDevice(name, protect ? passphrase : undefined);
    } catch (error) {
      const field = error instanceof ApiError ? error.field('name') : undefined;
      setErrors(field ? { name: fieldErrorText(common, field) } : { form: errorText(common, error) });
      setBusy(false);
    }
  }

  return (
    <Page title={t('setup.title')} intro={t('setup.intro')} narrow>
      {revoked ? (
        <Alert tone="warning" title={t('setup.revokedTitle')}>
          {t('setup.revokedBody')}
        </Alert>
      ) : null}
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
        <Field
          label={t('setup.name')}
          hint={t('setup.nameHint')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
          maxLength={DEVICE_NAME_MAX + 20}
          autoComplete="off"
          required
        />
        <div className="flex min-h-11 items-start gap-3">
          <input
            id="protect-keys"
            type="checkbox"
            className="mt-1 size-5"
            checked={protect}
            onChange={(event) => setProtect(event.target.checked)}
            aria-describedby="protect-hint"
          />
          <div>
            <label htmlFor="protect-keys" className="font-medium text-slate-900">
              {t('setup.protect')}
            </label>
            <p id="protect-hint" className="text-sm text-slate-700">
              {t('setup.protectHint')}
            </p>
          </div>
        </div>
        {protect ? (
          <>
            <PasswordField
              id="device-passphrase"
              label={t('setup.passphrase')}
              hint={t('setup.passphraseHint', { min: PASSPHRASE_MIN })}
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
              visible={visible}
              onVisibleChange={setVisible}
              secret="passphrase"
              error={errors.passphrase}
              autoComplete="new-password"
            />
            <PasswordField
              id="device-passphrase-repeat"
              label={t('setup.passphraseRepeat')}
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
              visible={visible}
              onVisibleChange={setVisible}
              secret="passphrase"
              error={errors.repeat}
              autoComplete="new-password"
            />
          </>
        ) : null}
        <div>
          <Button type="submit" disabled={busy}>
            {busy ? t('setup.creating') : t('setup.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}

/** A device whose keys are under a passphrase: asked before the chat opens. */
export function PassphrasePrompt({ session }: { session: ChatSession }) {
  const { t } = useTranslation('chat');
  const { t: common } = useTranslation();
  return (
    <SecretForm
      title={t('unlock.title')}
      intro={t('unlock.intro')}
      label={t('unlock.passphrase')}
      secret="passphrase"
      autoComplete="current-password"
      submit={t('unlock.submit')}
      check={async (passphrase) => {
        try {
          await session.unlock(passphrase);
          return undefined;
        } catch (error) {
          return error instanceof WrongPassphraseError
            ? t('unlock.wrongPassphrase')
            : errorText(common, error);
        }
      }}
    />
  );
}

/**
 * Locked after the idle time: the chat (and every decrypted message) left memory. Back with the passphrase, or — for
 * keys without one — the account password, checked by the API (no new session; throttled like sign-in).
 */
export function LockScreen({ session, protectedKeys }: { session: ChatSession; protectedKeys: boolean }) {
  const { t } = useTranslation('chat');
  const { t: common } = useTranslation();
  const [, confirmPassword] = useMutation(ChatConfirmPasswordDocument);
  return (
    <SecretForm
      title={t('lock.title')}
      intro={protectedKeys ? t('lock.introPassphrase') : t('lock.introPassword')}
      label={protectedKeys ? t('unlock.passphrase') : t('lock.password')}
      secret={protectedKeys ? 'passphrase' : 'password'}
      autoComplete="current-password"
      submit={t('lock.submit')}
      check={async (secret) => {
        if (protectedKeys) {
          try {
            await session.resume(secret);
            return undefined;
          } catch (error) {
            return error instanceof WrongPassphraseError
              ? t('unlock.wrongPassphrase')
              : errorText(common, error);
          }
        }
        const result = await confirmPassword({ password: secret });
        const failure = resultError(result.error);
        if (failure) {
          return failure.field('password') ? t('lock.wrongPassword') : errorText(common, failure);
        }
        await session.resume();
        return undefined;
      }}
    />
  );
}

function SecretForm({
  title,
  intro,
  label,
  secret: kind,
  autoComplete,
  submit,
  check,
}: {
  title: string;
  intro: string;
  label: string;
  secret: 'password' | 'passphrase';
  autoComplete: string;
  submit: string;
  /** Resolves with an error to show, or undefined when it let the member in. */
  check: (secret: string) => Promise<string | undefined>;
}) {
  const { t } = useTranslation('chat');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!secret) {
      setError(t('unlock.required'));
      return;
    }
    setBusy(true);
    const problem = await check(secret);
    setBusy(false);
    if (problem) {
      setError(problem);
      setSecret('');
    }
  }

  return (
    <Page title={title} intro={intro} narrow>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-4">
        <PasswordField
          id="chat-secret"
          label={label}
          secret={kind}
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
          error={error}
          autoComplete={autoComplete}
        />
        <div>
          <Button type="submit" disabled={busy}>
            {submit}
          </Button>
        </div>
      </form>
    </Page>
  );
}

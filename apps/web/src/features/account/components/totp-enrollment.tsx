import QRCode from 'qrcode';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { CopyButton } from '@web/components/copy-button';
import { Field } from '@web/components/field';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { ConfirmTotpEnrollmentMutation } from '../api/two-factor';

export interface Enrollment {
  otpauthUrl: string;
  secret: string;
}

/** Add the key to an app, prove it with a code, save the recovery codes (RecoveryCodes shows the last step). */
export const ENROLLMENT_STEPS = 3;
/**
 * The QR code of an otpauth:// URL as an SVG data URL for an <img>: no markup injected into the page, nothing the
 * CSP (img-src 'self' data:) refuses.
 */
function useQrCode(text: string): string | undefined {
  const [qr, setQr] = useState<{ text: string; url: string }>();
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(
      (svg) => live && setQr({ text, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }),
      () => undefined, // the key below is the way in without it
    );
    return () => {
      live = false;
    };
  }, [text]);
  return qr?.text === text ? qr.url : undefined;
}

/** Base32 in groups of four, as authenticator apps show and accept it. */
const groupsOf = (secret: string) => secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? [];

/**
 * Two steps: add the secret to an app (QR code, a link for this very phone, or the key typed by hand), then prove it
 * with a current code. A wrong code keeps the member on the form, focused on the field, with the reason.
 */
export function TotpEnrollment({
  enrollment,
  onConfirmed,
  onCancel,
}: {
  enrollment: Enrollment;
  onConfirmed: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const qr = useQrCode(enrollment.otpauthUrl);
  const [, confirmEnrollment] = useMutation(ConfirmTotpEnrollmentMutation);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const total = ENROLLMENT_STEPS;

  useEffect(() => heading.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const digits = code.replace(/\D/g, '');
    if (digits.length !== 6) {
      setCodeError(t('account.security.enroll.codeFormat'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    // Member: the home page's two-factor status and nudge are out of date once this succeeds.
    const result = await confirmEnrollment({ code: digits }, { additionalTypenames: ['Member'] });
    setBusy(false);
    const failure = resultError(result.error);
    if (result.data && !failure) {
      onConfirmed(result.data.confirmTotpEnrollment);
      return;
    }
    if (failure?.code === 'BAD_USER_INPUT') {
      setCodeError(t('account.security.enroll.wrongCode'));
      input.current?.select();
      input.current?.focus();
    } else if (failure?.code === 'CONFLICT') {
      setFormError(t('account.security.enroll.restarted'));
    } else {
      setFormError(errorText(t, failure));
    }
  }

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="enroll-scan" className="flex flex-col gap-3">
        <h2
          id="enroll-scan"
          ref={heading}
          tabIndex={-1}
          className="flex flex-col text-lg font-semibold text-slate-900 focus:outline-none"
        >
          <span className="text-sm font-medium text-slate-600">
            {t('account.security.enroll.step', { step: 1, total })}
          </span>
          {t('account.security.enroll.scanTitle')}
        </h2>
        <p className="text-slate-700">{t('account.security.enroll.scanIntro')}</p>
        <div className="flex size-52 items-center justify-center self-center rounded-md border border-slate-200 bg-white sm:self-start">
          {qr ? (
            <img src={qr} alt={t('account.security.enroll.qrAlt')} width={200} height={200} />
          ) : (
            <p role="status" className="text-sm text-slate-600">
              {t('account.security.enroll.qrLoading')}
            </p>
          )}
        </div>
        <a
          href={enrollment.otpauthUrl}
          className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2"
        >
          {t('account.security.enroll.openInApp')}
        </a>
        <div className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-4">
          <h3 className="font-medium text-slate-900">{t('account.security.enroll.manualTitle')}</h3>
          <dl className="flex flex-col gap-1">
            <dt className="text-sm text-slate-700">{t('account.security.enroll.secretLabel')}</dt>
            <dd className="flex flex-wrap gap-x-3 gap-y-1 font-mono text-lg tracking-wider text-slate-900">
              {groupsOf(enrollment.secret).map((group, index) => (
                <span key={index}>{group}</span>
              ))}
            </dd>
          </dl>
          <CopyButton
            text={enrollment.secret}
            label={t('account.security.enroll.copySecret')}
            copiedMessage={t('account.security.enroll.secretCopied')}
            failedMessage={t('account.security.copyFailed')}
          />
        </div>
      </section>
      <section aria-labelledby="enroll-code" className="flex flex-col gap-3">
        <h2 id="enroll-code" className="flex flex-col text-lg font-semibold text-slate-900">
          <span className="text-sm font-medium text-slate-600">
            {t('account.security.enroll.step', { step: 2, total })}
          </span>
          {t('account.security.enroll.codeTitle')}
        </h2>
        <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-sm flex-col gap-3">
          {formError ? <Alert tone="error">{formError}</Alert> : null}
          <Field
            ref={input}
            label={t('account.security.enroll.codeLabel')}
            hint={t('account.security.enroll.codeHint')}
            error={codeError}
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              setCodeError(undefined);
            }}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={9}
            spellCheck={false}
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={busy}>
              {busy ? t('status.working') : t('account.security.enroll.confirm')}
            </Button>
            <Button type="button" variant="secondary" disabled={busy} onClick={onCancel}>
              {t('account.security.enroll.cancel')}
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Field } from '@web/components/field';
import { Page } from '@web/components/page';
import { PasswordField } from '@web/components/password-field';
import { ApiError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { session } from '@web/lib/session';
import { useSession } from '@web/lib/use-session';

type SecondFactor = 'none' | 'totp' | 'recovery';

/** Sign in with e-mail and password, then — when the account has two-factor on — a TOTP code or a recovery code. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [secondFactor, setSecondFactor] = useState<SecondFactor>('none');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const backToFirstStep = useRef(false);
  // The session ended while signed in (suspended, revoked, reset, signed out elsewhere): say so, without the reason.
  const state = useSession();
  const sessionEnded = state.status === 'signed-out' && state.reason === 'expired';

  // When the second step appears (or switches), the code field takes the focus: it is what the user must fill next;
  // back at the first step, the e-mail field does.
  useEffect(() => {
    if (secondFactor !== 'none') {
      codeInput.current?.focus();
    } else if (backToFirstStep.current) {
      backToFirstStep.current = false;
      emailInput.current?.focus();
    }
  }, [secondFactor]);

  useEffect(() => {
    performance.mark('signin-ready');
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await session.signIn({
        email,
        password,
        totp: secondFactor === 'totp' ? code.replace(/\s/g, '') : undefined,
        recoveryCode: secondFactor === 'recovery' ? code.trim() : undefined,
        deviceLabel: navigator.userAgent.slice(0, 200),
      });
      await navigate('/', { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError && caught.field('totp') && secondFactor === 'none') {
        setSecondFactor('totp');
      } else if (caught instanceof ApiError && caught.code === 'UNAUTHENTICATED') {
        setError(secondFactor === 'none' ? t('auth.signIn.invalid') : t('auth.signIn.invalidCode'));
      } else if (caught instanceof ApiError && caught.code === 'FORBIDDEN') {
        setError(t('auth.signIn.cannotSignIn'));
      } else {
        setError(errorText(t, caught));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('auth.signIn.title')} intro={t('auth.signIn.intro')} narrow>
      <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4" noValidate>
        {error ? (
          <Alert tone="error">{error}</Alert>
        ) : sessionEnded ? (
          <Alert tone="info">{t('auth.signIn.sessionEnded')}</Alert>
        ) : null}
        <Field
          label={t('auth.signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          ref={emailInput}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          disabled={secondFactor !== 'none'}
        />
        <PasswordField
          id="sign-in-password"
          label={t('auth.signIn.password')}
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          disabled={secondFactor !== 'none'}
        />
        {secondFactor !== 'none' ? (
          <>
            <Alert tone="info">
              {secondFactor === 'totp'
                ? t('auth.signIn.secondFactorNeeded')
                : t('auth.signIn.secondFactorRecovery')}
            </Alert>
            {secondFactor === 'totp' ? (
              <Field
                key="totp"
                label={t('auth.signIn.totp')}
                hint={t('auth.signIn.totpHint')}
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]*"
                maxLength={7}
                required
                ref={codeInput}
                value={code}
                onChange={(event) => setCode(event.target.value)}
              />
            ) : (
              <Field
                key="recovery"
                label={t('auth.signIn.recoveryCode')}
                hint={t('auth.signIn.recoveryHint')}
                name="recoveryCode"
                autoComplete="off"
                required
                ref={codeInput}
                value={code}
                onChange={(event) => setCode(event.target.value)}
              />
            )}
          </>
        ) : null}
        <Button type="submit" disabled={busy}>
          {busy ? t('status.working') : t('auth.signIn.submit')}
        </Button>
        {secondFactor !== 'none' ? (
          // The other ways through the second step, after the main action (not between the code and its button).
          <div className="-mt-2 flex flex-col">
            <Button
              type="button"
              variant="link"
              className="min-h-11 self-start text-sm"
              onClick={() => {
                setSecondFactor(secondFactor === 'totp' ? 'recovery' : 'totp');
                setCode('');
              }}
            >
              {secondFactor === 'totp' ? t('auth.signIn.useRecovery') : t('auth.signIn.useTotp')}
            </Button>
            <Button
              type="button"
              variant="link"
              className="min-h-11 self-start text-sm"
              onClick={() => {
                // Back to the first step, e-mail and password kept for editing (a typo, another account).
                backToFirstStep.current = true;
                setSecondFactor('none');
                setCode('');
                setError(undefined);
              }}
            >
              {t('auth.signIn.changeAccount')}
            </Button>
          </div>
        ) : null}
      </form>
      <nav className="flex flex-col text-sm" aria-label={t('auth.signIn.title')}>
        <Link
          className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2"
          to="/apply"
        >
          {t('auth.signIn.apply')}
        </Link>
        <Link
          className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2"
          to="/reset"
        >
          {t('auth.signIn.reset')}
        </Link>
      </nav>
    </Page>
  );
}

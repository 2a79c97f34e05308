import '../i18n/register';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { ErrorSummary } from '@web/components/error-summary';
import { Field } from '@web/components/field';
import { Page } from '@web/components/page';
import { PasswordField } from '@web/components/password-field';
import { resultError, type FieldError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { errorAt, withoutErrorAt } from '@web/lib/form-errors';
import { useFocusById } from '@web/lib/use-focus';
import { ResetAccountMutation } from '../api/apply';
import { LIMITS } from '../lib/application';
import { applyFieldText } from '../lib/errors';

const SUMMARY_ID = 'reset-errors';
const FIELDS = ['code', 'newPassword', 'repeat'] as const;
type ResetField = (typeof FIELDS)[number];
const id = (field: ResetField) => `reset-${field}`;

/** The obvious problems, in the API's shape; `repeat` is this form's own (the API takes the password once). */
function validate(code: string, password: string, repeat: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!code.trim()) {
    errors.push({ path: 'code', code: 'REQUIRED' });
  }
  if (!password) {
    errors.push({ path: 'newPassword', code: 'REQUIRED' });
  } else if (password.length < LIMITS.passwordMin) {
    errors.push({ path: 'newPassword', code: 'TOO_SHORT', min: LIMITS.passwordMin });
  } else if (password.length > LIMITS.passwordMax) {
    errors.push({ path: 'newPassword', code: 'TOO_LONG', max: LIMITS.passwordMax });
  }
  if (password && repeat !== password) {
    errors.push({ path: 'repeat', code: 'MISMATCH' });
  }
  return errors;
}

/**
 * `/reset`: the one-time code a coordinator issued, and a new password (twice). The API sets it, clears two-factor and
 * ends every session; then the member signs in afresh.
 */
export function ResetPage() {
  const { t } = useTranslation();
  const [{ fetching }, resetAccount] = useMutation(ResetAccountMutation);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [visible, setVisible] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string>();
  const [done, setDone] = useState(false);
  const focus = useFocusById();

  const message = (field: ResetField) => {
    const error = errorAt(errors, field);
    if (!error) {
      return undefined;
    }
    if (field === 'code' && error.code !== 'REQUIRED') {
      return t('apply.reset.invalidCode');
    }
    return field === 'repeat' ? t('apply.reset.mismatch') : applyFieldText(t, error);
  };
  const labels: Record<ResetField, string> = {
    code: t('apply.reset.code'),
    newPassword: t('apply.reset.newPassword'),
    repeat: t('apply.reset.repeatPassword'),
  };
  const shown = FIELDS.filter((field) => errorAt(errors, field));
  const unknown = errors.filter((error) => !FIELDS.some((field) => errorAt([error], field)));

  function fail(next: FieldError[]) {
    setErrors(next);
    const first = FIELDS.find((field) => errorAt(next, field));
    focus(first ? id(first) : SUMMARY_ID);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const problems = validate(code, password, repeat);
    if (problems.length > 0) {
      fail(problems);
      return;
    }
    const result = await resetAccount({ input: { code: code.trim(), newPassword: password } });
    if (result.data?.resetAccount) {
      setDone(true);
      return;
    }
    const error = resultError(result.error);
    if (error?.code === 'BAD_USER_INPUT' && error.fields.length > 0) {
      fail(error.fields);
    } else {
      setErrors([]);
      setFailure(errorText(t, error));
    }
  }

  if (done) {
    return (
      <Page title={t('apply.reset.doneTitle')} narrow>
        <Alert tone="success">
          <p className="text-base">{t('apply.reset.done')}</p>
        </Alert>
        <p className="text-slate-800">{t('apply.reset.doneNext')}</p>
        <Button asChild className="self-start">
          <Link to="/sign-in">{t('apply.reset.signIn')}</Link>
        </Button>
      </Page>
    );
  }

  const change = (field: ResetField, setter: (value: string) => void) => (value: string) => {
    setter(value);
    setErrors((current) => withoutErrorAt(current, field));
  };

  return (
    <Page title={t('apply.reset.title')} intro={t('apply.reset.intro')} narrow>
      <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-4">
        {shown.length + unknown.length > 0 ? (
          <div id={SUMMARY_ID} tabIndex={-1} className="focus:outline-none">
            <ErrorSummary
              title={t('apply.summary.title', { count: shown.length + unknown.length })}
              items={[
                ...shown.map((field) => ({
                  target: id(field),
                  text: t('apply.summary.item', { field: labels[field], message: message(field) }),
                })),
                ...unknown.map((error) => ({ text: applyFieldText(t, error) ?? '' })),
              ]}
            />
          </div>
        ) : null}
        <Field
          id={id('code')}
          label={labels.code}
          hint={t('apply.reset.codeHint')}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          required
          maxLength={40}
          value={code}
          error={message('code')}
          onChange={(event) => change('code', setCode)(event.target.value)}
        />
        <PasswordField
          id={id('newPassword')}
          label={labels.newPassword}
          hint={t('apply.reset.newPasswordHint')}
          name="newPassword"
          autoComplete="new-password"
          required
          minLength={LIMITS.passwordMin}
          maxLength={LIMITS.passwordMax}
          visible={visible}
          onVisibleChange={setVisible}
          value={password}
          error={message('newPassword')}
          onChange={(event) => change('newPassword', setPassword)(event.target.value)}
        />
        <Field
          id={id('repeat')}
          label={labels.repeat}
          type={visible ? 'text' : 'password'}
          name="repeatPassword"
          autoComplete="new-password"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          required
          maxLength={LIMITS.passwordMax}
          value={repeat}
          error={message('repeat')}
          onChange={(event) => change('repeat', setRepeat)(event.target.value)}
        />
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <Button type="submit" disabled={fetching}>
          {fetching ? t('status.working') : t('apply.reset.submit')}
        </Button>
      </form>
      <p className="text-sm text-slate-700">{t('apply.reset.noCode')}</p>
      <Link to="/sign-in" className="self-start text-sm text-brand-700 underline underline-offset-2">
        {t('apply.reset.signIn')}
      </Link>
    </Page>
  );
}

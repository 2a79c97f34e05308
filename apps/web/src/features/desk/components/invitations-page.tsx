import '../i18n/register';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { CopyButton } from '@web/components/copy-button';
import { Field } from '@web/components/field';
import { Page } from '@web/components/page';
import { SelectField } from '@web/components/select-field';
import { resultError, type FieldError } from '@web/lib/api-error';
import { errorText, fieldErrorText } from '@web/lib/error-text';
import { errorAt, withoutErrorAt } from '@web/lib/form-errors';
import { useFormat } from '@web/lib/format';
import { useFocusById } from '@web/lib/use-focus';
import { DeskCreateInvitationMutation } from '../api/desk';
import { useCountryChoices } from '../lib/country-choices';
import { scopeOf, useDeskViewer } from '../lib/viewer';
import { OneTimeCode } from './one-time-code';

const COUNTRY_ID = 'invitation-country';
const EMAIL_ID = 'invitation-email';
const CODE_ID = 'invitation-code';
/** A plain check of the address's shape (the API checks it properly). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Created {
  code: string;
  expiresAt: string;
  country: string;
  email: string;
}

/**
 * Invitations: a country of the viewer's scope (one preselected when they oversee one) and, if they like, the invitee's
 * e-mail address; the single-use code then shows once, with its link to the application, its validity and what to do
 * with it.
 */
export function InvitationsPage() {
  const { t } = useTranslation('desk');
  const { t: common } = useTranslation();
  const viewer = useDeskViewer();
  const format = useFormat();
  const scope = scopeOf(viewer);
  const [{ fetching }, create] = useMutation(DeskCreateInvitationMutation);
  const [country, setCountry] = useState(scope?.length === 1 ? scope[0] : '');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string>();
  const [created, setCreated] = useState<Created | null>(null);
  const focus = useFocusById();
  const options = useCountryChoices(scope);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const problems: FieldError[] = [];
    if (!country) {
      problems.push({ path: 'country', code: 'INVALID_COUNTRY' });
    }
    if (email.trim() && !EMAIL.test(email.trim())) {
      problems.push({ path: 'email', code: 'INVALID_EMAIL' });
    }
    if (problems.length > 0) {
      setErrors(problems);
      focus(problems[0].path === 'country' ? COUNTRY_ID : EMAIL_ID);
      return;
    }
    const result = await create({ input: { country, email: email.trim() || null } });
    if (result.data) {
      setErrors([]);
      setCreated({ ...result.data.createInvitation, country, email: email.trim() });
      setEmail('');
      focus(CODE_ID);
      return;
    }
    const error = resultError(result.error);
    if (error?.code === 'BAD_USER_INPUT' && error.fields.length > 0) {
      setErrors(error.fields);
      focus(error.field('country') ? COUNTRY_ID : EMAIL_ID);
    } else {
      setFailure(errorText(common, error));
    }
  }

  const link = created ? `${window.location.origin}/apply?code=${encodeURIComponent(created.code)}` : '';
  return (
    <Page title={t('invitations.title')} intro={t('invitations.intro')}>
      {created ? (
        <OneTimeCode
          id={CODE_ID}
          title={t('invitations.created', { country: format.country(created.country) })}
          code={created.code}
          codeLabel={t('invitations.code')}
          copy={{
            label: t('invitations.copyCode'),
            copied: t('invitations.copied'),
            failed: t('invitations.copyFailed'),
          }}
        >
          <p className="font-medium">{t('invitations.once')}</p>
          <p>{t('invitations.expires', { date: format.dateTime(created.expiresAt) })}</p>
          <p>
            {created.email ? t('invitations.forEmail', { email: created.email }) : t('invitations.anyone')}
          </p>
          <p className="font-medium text-slate-800">{t('invitations.link')}</p>
          <p className="break-all font-mono text-slate-900">{link}</p>
          <CopyButton
            text={link}
            label={t('invitations.copyLink')}
            copiedMessage={t('invitations.copied')}
            failedMessage={t('invitations.copyFailed')}
          />
          <p>{t('invitations.how', { url: `${window.location.origin}/apply` })}</p>
        </OneTimeCode>
      ) : null}
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-labelledby="invitation-form-title"
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
      >
        <h2 id="invitation-form-title" className="text-lg font-semibold text-slate-900">
          {created ? t('invitations.another') : t('invitations.new')}
        </h2>
        <SelectField
          id={COUNTRY_ID}
          label={t('invitations.country')}
          name="country"
          required
          value={country}
          error={fieldErrorText(common, errorAt(errors, 'country'))}
          onChange={(event) => {
            setCountry(event.target.value);
            setErrors((current) => withoutErrorAt(current, 'country'));
          }}
        >
          <option value="">{t('invitations.chooseCountry')}</option>
          {options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}
            </option>
          ))}
        </SelectField>
        <Field
          id={EMAIL_ID}
          type="email"
          name="email"
          autoComplete="off"
          label={t('invitations.email')}
          hint={t('invitations.emailHint')}
          marker={common('status.optional')}
          maxLength={320}
          value={email}
          error={fieldErrorText(common, errorAt(errors, 'email'))}
          onChange={(event) => {
            setEmail(event.target.value);
            setErrors((current) => withoutErrorAt(current, 'email'));
          }}
        />
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <div>
          <Button type="submit" disabled={fetching}>
            {fetching ? t('invitations.creating') : t('invitations.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}

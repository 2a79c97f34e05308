import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { ErrorSummary } from '@web/components/error-summary';
import { Field } from '@web/components/field';
import { LanguageRows, languageSlots } from '@web/components/language-rows';
import { PasswordField } from '@web/components/password-field';
import {
  agencySlots,
  AgencyFields,
  FormCard as Section,
  FormPanel as Panel,
  NameFields,
  nameSlots,
  TaxonomyField,
  TimeZoneField,
  type AgencyPaths,
} from '@web/components/practitioner-fields';
import { SelectField } from '@web/components/select-field';
import { isLocale } from '@web/i18n';
import { resultError, type FieldError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import {
  errorAt,
  firstErrorTarget,
  summaryItems,
  withoutErrorAt,
  type ErrorSlot,
} from '@web/lib/form-errors';
import type { ApplyForMembershipMutation as Applied } from '@web/lib/graphql/graphql';
import { byRowKey } from '@web/lib/language-rows';
import { deviceTimeZone } from '@web/lib/time-zones';
import { useFocusById } from '@web/lib/use-focus';
import { ApplyForMembershipMutation, ApplyReferenceQuery } from '../api/apply';
import {
  emptyApplication,
  LIMITS,
  toInput,
  validateApplication,
  type ApplicationForm as Form,
} from '../lib/application';
import { applyFieldText } from '../lib/errors';

const SUMMARY_ID = 'apply-errors';
const NO_LANGUAGES: readonly { code: string; name: string }[] = [];
const id = (path: string) => `apply-${path}`;

const AGENCY_PATHS: AgencyPaths = {
  agencyName: 'agencyName',
  agencyType: 'agencyType',
  agencyCity: 'agencyCity',
  position: 'position',
};

/**
 * Every field of ApplyForMembershipInput, in fieldsets. Reference lists come from the API in the UI language (and
 * again on a language switch). Obvious mistakes are caught here, the rest by the server; either way each error sits
 * next to its field, a summary at the top links to them, and the first invalid field takes the focus.
 */
export function ApplyForm({
  invitationCode,
  onApplied,
}: {
  invitationCode: string;
  onApplied: (result: Applied['applyForMembership']) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  const [reference, reload] = useQuery({ query: ApplyReferenceQuery, variables: { locale } });
  const [{ fetching: sending }, apply] = useMutation(ApplyForMembershipMutation);
  const [form, setForm] = useState<Form>(() => emptyApplication(deviceTimeZone(), invitationCode));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string>();
  const focus = useFocusById();
  const lists = reference.data;
  const countries = useMemo(
    () =>
      lists?.countries.map((country) => (
        <option key={country.code} value={country.code}>
          {country.name}
        </option>
      )),
    [lists?.countries],
  );

  const change = (next: Partial<Form>, path: string) => {
    setForm((current) => ({ ...current, ...next }));
    setErrors((current) => withoutErrorAt(current, path));
  };
  const set = <K extends keyof Form>(key: K, value: Form[K]) => change({ [key]: value }, key);
  const message = (path: string) => applyFieldText(t, errorAt(errors, path));

  const slots: ErrorSlot[] = [
    { path: 'email', target: id('email'), label: t('apply.fields.email.label') },
    { path: 'password', target: id('password'), label: t('apply.fields.password.label') },
    ...nameSlots(t, id),
    { path: 'country', target: id('country'), label: t('apply.fields.country.label') },
    ...agencySlots(t, id, AGENCY_PATHS),
    { path: 'timeZone', target: id('timeZone'), label: t('practitionerForm.fields.timeZone.label') },
    ...languageSlots(t, 'apply', form.languages),
    { path: 'expertise', target: id('expertise'), label: t('practitionerForm.expertise.legend') },
    { path: 'competences', target: id('competences'), label: t('practitionerForm.competences.legend') },
    { path: 'invitationCode', target: id('invitationCode'), label: t('apply.fields.invitationCode.label') },
  ];
  const textOf = (error: FieldError | undefined) => applyFieldText(t, error);
  const summary = summaryItems(slots, errors, textOf, (field, text) =>
    t('apply.summary.item', { field, message: text }),
  );

  /** Shows the errors and focuses the first field in the form's order (the summary when none is known). */
  function fail(next: FieldError[]) {
    setErrors(next);
    focus(firstErrorTarget(slots, next) ?? SUMMARY_ID);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const problems = validateApplication(form);
    if (problems.length > 0) {
      fail(byRowKey(problems, form.languages));
      return;
    }
    const result = await apply({ input: toInput(form) });
    if (result.data) {
      onApplied(result.data.applyForMembership);
      return;
    }
    const error = resultError(result.error);
    if (error?.code === 'BAD_USER_INPUT' && error.fields.length > 0) {
      fail(byRowKey(error.fields, form.languages));
    } else {
      setErrors([]);
      setFailure(errorText(t, error));
    }
  }

  const chooseOption = (text: string) => <option value="">{text}</option>;
  const optional = t('status.optional');

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-6">
      {summary.length > 0 ? (
        <div id={SUMMARY_ID} tabIndex={-1} className="focus:outline-none">
          <ErrorSummary title={t('apply.summary.title', { count: summary.length })} items={summary} />
        </div>
      ) : null}
      {reference.error && !lists ? (
        <Alert tone="error" title={t('apply.listsFailed')}>
          <p>{errorText(t, resultError(reference.error))}</p>
          <Button
            type="button"
            variant="secondary"
            className="mt-2"
            onClick={() => reload({ requestPolicy: 'network-only' })}
          >
            {t('actions.retry')}
          </Button>
        </Alert>
      ) : null}
      {reference.fetching && !lists ? <p role="status">{t('apply.loadingLists')}</p> : null}

      <Section legend={t('apply.sections.account')}>
        <Field
          id={id('email')}
          label={t('apply.fields.email.label')}
          hint={t('apply.fields.email.hint')}
          type="email"
          name="email"
          autoComplete="email"
          autoCapitalize="off"
          spellCheck={false}
          required
          maxLength={LIMITS.email}
          value={form.email}
          error={message('email')}
          onChange={(event) => set('email', event.target.value)}
        />
        <PasswordField
          id={id('password')}
          label={t('apply.fields.password.label')}
          hint={t('apply.fields.password.hint')}
          name="password"
          autoComplete="new-password"
          required
          minLength={LIMITS.passwordMin}
          maxLength={LIMITS.passwordMax}
          value={form.password}
          error={message('password')}
          onChange={(event) => set('password', event.target.value)}
        />
      </Section>

      <Section legend={t('apply.sections.name')}>
        <NameFields idOf={id} values={form} errorOf={message} onChange={change} />
      </Section>

      <Section legend={t('apply.sections.work')}>
        <SelectField
          id={id('country')}
          label={t('apply.fields.country.label')}
          hint={t('apply.fields.country.hint')}
          name="country"
          required
          value={form.country}
          error={message('country')}
          onChange={(event) => set('country', event.target.value)}
        >
          {chooseOption(t('apply.fields.country.choose'))}
          {countries}
        </SelectField>
        <AgencyFields idOf={id} paths={AGENCY_PATHS} values={form} errorOf={message} onChange={change} />
        <TimeZoneField
          id={id('timeZone')}
          preset
          value={form.timeZone}
          error={message('timeZone')}
          onChange={(zone) => set('timeZone', zone)}
        />
      </Section>

      <Panel>
        <LanguageRows
          idPrefix="apply"
          rows={form.languages}
          options={lists?.languages ?? NO_LANGUAGES}
          errors={errors}
          textOf={textOf}
          focus={focus}
          onChange={(rows, path) => {
            setForm((current) => ({ ...current, languages: rows }));
            setErrors((current) => withoutErrorAt(withoutErrorAt(current, path), 'languages'));
          }}
        />
      </Panel>

      <TaxonomyField
        kind="expertise"
        id={id('expertise')}
        items={lists?.expertiseAreas}
        value={form.expertise}
        error={message('expertise')}
        onChange={(value) => set('expertise', value)}
      />
      <TaxonomyField
        kind="competences"
        id={id('competences')}
        items={lists?.competences}
        value={form.competences}
        error={message('competences')}
        onChange={(value) => set('competences', value)}
      />

      <Section legend={t('apply.sections.invitation')}>
        <Field
          id={id('invitationCode')}
          label={t('apply.fields.invitationCode.label')}
          hint={t('apply.fields.invitationCode.hint')}
          marker={optional}
          name="invitationCode"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={LIMITS.invitationCode}
          value={form.invitationCode}
          error={message('invitationCode')}
          onChange={(event) => set('invitationCode', event.target.value)}
        />
      </Section>

      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Button type="submit" disabled={sending} className="self-start">
        {sending ? t('status.working') : t('apply.submit')}
      </Button>
    </form>
  );
}

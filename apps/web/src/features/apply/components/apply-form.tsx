import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { CheckboxGroup, type CheckboxSection } from '@web/components/checkbox-group';
import { ErrorSummary, type ErrorSummaryItem } from '@web/components/error-summary';
import { Field } from '@web/components/field';
import { PasswordField } from '@web/components/password-field';
import { SelectField } from '@web/components/select-field';
import { TextareaField } from '@web/components/textarea-field';
import { isLocale } from '@web/i18n';
import { resultError, type FieldError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import type { ApplyForMembershipMutation as Applied } from '@web/lib/graphql/graphql';
import { ApplyForMembershipMutation, ApplyReferenceQuery } from '../api/apply';
import {
  AGENCY_TYPES,
  byRowKey,
  emptyApplication,
  LIMITS,
  toInput,
  validateApplication,
  type ApplicationForm as Form,
} from '../lib/application';
import { applyFieldText, errorAt, withoutErrorAt } from '../lib/errors';
import { deviceTimeZone, timeZoneOptions } from '../lib/time-zones';
import { useFocusById } from '../lib/use-focus';
import { ADD_LANGUAGE_ID, languageCodeId, languageLevelId, LanguageRows } from './language-rows';

const SUMMARY_ID = 'apply-errors';
const NO_LANGUAGES: readonly { code: string; name: string }[] = [];
const id = (path: string) => `apply-${path}`;

/** Where an error is shown and what the summary calls it; in the order of the form. */
interface Slot {
  path: string;
  /** Only this exact path (the language group), not the paths under it (its rows). */
  exact?: boolean;
  target: string;
  label: string;
}

type Taxonomy = readonly { code: string; group: string; name: string }[];

/** API items in their order, cut into sections by group (a known group gets its translated title). */
function sectionsOf(items: Taxonomy | undefined, title: (group: string) => string): CheckboxSection[] {
  const sections: CheckboxSection[] = [];
  for (const item of items ?? []) {
    let section = sections.find((candidate) => candidate.key === item.group);
    if (!section) {
      section = { key: item.group, label: title(item.group), options: [] };
      sections.push(section);
    }
    section.options.push({ value: item.code, label: item.name });
  }
  return sections;
}

const EXPERTISE_GROUPS = ['TRAFFICKING', 'SMUGGLING', 'FINANCIAL', 'EVIDENCE', 'VICTIMS'] as const;
const COMPETENCE_GROUPS = ['UNTOC', 'PROTOCOLS', 'OTHER_INSTRUMENTS', 'CHANNELS'] as const;
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      {/* Floated, the legend sits inside the card like the other groups' headings, not on its border. */}
      <legend className="float-left mb-4 w-full text-lg font-semibold text-slate-900">{legend}</legend>
      <div className="clear-both flex flex-col gap-4">{children}</div>
    </fieldset>
  );
}

function Panel({ children }: { children: ReactNode }) {
  return <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">{children}</div>;
}

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
  // Hundreds of <option>s: the same elements on every keystroke, so React skips them.
  const timeZones = useMemo(
    () =>
      timeZoneOptions(i18n.language).map((zone) => (
        <option key={zone.value} value={zone.value}>
          {zone.label}
        </option>
      )),
    [i18n.language],
  );
  const countries = useMemo(
    () =>
      lists?.countries.map((country) => (
        <option key={country.code} value={country.code}>
          {country.name}
        </option>
      )),
    [lists?.countries],
  );

  const set = <K extends keyof Form>(key: K, value: Form[K], path: string = key) => {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors((current) => withoutErrorAt(current, path));
  };
  const message = (path: string) => applyFieldText(t, errorAt(errors, path));

  const slots: Slot[] = [
    { path: 'email', target: id('email'), label: t('apply.fields.email.label') },
    { path: 'password', target: id('password'), label: t('apply.fields.password.label') },
    { path: 'displayName', target: id('displayName'), label: t('apply.fields.displayName.label') },
    { path: 'nativeName', target: id('nativeName'), label: t('apply.fields.nativeName.label') },
    { path: 'nameVariants', target: id('nameVariants'), label: t('apply.fields.nameVariants.label') },
    { path: 'country', target: id('country'), label: t('apply.fields.country.label') },
    { path: 'agencyName', target: id('agencyName'), label: t('apply.fields.agencyName.label') },
    { path: 'agencyType', target: id('agencyType'), label: t('apply.fields.agencyType.label') },
    { path: 'agencyCity', target: id('agencyCity'), label: t('apply.fields.agencyCity.label') },
    { path: 'position', target: id('position'), label: t('apply.fields.position.label') },
    { path: 'timeZone', target: id('timeZone'), label: t('apply.fields.timeZone.label') },
    {
      path: 'languages',
      exact: true,
      target: form.languages[0] ? languageCodeId(form.languages[0].key) : ADD_LANGUAGE_ID,
      label: t('apply.sections.languages'),
    },
    ...form.languages.flatMap((row, index) => {
      const name = t('apply.languages.row', { number: index + 1 });
      return [
        {
          path: `languages.k${row.key}.code`,
          target: languageCodeId(row.key),
          label: `${name} · ${t('apply.languages.language')}`,
        },
        {
          path: `languages.k${row.key}.level`,
          target: languageLevelId(row.key),
          label: `${name} · ${t('apply.languages.level')}`,
        },
      ];
    }),
    { path: 'expertise', target: id('expertise'), label: t('apply.sections.expertise') },
    { path: 'competences', target: id('competences'), label: t('apply.sections.competences') },
    { path: 'invitationCode', target: id('invitationCode'), label: t('apply.fields.invitationCode.label') },
  ];
  const matches = (slot: Slot, error: FieldError) =>
    error.path === slot.path || (!slot.exact && error.path.startsWith(`${slot.path}.`));
  const summary: ErrorSummaryItem[] = [
    ...slots.flatMap((slot) => {
      const error = errors.find((candidate) => matches(slot, candidate));
      return error
        ? [
            {
              target: slot.target,
              text: t('apply.summary.item', { field: slot.label, message: applyFieldText(t, error) }),
            },
          ]
        : [];
    }),
    // A path this form does not know (a newer server): still said, without a link.
    ...errors
      .filter((error) => !slots.some((slot) => matches(slot, error)))
      .map((error) => ({ text: applyFieldText(t, error) ?? '' })),
  ];

  /** Shows the errors and focuses the first field in the form's order (the summary when none is known). */
  function fail(next: FieldError[]) {
    setErrors(next);
    const first = slots.find((slot) => next.some((error) => matches(slot, error)));
    focus(first?.target ?? SUMMARY_ID);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const problems = validateApplication(form);
    if (problems.length > 0) {
      fail(byRowKey(problems, form));
      return;
    }
    const result = await apply({ input: toInput(form) });
    if (result.data) {
      onApplied(result.data.applyForMembership);
      return;
    }
    const error = resultError(result.error);
    if (error?.code === 'BAD_USER_INPUT' && error.fields.length > 0) {
      fail(byRowKey(error.fields, form));
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
        <Field
          id={id('displayName')}
          label={t('apply.fields.displayName.label')}
          hint={t('apply.fields.displayName.hint')}
          name="displayName"
          autoComplete="name"
          required
          maxLength={LIMITS.name}
          value={form.displayName}
          error={message('displayName')}
          onChange={(event) => set('displayName', event.target.value)}
        />
        <Field
          id={id('nativeName')}
          label={t('apply.fields.nativeName.label')}
          hint={t('apply.fields.nativeName.hint')}
          marker={optional}
          name="nativeName"
          dir="auto"
          autoComplete="off"
          maxLength={LIMITS.name}
          value={form.nativeName}
          error={message('nativeName')}
          onChange={(event) => set('nativeName', event.target.value)}
        />
        <TextareaField
          id={id('nameVariants')}
          label={t('apply.fields.nameVariants.label')}
          hint={t('apply.fields.nameVariants.hint')}
          marker={optional}
          name="nameVariants"
          dir="auto"
          autoComplete="off"
          value={form.nameVariants}
          error={message('nameVariants')}
          onChange={(event) => set('nameVariants', event.target.value)}
        />
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
        <Field
          id={id('agencyName')}
          label={t('apply.fields.agencyName.label')}
          hint={t('apply.fields.agencyName.hint')}
          name="agencyName"
          autoComplete="organization"
          required
          maxLength={LIMITS.name}
          value={form.agencyName}
          error={message('agencyName')}
          onChange={(event) => set('agencyName', event.target.value)}
        />
        <SelectField
          id={id('agencyType')}
          label={t('apply.fields.agencyType.label')}
          name="agencyType"
          required
          value={form.agencyType}
          error={message('agencyType')}
          onChange={(event) => set('agencyType', event.target.value as Form['agencyType'])}
        >
          {chooseOption(t('apply.fields.agencyType.choose'))}
          {AGENCY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`apply.agencyType.${type}`)}
            </option>
          ))}
        </SelectField>
        <div className="grid grid-cols-1 items-start gap-4 sm:grid-cols-2">
          <Field
            id={id('agencyCity')}
            label={t('apply.fields.agencyCity.label')}
            marker={optional}
            name="agencyCity"
            autoComplete="address-level2"
            maxLength={LIMITS.agencyCity}
            value={form.agencyCity}
            error={message('agencyCity')}
            onChange={(event) => set('agencyCity', event.target.value)}
          />
          <Field
            id={id('position')}
            label={t('apply.fields.position.label')}
            hint={t('apply.fields.position.hint')}
            marker={optional}
            name="position"
            autoComplete="organization-title"
            maxLength={LIMITS.position}
            value={form.position}
            error={message('position')}
            onChange={(event) => set('position', event.target.value)}
          />
        </div>
        <SelectField
          id={id('timeZone')}
          label={t('apply.fields.timeZone.label')}
          hint={t('apply.fields.timeZone.hint')}
          name="timeZone"
          value={form.timeZone}
          error={message('timeZone')}
          onChange={(event) => set('timeZone', event.target.value)}
        >
          {timeZones}
        </SelectField>
      </Section>

      <Panel>
        <LanguageRows
          rows={form.languages}
          options={lists?.languages ?? NO_LANGUAGES}
          errors={errors}
          focus={focus}
          onChange={(rows, path) => {
            setForm((current) => ({ ...current, languages: rows }));
            setErrors((current) => withoutErrorAt(withoutErrorAt(current, path), 'languages'));
          }}
        />
      </Panel>

      <Panel>
        <CheckboxGroup
          id={id('expertise')}
          legend={t('apply.sections.expertise')}
          hint={t('apply.expertise.hint')}
          marker={optional}
          status={t('apply.expertise.chosen', { count: form.expertise.length })}
          error={message('expertise')}
          sections={sectionsOf(lists?.expertiseAreas, (group) =>
            t(`apply.expertise.groups.${isOneOf(EXPERTISE_GROUPS, group) ? group : 'other'}`),
          )}
          value={form.expertise}
          onChange={(value) => set('expertise', value)}
        />
      </Panel>

      <Panel>
        <CheckboxGroup
          id={id('competences')}
          legend={t('apply.sections.competences')}
          hint={t('apply.competences.hint')}
          marker={optional}
          status={t('apply.competences.chosen', { count: form.competences.length })}
          error={message('competences')}
          sections={sectionsOf(lists?.competences, (group) =>
            t(`apply.competences.groups.${isOneOf(COMPETENCE_GROUPS, group) ? group : 'other'}`),
          )}
          value={form.competences}
          onChange={(value) => set('competences', value)}
        />
      </Panel>

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

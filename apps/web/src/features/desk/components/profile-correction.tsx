import '@web/i18n/practitioner-form/register';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { ErrorSummary } from '@web/components/error-summary';
import {
  AgencyFields,
  agencySlots,
  NameFields,
  nameSlots,
  type AgencyPaths,
  type AgencyValues,
  type NameValues,
} from '@web/components/practitioner-fields';
import { TextareaField } from '@web/components/textarea-field';
import { resultError, type FieldError } from '@web/lib/api-error';
import { errorText, fieldErrorText } from '@web/lib/error-text';
import { errorAt, summaryItems, withoutErrorAt, type ErrorSlot } from '@web/lib/form-errors';
import type { DeskMemberProfileQuery as ProfileResult } from '@web/lib/graphql/graphql';
import { practitionerFieldText } from '@web/lib/practitioner-field-text';
import {
  optionalText,
  parseNameVariants,
  PRACTITIONER_LIMITS as LIMITS,
  textChecker,
} from '@web/lib/practitioner-form';
import { useFocusById } from '@web/lib/use-focus';
import { DeskUpdateMemberProfileMutation } from '../api/desk';
import { REASON_LIMITS, reasonProblem } from '../lib/reason';

type Profile = ProfileResult['practitioner'];
type Form = NameValues & AgencyValues & { reason: string };

const SUMMARY_ID = 'correction-errors';
const id = (path: string) => `correction-${path.replace(/\./g, '-')}`;
const AGENCY_PATHS: AgencyPaths = {
  agencyName: 'agency.name',
  agencyType: 'agency.type',
  agencyCity: 'agency.city',
  position: 'position',
};

const formOf = (profile: Profile): Form => ({
  displayName: profile.displayName,
  nativeName: profile.nativeName ?? '',
  nameVariants: profile.nameVariants.join('\n'),
  agencyName: profile.agency?.name ?? '',
  agencyType: profile.agency?.type ?? '',
  agencyCity: profile.agency?.city ?? '',
  position: profile.position ?? '',
  reason: '',
});

/** The obvious problems, in the API's shape and paths, so they read as the server's would. */
function validate(form: Form): FieldError[] {
  const errors: FieldError[] = [];
  const text = textChecker(errors);
  text('displayName', form.displayName, { required: true, min: LIMITS.nameMin, max: LIMITS.name });
  text('nativeName', form.nativeName, { max: LIMITS.name });
  const variants = parseNameVariants(form.nameVariants);
  if (variants.length > LIMITS.nameVariants) {
    errors.push({ path: 'nameVariants', code: 'TOO_MANY', max: LIMITS.nameVariants });
  }
  if (form.agencyType) {
    text('agency.name', form.agencyName, { required: true, min: LIMITS.nameMin, max: LIMITS.name });
    text('agency.city', form.agencyCity, { max: LIMITS.agencyCity });
  }
  text('position', form.position, { max: LIMITS.position });
  const reason = reasonProblem(form.reason);
  if (reason) {
    errors.push(reason);
  }
  return errors;
}

/**
 * A coordinator's correction of a member's profile — names, agency, position: what a coordinator can vouch for — with
 * the reason the audit log keeps. The fields are the application's and the profile form's own
 * (components/practitioner-fields.tsx); the API checks the member is in the coordinator's countries.
 */
export function ProfileCorrection({
  memberId,
  profile,
  onCancel,
  onSaved,
}: {
  memberId: string;
  profile: Profile;
  onCancel: () => void;
  onSaved: (profile: Profile) => void;
}) {
  const { t } = useTranslation('desk');
  const { t: common } = useTranslation();
  const [{ fetching: saving }, update] = useMutation(DeskUpdateMemberProfileMutation);
  const [form, setForm] = useState<Form>(() => formOf(profile));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string>();
  const focus = useFocusById();

  const change = (next: Partial<Form>, path: string) => {
    setForm((current) => ({ ...current, ...next }));
    setErrors((current) => withoutErrorAt(current, path));
  };
  const textOf = (error: FieldError | undefined) =>
    error?.path === 'reason' ? fieldErrorText(common, error) : practitionerFieldText(common, error);
  const message = (path: string) => textOf(errorAt(errors, path));
  const slots: ErrorSlot[] = [
    ...nameSlots(common, id),
    ...agencySlots(common, id, AGENCY_PATHS),
    { path: 'reason', target: id('reason'), label: t('reason.label') },
  ];
  const summary = summaryItems(slots, errors, textOf, (field, text) =>
    t('correct.item', { field, message: text }),
  );

  function fail(next: FieldError[]) {
    setErrors(next);
    focus(SUMMARY_ID);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const problems = validate(form);
    if (problems.length > 0) {
      fail(problems);
      return;
    }
    const result = await update({
      input: {
        memberId,
        reason: form.reason.trim(),
        displayName: form.displayName.trim(),
        nativeName: optionalText(form.nativeName),
        nameVariants: parseNameVariants(form.nameVariants),
        agency: form.agencyType
          ? { name: form.agencyName.trim(), type: form.agencyType, city: optionalText(form.agencyCity) }
          : undefined,
        position: optionalText(form.position),
      },
    });
    if (result.data) {
      onSaved(result.data.updateMemberProfile);
      return;
    }
    const error = resultError(result.error);
    if (error?.code === 'BAD_USER_INPUT' && error.fields.length > 0) {
      fail(error.fields);
    } else {
      setErrors([]);
      setFailure(errorText(common, error));
    }
  }

  return (
    <section
      aria-labelledby="correction-title"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      <h2 id="correction-title" className="text-lg font-semibold text-slate-900">
        {t('correct.title')}
      </h2>
      <p className="text-slate-700">{t('correct.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-4">
        {summary.length > 0 ? (
          <div id={SUMMARY_ID} tabIndex={-1} className="focus:outline-none">
            <ErrorSummary title={t('correct.summary', { count: summary.length })} items={summary} />
          </div>
        ) : null}
        <NameFields idOf={id} values={form} errorOf={message} onChange={change} />
        <AgencyFields idOf={id} paths={AGENCY_PATHS} values={form} errorOf={message} onChange={change} />
        <TextareaField
          id={id('reason')}
          label={t('reason.label')}
          hint={t('reason.hint', { min: REASON_LIMITS.min })}
          name="reason"
          required
          maxLength={REASON_LIMITS.max}
          value={form.reason}
          error={message('reason')}
          onChange={(event) => change({ reason: event.target.value }, 'reason')}
        />
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={saving}>
            {saving ? t('correct.saving') : t('correct.save')}
          </Button>
          <Button type="button" variant="secondary" disabled={saving} onClick={onCancel}>
            {t('correct.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

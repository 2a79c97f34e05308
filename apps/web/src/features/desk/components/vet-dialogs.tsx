import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type OperationResult } from 'urql';
import { Field } from '@web/components/field';
import { Alert } from '@web/components/alert';
import { ApiError, resultError, type FieldError } from '@web/lib/api-error';
import { fieldErrorText } from '@web/lib/error-text';
import { errorAt } from '@web/lib/form-errors';
import { useFormat } from '@web/lib/format';
import type { DeskMemberFragment } from '@web/lib/graphql/graphql';
import { DeskVetMemberMutation } from '../api/desk';
import { useNow } from '../lib/use-now';
import { shortens, suggestedUntil, vettedUntilOf, vettedUntilProblem, vettingBounds } from '../lib/vetting';
import { ActionDialog } from './action-dialog';

interface VetDialogProps {
  /** The member being decided on; null: the dialog is closed. */
  member: { id: string; name: string } | null;
  onClose: () => void;
  /** The decision is recorded: the member as the server now has them. */
  onDone: (member: DeskMemberFragment) => void;
  focusAfterDone?: () => void;
}

/** A vetMember answer as the dialog reads it: the member, or the refusal. */
function outcome(
  result: OperationResult<{ vetMember: DeskMemberFragment }>,
): { member: DeskMemberFragment } | { refusal: ApiError } {
  return result.data
    ? { member: result.data.vetMember }
    : { refusal: resultError(result.error) ?? new ApiError('UNKNOWN') };
}

/**
 * Approving an applicant, or renewing a vetting (`renew`): the day the vetting ends (from tomorrow to 36 months
 * ahead; checked here and by the API) and the reason, then vetMember APPROVE. The day suggested is 24 months ahead,
 * or the current end when that is later; a day before the current end is allowed but said to shorten the vetting,
 * and renewing a vetting without an end is said to set one.
 */
export function ApproveDialog({
  member,
  onClose,
  onDone,
  focusAfterDone,
  renew = false,
  currentUntil = null,
}: VetDialogProps & {
  renew?: boolean;
  /** When renewing, the day the vetting ends now (an instant); null for a vetting without an end. */
  currentUntil?: string | null;
}) {
  const { t } = useTranslation('desk');
  const { t: common } = useTranslation();
  const format = useFormat();
  const now = useNow();
  const bounds = vettingBounds(now);
  const suggested = suggestedUntil(bounds, renew ? currentUntil : null);
  // Null until the coordinator picks a day: the suggestion follows the member the dialog is opened for.
  const [chosen, setChosen] = useState<string | null>(null);
  const date = chosen ?? suggested;
  const [, vet] = useMutation(DeskVetMemberMutation);
  const name = member?.name ?? '';

  /** A date error in words: the range of days for OUT_OF_RANGE (the shared text speaks of numbers). */
  const dateError = (error: FieldError | undefined) =>
    error?.code === 'OUT_OF_RANGE'
      ? t('vet.outOfRange', { max: format.date(vettedUntilOf(bounds.max)) })
      : fieldErrorText(common, error);

  return (
    <ActionDialog
      open={member !== null}
      onOpenChange={(open) => {
        if (!open) {
          setChosen(null);
          onClose();
        }
      }}
      tone="primary"
      title={t(renew ? 'vet.renewTitle' : 'vet.approveTitle', { name })}
      description={t(renew ? 'vet.renewBody' : 'vet.approveBody')}
      confirmLabel={t(renew ? 'vet.renew' : 'vet.approve')}
      focusAfterDone={focusAfterDone}
      fieldPaths={['vettedUntil']}
      validate={() => [vettedUntilProblem(date, bounds)].filter((problem) => problem !== undefined)}
      fields={(errors, clear) => (
        <>
          {renew && currentUntil === null ? <Alert tone="info">{t('vet.noEndYet')}</Alert> : null}
          <Field
            type="date"
            name="vettedUntil"
            label={t('vet.until')}
            hint={t('vet.untilHint', { max: format.date(vettedUntilOf(bounds.max)) })}
            required
            min={bounds.min}
            max={bounds.max}
            value={date}
            error={dateError(errorAt(errors, 'vettedUntil'))}
            onChange={(event) => {
              setChosen(event.target.value);
              clear('vettedUntil');
            }}
          />
          {renew && shortens(date, currentUntil) && currentUntil ? (
            <Alert tone="warning">{t('vet.shortens', { date: format.date(currentUntil) })}</Alert>
          ) : null}
        </>
      )}
      onConfirm={async (reason) => {
        if (!member) {
          return undefined;
        }
        const result = outcome(
          await vet({
            input: { memberId: member.id, decision: 'APPROVE', reason, vettedUntil: vettedUntilOf(date) },
          }),
        );
        if ('member' in result) {
          setChosen(null);
          onDone(result.member);
          return undefined;
        }
        return result.refusal;
      }}
    />
  );
}

/** Rejecting an application: a reason and the confirmation, then vetMember REJECT. */
export function RejectDialog({ member, onClose, onDone, focusAfterDone }: VetDialogProps) {
  const { t } = useTranslation('desk');
  const [, vet] = useMutation(DeskVetMemberMutation);
  const name = member?.name ?? '';
  return (
    <ActionDialog
      open={member !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('vet.rejectTitle', { name })}
      description={t('vet.rejectBody')}
      confirmLabel={t('vet.reject')}
      focusAfterDone={focusAfterDone}
      onConfirm={async (reason) => {
        if (!member) {
          return undefined;
        }
        const result = outcome(await vet({ input: { memberId: member.id, decision: 'REJECT', reason } }));
        if ('member' in result) {
          onDone(result.member);
          return undefined;
        }
        return result.refusal;
      }}
    />
  );
}

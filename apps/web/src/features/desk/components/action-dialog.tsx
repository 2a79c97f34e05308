import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { TextareaField } from '@web/components/textarea-field';
import type { ApiError, FieldError } from '@web/lib/api-error';
import { errorText, fieldErrorText } from '@web/lib/error-text';
import { errorAt, withoutErrorAt } from '@web/lib/form-errors';
import { REASON_LIMITS, reasonProblem } from '../lib/reason';

export interface ActionDialogProps {
  open: boolean;
  /** Called with false on Escape, a click outside or Cancel (not while the action runs). */
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** `danger` for what cannot be undone or locks someone out; `primary` otherwise. */
  tone?: 'danger' | 'primary';
  /** Fields above the reason (a date, say), given the errors and a way to drop those at a path (the field changed). */
  fields?: (errors: readonly FieldError[], clear: (path: string) => void) => ReactNode;
  /** The paths those fields show errors at; a refusal at any other path (but the reason) is said above the buttons. */
  fieldPaths?: readonly string[];
  /** Problems of those fields, in the API's shape, checked with the reason before anything is sent. */
  validate?: () => FieldError[];
  /**
   * Runs the action with the trimmed reason: an ApiError when the server refused it (its field errors are shown at
   * their fields, anything else above the buttons; the dialog stays open), undefined when it is done (the dialog closes).
   */
  onConfirm: (reason: string) => Promise<ApiError | undefined>;
  /** Where focus goes once the dialog has closed after success (the button that opened it may be gone). */
  focusAfterDone?: () => void;
}

/**
 * An action on a member that asks for a reason (kept in the audit log) and is confirmed by its own button: a modal
 * alert dialog (Radix: focus trapped, Escape closes, focus returns to the opener), its title and description read on
 * opening, focus in the first field. Like ConfirmDialog (components/confirm-dialog.tsx), without Dialog.Overlay, whose
 * injected <style> the CSP refuses. Errors sit at their fields, translated from their codes.
 */
export function ActionDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  tone = 'danger',
  fields,
  fieldPaths = [],
  validate,
  onConfirm,
  focusAfterDone,
}: ActionDialogProps) {
  const { t } = useTranslation('desk');
  const { t: common } = useTranslation();
  const content = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const done = useRef(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setReason('');
    setErrors([]);
    setFailure(undefined);
  };
  const close = () => {
    reset();
    onOpenChange(false);
  };

  /** Asks for the focus to go to the first field with an error once React has shown them (each request anew). */
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest > 0) {
      content.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [focusRequest]);
  const focusFirstError = () => setFocusRequest((count) => count + 1);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) {
      return;
    }
    setFailure(undefined);
    const problems = [...(validate?.() ?? []), ...[reasonProblem(reason)].filter((p) => p !== undefined)];
    if (problems.length > 0) {
      setErrors(problems);
      focusFirstError();
      return;
    }
    setBusy(true);
    const refusal = await onConfirm(reason.trim());
    setBusy(false);
    if (!refusal) {
      done.current = true;
      close();
      return;
    }
    const shown = (error: FieldError) =>
      error.path === 'reason' || fieldPaths.some((path) => errorAt([error], path) !== undefined);
    if (refusal.code === 'BAD_USER_INPUT' && refusal.fields.length > 0) {
      setErrors(refusal.fields.filter(shown));
      const elsewhere = refusal.fields.filter((error) => !shown(error));
      setFailure(
        elsewhere.length > 0 ? elsewhere.map((error) => fieldErrorText(common, error)).join(' ') : undefined,
      );
      focusFirstError();
    } else {
      setErrors([]);
      setFailure(errorText(common, refusal));
    }
  }

  const reasonError = fieldErrorText(common, errorAt(errors, 'reason'));
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (busy) {
          return;
        }
        if (next) {
          onOpenChange(true);
        } else {
          close();
        }
      }}
    >
      <Dialog.Portal>
        <div aria-hidden className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content
          ref={content}
          role="alertdialog"
          aria-modal="true"
          aria-busy={busy || undefined}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            done.current = false;
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            content.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (done.current && focusAfterDone) {
              focusAfterDone();
            } else {
              opener.current?.focus();
            }
          }}
          className="fixed left-1/2 top-1/2 z-50 max-h-[calc(100vh-2rem)] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl"
        >
          <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
            <Dialog.Title className="text-lg font-semibold text-slate-900">{title}</Dialog.Title>
            <Dialog.Description className="text-slate-700">{description}</Dialog.Description>
            {fields?.(errors, (path) => setErrors((current) => withoutErrorAt(current, path)))}
            <TextareaField
              label={t('reason.label')}
              hint={t('reason.hint', { min: REASON_LIMITS.min })}
              name="reason"
              required
              maxLength={REASON_LIMITS.max}
              rows={3}
              value={reason}
              error={reasonError}
              onChange={(event) => {
                setReason(event.target.value);
                setErrors((current) => withoutErrorAt(current, 'reason'));
              }}
            />
            {failure ? <Alert tone="error">{failure}</Alert> : null}
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button type="button" variant="secondary" disabled={busy} onClick={close}>
                {t('dialog.cancel')}
              </Button>
              <Button type="submit" variant={tone} disabled={busy}>
                {busy ? t('dialog.working') : confirmLabel}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

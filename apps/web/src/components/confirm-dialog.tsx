import * as Dialog from '@radix-ui/react-dialog';
import { useRef, type ReactNode } from 'react';
import { Alert } from './alert';
import { Button } from './button';

export interface ConfirmDialogProps {
  open: boolean;
  /** Called with false on Escape, a click outside or the cancel button (not while busy). */
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  /** The action is running: both buttons wait, the dialog stays open. */
  busy?: boolean;
  /** A translated message when the action failed; the dialog stays open to try again or cancel. */
  error?: string;
  tone?: 'danger' | 'primary';
  /** Where focus goes when the dialog closes (default: back to what opened it). */
  onCloseAutoFocus?: (event: Event) => void;
}

/**
 * A confirmation before something that cannot be undone: a modal alert dialog (Radix: focus trapped, Escape closes,
 * focus returns), its title and description read on opening, and focus on the harmless choice first.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel,
  onConfirm,
  busy = false,
  error,
  tone = 'danger',
  onCloseAutoFocus,
}: ConfirmDialogProps) {
  const content = useRef<HTMLDivElement>(null);
  /** What had focus when the dialog opened (a controlled dialog has no Radix trigger to go back to). */
  const opener = useRef<HTMLElement | null>(null);
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (busy ? undefined : onOpenChange(next))}>
      <Dialog.Portal>
        {/* A plain backdrop, not Dialog.Overlay: the Overlay brings react-remove-scroll, whose injected <style> element
            the CSP (style-src 'self') refuses. Radix still traps focus, hides the page from assistive technology and
            closes on a click outside. */}
        <div aria-hidden className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content
          ref={content}
          role="alertdialog"
          aria-modal="true"
          aria-busy={busy || undefined}
          className="fixed left-1/2 top-1/2 z-50 flex max-h-[calc(100vh-2rem)] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 flex-col gap-4 overflow-y-auto rounded-lg bg-white p-5 shadow-xl"
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            content.current?.querySelector<HTMLButtonElement>('[data-cancel]')?.focus();
          }}
          onCloseAutoFocus={(event) => {
            onCloseAutoFocus?.(event);
            if (!event.defaultPrevented) {
              event.preventDefault();
              opener.current?.focus();
            }
          }}
        >
          <Dialog.Title className="text-lg font-semibold text-slate-900">{title}</Dialog.Title>
          <Dialog.Description className="text-slate-700">{description}</Dialog.Description>
          {error ? <Alert tone="error">{error}</Alert> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button data-cancel variant="secondary" disabled={busy} onClick={() => onOpenChange(false)}>
              {cancelLabel}
            </Button>
            <Button variant={tone} disabled={busy} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { Button } from '@web/components/button';
import { ConfirmDialog } from '@web/components/confirm-dialog';
import { CopyButton } from '@web/components/copy-button';
import { useFormat } from '@web/lib/format';
import { ENROLLMENT_STEPS } from './totp-enrollment';

/** Saves `text` as a file through an object URL (no server round trip; the codes never leave the browser). */
function saveTextFile(fileName: string, text: string) {
  // A byte-order mark, so older Windows editors read the Cyrillic text as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The recovery codes, shown once: copy them, download them, and say they are saved before going on. Leaving earlier
 * (a link, the back button, closing the tab) asks first.
 */
export function RecoveryCodes({
  codes,
  email,
  onDone,
}: {
  codes: string[];
  email: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [acknowledged, setAcknowledged] = useState(false);
  const [acknowledgeError, setAcknowledgeError] = useState<string>();
  const [downloaded, setDownloaded] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const checkbox = useRef<HTMLInputElement>(null);
  const checkboxId = useId();
  const errorId = `${checkboxId}-error`;
  const [createdAt] = useState(() => new Date().toISOString());

  const blocker = useBlocker(!acknowledged);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (acknowledged) {
      return undefined;
    }
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [acknowledged]);

  const fileName = t('account.security.codes.fileName');
  const fileText = [
    t('account.security.codes.fileTitle', { email }),
    t('account.security.codes.fileCreated', { date: format.dateTime(createdAt) }),
    '',
    ...codes,
    '',
    t('account.security.codes.fileNote'),
    '',
  ].join('\r\n');

  function finish(event: FormEvent) {
    event.preventDefault();
    if (!acknowledged) {
      setAcknowledgeError(t('account.security.codes.acknowledgeRequired'));
      checkbox.current?.focus();
      return;
    }
    onDone();
  }

  return (
    <section aria-labelledby="recovery-codes" className="flex flex-col gap-4">
      <h2
        id="recovery-codes"
        ref={heading}
        tabIndex={-1}
        className="flex flex-col text-lg font-semibold text-slate-900 focus:outline-none"
      >
        <span className="text-sm font-medium text-slate-600">
          {t('account.security.enroll.step', { step: ENROLLMENT_STEPS, total: ENROLLMENT_STEPS })}
        </span>
        {t('account.security.codes.title')}
      </h2>
      <p className="text-slate-700">{t('account.security.codes.intro', { count: codes.length })}</p>
      <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 font-medium text-amber-950">
        {t('account.security.codes.once')}
      </p>
      <ol
        aria-label={t('account.security.codes.listLabel')}
        className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-md border border-slate-200 bg-white p-4 font-mono text-lg tracking-wide text-slate-900 min-[400px]:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3">
        <CopyButton
          text={codes.join('\n')}
          label={t('account.security.codes.copyAll')}
          copiedMessage={t('account.security.codes.copied')}
          failedMessage={t('account.security.copyFailed')}
        />
        <div className="flex flex-col items-start gap-1">
          <Button
            variant="secondary"
            onClick={() => {
              saveTextFile(fileName, fileText);
              setDownloaded(t('account.security.codes.downloaded', { file: fileName }));
            }}
          >
            {t('account.security.codes.download')}
          </Button>
          <p role="status" className="text-sm text-green-800">
            {downloaded}
          </p>
        </div>
      </div>
      <form noValidate onSubmit={finish} className="flex flex-col gap-3 border-t border-slate-200 pt-4">
        <div className="flex flex-col gap-1">
          <div className="flex items-start gap-3">
            <input
              ref={checkbox}
              id={checkboxId}
              type="checkbox"
              checked={acknowledged}
              aria-invalid={acknowledgeError ? true : undefined}
              aria-describedby={acknowledgeError ? errorId : undefined}
              onChange={(event) => {
                setAcknowledged(event.target.checked);
                setAcknowledgeError(undefined);
              }}
              className="mt-0.5 size-6 shrink-0 accent-brand-700"
            />
            <label htmlFor={checkboxId} className="font-medium text-slate-900">
              {t('account.security.codes.acknowledge')}
            </label>
          </div>
          {acknowledgeError ? (
            <p id={errorId} className="text-sm font-medium text-red-700">
              {acknowledgeError}
            </p>
          ) : null}
        </div>
        <div>
          <Button type="submit">{t('account.security.codes.done')}</Button>
        </div>
      </form>
      <ConfirmDialog
        open={blocker.state === 'blocked'}
        onOpenChange={(open) => (open ? undefined : blocker.reset?.())}
        title={t('account.security.codes.leaveDialog.title')}
        description={t('account.security.codes.leaveDialog.body')}
        cancelLabel={t('account.security.codes.leaveDialog.stay')}
        confirmLabel={t('account.security.codes.leaveDialog.leave')}
        onConfirm={() => blocker.proceed?.()}
      />
    </section>
  );
}

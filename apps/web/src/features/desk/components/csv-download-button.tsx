import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { errorText } from '@web/lib/error-text';
import { downloadCsv, type CsvParams } from '../lib/csv-download';

type State =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'saved'; fileName: string }
  | { status: 'failed'; error: unknown };

/**
 * A button that downloads one of the API's CSV exports with the given filter (`downloadCsv`), and says what happened:
 * "Preparing the file…" and the saved file's name in a polite live region, a refusal in words (an alert). A second
 * press while the file is coming does nothing.
 */
export function CsvDownloadButton({
  path,
  params,
  label,
}: {
  /** `/exports/members.csv` or `/exports/audit.csv`. */
  path: string;
  params?: CsvParams;
  label: string;
}) {
  const { t } = useTranslation('desk');
  const { t: common } = useTranslation();
  const [state, setState] = useState<State>({ status: 'idle' });
  const download = async () => {
    if (state.status === 'busy') {
      return;
    }
    setState({ status: 'busy' });
    try {
      const { fileName } = await downloadCsv(path, params);
      setState({ status: 'saved', fileName });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };
  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        type="button"
        variant="secondary"
        aria-disabled={state.status === 'busy' || undefined}
        onClick={() => void download()}
      >
        {label}
      </Button>
      <p role="status" className="text-sm text-slate-700">
        {state.status === 'busy'
          ? t('dashboard.csv.preparing')
          : state.status === 'saved'
            ? t('dashboard.csv.saved', { file: state.fileName })
            : null}
      </p>
      {state.status === 'failed' ? (
        <Alert tone="error" title={t('dashboard.csv.failed')}>
          {errorText(common, state.error)}
        </Alert>
      ) : null}
    </div>
  );
}

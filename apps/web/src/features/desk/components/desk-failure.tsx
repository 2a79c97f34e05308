import { useTranslation } from 'react-i18next';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import type { ApiError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';

/** A desk query the server refused or could not answer, in words, with a retry. */
export function DeskFailure({
  error,
  title,
  onRetry,
}: {
  error: ApiError | undefined;
  title: string;
  onRetry: () => void;
}) {
  const { t: common } = useTranslation();
  return (
    <Alert tone="error" title={title}>
      <p>{errorText(common, error)}</p>
      <Button type="button" variant="secondary" className="mt-2" onClick={onRetry}>
        {common('actions.retry')}
      </Button>
    </Alert>
  );
}

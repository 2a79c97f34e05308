import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { DirectoryStartConversationDocument } from '@web/lib/graphql/graphql';

/** "Message": opens the direct conversation with this counterpart in the chat, starting it the first time. */
export function MessageButton({ memberId, name }: { memberId: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [{ fetching }, start] = useMutation(DirectoryStartConversationDocument);
  const [error, setError] = useState<string>();

  async function open() {
    setError(undefined);
    const result = await start({ memberId });
    const failure = resultError(result.error);
    if (failure || !result.data) {
      setError(errorText(t, failure));
      return;
    }
    await navigate(`/chat/${result.data.startDirectConversation.id}`);
  }

  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button
          disabled={fetching}
          aria-label={t('directory.profile.messageNamed', { name })}
          onClick={() => void open()}
        >
          {t('directory.profile.message')}
        </Button>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}

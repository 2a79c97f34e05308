import '../i18n/register';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';
import { errorText } from '@web/lib/error-text';
import { ApiError } from '@web/lib/api-error';
import { useSession } from '@web/lib/use-session';
import { chatSessionFor } from '../lib/session-registry';
import { ChatContext, useChatState } from '../lib/use-chat';
import type { ChatSession } from '../lib/chat-session';
import { DeviceSetup, LockScreen, PassphrasePrompt } from './chat-gate';

/**
 * Every chat screen sits under this: it opens this browser's device for the member (naming it the first time,
 * unlocking it when protected or locked) and shows the screen only once the encrypted chat is connected. While the
 * link is down, a banner says so — messages written meanwhile wait in the outbox and leave when it is back.
 */
export function ChatLayout() {
  const state = useSession();
  if (state.status !== 'signed-in') {
    return null;
  }
  return <ChatGate session={chatSessionFor(state.member.id)} />;
}

function ChatGate({ session }: { session: ChatSession }) {
  const { t } = useTranslation('chat');
  const { t: common } = useTranslation();
  const { phase, online } = useChatState(session);
  switch (phase.phase) {
    case 'starting':
    case 'connecting':
      return (
        <Page title={t('title')}>
          <p role="status">{t('opening')}</p>
        </Page>
      );
    case 'unsupported':
      return (
        <Page title={t('title')}>
          <Alert tone="error" title={t('unsupported.title')}>
            {t('unsupported.body')}
          </Alert>
        </Page>
      );
    case 'setup':
      return <DeviceSetup session={session} revoked={phase.revoked} />;
    case 'passphrase':
      return <PassphrasePrompt session={session} />;
    case 'locked':
      return <LockScreen session={session} protectedKeys={phase.protectedKeys} />;
    case 'failed':
      return (
        <Page title={t('title')}>
          <Alert tone="error">{errorText(common, new ApiError(phase.code))}</Alert>
          <div>
            <Button variant="secondary" onClick={() => void session.start()}>
              {common('actions.retry')}
            </Button>
          </div>
        </Page>
      );
    case 'ready':
      return (
        <ChatContext value={session}>
          {online ? null : (
            <div className="mx-auto mb-4 max-w-3xl print:hidden">
              <Alert tone="warning" title={t('offline.title')}>
                {t('offline.body')}
              </Alert>
            </div>
          )}
          <Outlet />
        </ChatContext>
      );
  }
}

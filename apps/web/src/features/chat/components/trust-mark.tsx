import { useTranslation } from 'react-i18next';
import type { ChatSession } from '../lib/chat-session';
import { useChatState } from '../lib/use-chat';

/** What this device believes about a contact's keys: verified (compared), not verified yet, or changed. */
export function TrustMark({ session, memberId }: { session: ChatSession; memberId: string }) {
  const { t } = useTranslation('chat');
  useChatState(session);
  const trust = session.trustOf(memberId);
  if (trust === 'verified') {
    return (
      <span className="inline-flex items-center gap-1 font-semibold text-green-800">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4">
          <path d="m4 10 4 4 8-8" fill="none" stroke="currentColor" strokeWidth="2.5" />
        </svg>
        {t('trust.verified')}
      </span>
    );
  }
  if (trust === 'changed') {
    return <span className="font-semibold text-red-800">{t('trust.changed')}</span>;
  }
  return <span>{t('trust.unverified')}</span>;
}

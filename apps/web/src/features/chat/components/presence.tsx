import { useTranslation } from 'react-i18next';
import { useFormat } from '@web/lib/format';
import type { ChatSession } from '../lib/chat-session';
import { useChatState } from '../lib/use-chat';

/** A dot, green when the member is online now, with the words for screen readers. */
export function PresenceDot({ session, memberId }: { session: ChatSession; memberId: string }) {
  const { t } = useTranslation('chat');
  useChatState(session);
  const online = session.presenceOf(memberId)?.online ?? false;
  return (
    <span className="inline-flex items-center">
      <span
        aria-hidden="true"
        className={`size-2.5 rounded-full ${online ? 'bg-green-600' : 'border border-slate-500 bg-white'}`}
      />
      <span className="sr-only">{online ? t('presence.online') : t('presence.offline')}</span>
    </span>
  );
}

/** "Online now", "Last seen 1 Dec, 17:25" or "Offline". */
export function PresenceText({ session, memberId }: { session: ChatSession; memberId: string }) {
  const { t } = useTranslation('chat');
  const format = useFormat();
  useChatState(session);
  const presence = session.presenceOf(memberId);
  if (presence?.online) {
    return <span className="font-medium text-green-800">{t('presence.online')}</span>;
  }
  return (
    <span>
      {presence?.lastSeenAt
        ? t('presence.lastSeen', { time: format.dateTime(presence.lastSeenAt) })
        : t('presence.offline')}
    </span>
  );
}

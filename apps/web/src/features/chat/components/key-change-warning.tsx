import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '@web/components/button';
import type { ChatPersonFragment } from '@web/lib/graphql/graphql';
import type { ChatSession } from '../lib/chat-session';
import { personName } from '../lib/conversation';

/** What both notices of a partner's changed keys show: which partners, in which conversation. */
interface PartnerKeysNoticeProps {
  session: ChatSession;
  conversationId: string;
  memberIds: string[];
  people: Map<string, ChatPersonFragment> | undefined;
}

/**
 * A partner's keys changed since this device accepted them — a new device of theirs, or someone the server let in
 * between. Sending stays off until the member either compares the new safety number or accepts the change knowingly.
 */
export function KeyChangeWarning({ session, conversationId, memberIds, people }: PartnerKeysNoticeProps) {
  const { t } = useTranslation('chat');
  return (
    <section
      role="alert"
      aria-labelledby="key-change-title"
      className="flex flex-col gap-3 rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-950"
    >
      <h2 id="key-change-title" className="text-lg font-bold">
        {t('keyChange.title', { count: memberIds.length })}
      </h2>
      <p>{t('keyChange.body')}</p>
      <ul className="flex flex-col gap-3">
        {memberIds.map((memberId) => {
          const name = personName(t, people, memberId);
          return (
            <li key={memberId} className="flex flex-col gap-2 rounded-md bg-white p-3">
              <p className="font-semibold">{t('keyChange.person', { name })}</p>
              <div className="flex flex-wrap gap-2">
                <Button asChild>
                  <Link to={`/chat/${conversationId}/safety/${memberId}`}>
                    {t('keyChange.compare', { name })}
                  </Link>
                </Button>
                <Button variant="caution" onClick={() => session.acceptKeyChange(memberId)}>
                  {t('keyChange.accept', { name })}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * A partner removed (revoked) a device: their keys and the safety number changed, and nothing is sealed for that
 * device any more. Told as a new device is, in the same place, but sending stays on: a removal lets no one new read.
 */
export function DeviceRemovedNotice({ session, conversationId, memberIds, people }: PartnerKeysNoticeProps) {
  const { t } = useTranslation('chat');
  return (
    <section
      aria-labelledby="device-removed-title"
      className="flex flex-col gap-3 rounded-md border-2 border-amber-600 bg-amber-50 p-4 text-amber-950"
    >
      {/* Only the title is announced: a live region is read out whole on each change, buttons included. */}
      <div role="status">
        <h2 id="device-removed-title" className="text-lg font-bold">
          {t('deviceRemoved.title', { count: memberIds.length })}
        </h2>
      </div>
      <p>{t('deviceRemoved.body')}</p>
      <ul className="flex flex-col gap-3">
        {memberIds.map((memberId) => {
          const name = personName(t, people, memberId);
          return (
            <li key={memberId} className="flex flex-col gap-2 rounded-md bg-white p-3">
              <p className="font-semibold">{t('deviceRemoved.person', { name })}</p>
              <div className="flex flex-wrap gap-2">
                <Button variant="secondary" asChild>
                  <Link to={`/chat/${conversationId}/safety/${memberId}`}>
                    {t('keyChange.compare', { name })}
                  </Link>
                </Button>
                <Button variant="secondary" onClick={() => session.dismissRemovedDevice(memberId)}>
                  {t('deviceRemoved.dismiss')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

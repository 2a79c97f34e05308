import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { Page } from '@web/components/page';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { ChatConversationsDocument, type ChatPersonFragment } from '@web/lib/graphql/graphql';
import type { ChatSession } from '../lib/chat-session';
import { conversationTitle, others, personName } from '../lib/conversation';
import { useActivityRefetch } from '../lib/use-activity';
import { useChatSession, useChatState, useLastKnown, useLines, usePeople } from '../lib/use-chat';
import { Composer } from './composer';
import { usePresenceSeed } from './conversations-page';
import { DeviceRemovedNotice, KeyChangeWarning } from './key-change-warning';
import { MessageList } from './message-list';
import { PresenceText } from './presence';
import { TrustMark } from './trust-mark';

/**
 * One conversation: who it is with (their clock, whether they can answer now, online, verified), a blocking warning
 * when a partner's keys changed (a notice when a partner removed a device), the messages, who is typing, and the
 * composer with its caveat.
 */
export function ConversationPage() {
  const { t } = useTranslation('chat');
  const { t: common } = useTranslation();
  const { conversationId = '' } = useParams();
  const session = useChatSession();
  const { online } = useChatState(session);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ChatConversationsDocument,
    requestPolicy: 'cache-and-network',
  });
  useActivityRefetch(session, () => refetch({ requestPolicy: 'network-only' }), conversationId);
  const known = useLastKnown(data);
  const listed = known?.conversations.find((candidate) => candidate.id === conversationId);
  // Removed from a group (or left it elsewhere) while reading it: what arrived stays readable here, sending stops.
  const lastListed = useLastKnown(listed);
  const former = lastListed?.id === conversationId ? lastListed : undefined;
  const conversation = listed ?? former;
  const noLongerIn = !listed && former !== undefined;
  const partnerIds = useMemo(
    () => (conversation ? others(conversation, session.memberId) : []),
    [conversation, session.memberId],
  );
  const people = usePeople(partnerIds);
  usePresenceSeed(session, partnerIds);
  const lines = useLines(session, conversationId);

  useEffect(() => {
    if (conversation) {
      session.seedReceipts(conversation.id, conversation.participants);
    }
  }, [session, conversation]);
  const participantKey = partnerIds.join(',');
  useEffect(() => {
    if (conversationId) {
      void session.refreshKeys(conversationId);
    }
  }, [session, conversationId, participantKey]);

  const onTyping = useCallback(
    (typing: boolean) => session.setTyping(conversationId, typing),
    [session, conversationId],
  );

  if (!conversation) {
    return (
      <Page title={t('conversation.title')} before={<BackToList />}>
        {fetching || (!data && !error) ? (
          <p role="status">{common('status.loading')}</p>
        ) : error && !data ? (
          <Alert tone="error">{errorText(common, resultError(error))}</Alert>
        ) : (
          <Alert tone="error">{t('conversation.notFound')}</Alert>
        )}
      </Page>
    );
  }

  const title = conversationTitle(t, conversation, session.memberId, people);
  const changed = partnerIds.filter((memberId) => session.trustOf(memberId) === 'changed');
  const removed = partnerIds.filter((memberId) => session.removedDevice(memberId));
  const receipts = session.receiptsOf(conversationId);
  const readBy = (seq: number) =>
    [...receipts.entries()].some(([memberId, readSeq]) => memberId !== session.memberId && readSeq >= seq);
  const typingNames = session.typingIn(conversationId).map((memberId) => personName(t, people, memberId));
  const { hasOlder } = session.threads.extent(conversationId);

  return (
    <Page title={title} before={<BackToList />}>
      <ConversationHeader
        session={session}
        conversationId={conversationId}
        kind={conversation.kind}
        partnerIds={partnerIds}
        people={people}
        noLongerIn={noLongerIn}
      />
      {changed.length > 0 ? (
        <KeyChangeWarning
          session={session}
          conversationId={conversationId}
          memberIds={changed}
          people={people}
        />
      ) : null}
      {removed.length > 0 && !noLongerIn ? (
        <DeviceRemovedNotice
          session={session}
          conversationId={conversationId}
          memberIds={removed}
          people={people}
        />
      ) : null}
      <MessageList
        session={session}
        conversationId={conversationId}
        lines={lines}
        people={people}
        online={online}
        readBy={readBy}
        // No longer in it: the server answers no history and takes no message, so neither is offered.
        hasOlder={!noLongerIn && hasOlder && conversation.lastSeq > 0}
        onRetry={
          noLongerIn
            ? undefined
            : (line) => {
                session.threads.discard(conversationId, line.id);
                if (line.body) {
                  session.send(conversationId, line.body.text, line.body.caveat ?? 'NONE');
                }
              }
        }
      />
      <p aria-live="polite" className="min-h-5 text-sm text-slate-700">
        {typingNames.length > 0
          ? t('conversation.typing', { names: typingNames.join(', '), count: typingNames.length })
          : ''}
      </p>
      {noLongerIn ? (
        <Alert tone="info">{t('conversation.noLongerIn')}</Alert>
      ) : (
        <Composer
          disabledReason={changed.length > 0 ? t('composer.blocked') : undefined}
          onSend={(text, caveat) => session.send(conversationId, text, caveat)}
          onTyping={onTyping}
        />
      )}
    </Page>
  );
}

function BackToList() {
  const { t } = useTranslation('chat');
  return (
    <Link to="/chat" className="text-sm font-medium text-brand-700 underline">
      {t('conversation.back')}
    </Link>
  );
}

/** Direct: the partner's clock, whether they can answer now, presence and verification. Group: its people. */
function ConversationHeader({
  session,
  conversationId,
  kind,
  partnerIds,
  people,
  noLongerIn,
}: {
  session: ChatSession;
  conversationId: string;
  kind: 'DIRECT' | 'GROUP';
  partnerIds: string[];
  people: Map<string, ChatPersonFragment> | undefined;
  /**
   * The member is no longer in it: the safety number, details and export pages look the conversation up in the
   * member's list and would say it does not exist, so only the search of what this device holds is offered.
   */
  noLongerIn: boolean;
}) {
  const { t } = useTranslation('chat');
  const partner = kind === 'DIRECT' ? partnerIds[0] : undefined;
  const person = partner ? people?.get(partner) : undefined;
  return (
    <div className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-800">
      {partner ? (
        <>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <PresenceText session={session} memberId={partner} />
            {person ? (
              <span>
                {t('header.localTime', { time: person.localTime.slice(11, 16) })}
                {' · '}
                {person.availableNow ? (
                  <span className="font-medium text-green-800">{t('header.canAnswer')}</span>
                ) : (
                  <span>{t('header.outOfHours')}</span>
                )}
              </span>
            ) : null}
          </p>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <TrustMark session={session} memberId={partner} />
            {noLongerIn ? null : (
              <Link
                to={`/chat/${conversationId}/safety/${partner}`}
                className="font-medium text-brand-700 underline"
              >
                {t('header.safetyNumber')}
              </Link>
            )}
          </p>
        </>
      ) : (
        <p>{t('header.people', { count: partnerIds.length + 1 })}</p>
      )}
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        {noLongerIn ? null : (
          <>
            <Link to={`/chat/${conversationId}/details`} className="font-medium text-brand-700 underline">
              {kind === 'GROUP' ? t('header.members') : t('header.details')}
            </Link>
            <Link to={`/chat/${conversationId}/export`} className="font-medium text-brand-700 underline">
              {t('header.export')}
            </Link>
          </>
        )}
        <Link to="/chat/search" className="font-medium text-brand-700 underline">
          {t('search.open')}
        </Link>
      </p>
    </div>
  );
}

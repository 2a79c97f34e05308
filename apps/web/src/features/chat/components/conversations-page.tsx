import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { useFormat } from '@web/lib/format';
import {
  ChatConversationsDocument,
  ChatPresenceDocument,
  type ChatConversationFragment,
  type ChatPersonFragment,
} from '@web/lib/graphql/graphql';
import type { ChatSession } from '../lib/chat-session';
import { conversationTitle, others } from '../lib/conversation';
import { useActivityRefetch } from '../lib/use-activity';
import { useChatSession, useChatState, useLastKnown, usePeople } from '../lib/use-chat';
import { AutoLockSetting } from './auto-lock-setting';
import { CaveatBadge } from './caveat';
import { PresenceDot } from './presence';

/**
 * The member's conversations, most recent activity first: who (and whether they are online), when, how many unread,
 * and the caveat of the last message — decrypted here, never by the server.
 */
export function ConversationsPage() {
  const { t } = useTranslation('chat');
  const { t: common } = useTranslation();
  const session = useChatSession();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ChatConversationsDocument });
  useActivityRefetch(session, () => refetch({ requestPolicy: 'network-only' }));
  const conversations = useLastKnown(data)?.conversations;
  const partnerIds = useMemo(
    () => (conversations ?? []).flatMap((conversation) => others(conversation, session.memberId)),
    [conversations, session.memberId],
  );
  const people = usePeople(partnerIds);
  usePresenceSeed(session, partnerIds);

  let body;
  if (!conversations) {
    body =
      fetching || !error ? (
        <p role="status">{common('status.loading')}</p>
      ) : (
        <>
          <Alert tone="error">{errorText(common, resultError(error))}</Alert>
          <div>
            <Button variant="secondary" onClick={() => refetch({ requestPolicy: 'network-only' })}>
              {common('actions.retry')}
            </Button>
          </div>
        </>
      );
  } else if (conversations.length === 0) {
    body = (
      <Alert title={t('list.emptyTitle')}>
        {t('list.emptyBody')}{' '}
        <Link to="/directory" className="font-medium text-brand-700 underline">
          {t('list.findCounterpart')}
        </Link>
      </Alert>
    );
  } else {
    body = (
      <ul aria-label={t('list.label')} className="flex flex-col gap-2">
        {conversations.map((conversation) => (
          <li key={conversation.id}>
            <ConversationItem session={session} conversation={conversation} people={people} />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <Page title={t('list.title')} intro={t('list.intro')}>
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" asChild>
          <Link to="/chat/new-group">{t('list.newGroup')}</Link>
        </Button>
        <Button variant="secondary" asChild>
          <Link to="/directory">{t('list.newDirect')}</Link>
        </Button>
        <Button variant="secondary" asChild>
          <Link to="/chat/search">{t('search.open')}</Link>
        </Button>
      </div>
      {body}
      <AutoLockSetting />
    </Page>
  );
}

function ConversationItem({
  session,
  conversation,
  people,
}: {
  session: ChatSession;
  conversation: ChatConversationFragment;
  people: Map<string, ChatPersonFragment> | undefined;
}) {
  const { t } = useTranslation('chat');
  const format = useFormat();
  useChatState(session);
  const last = useSyncExternalStore(
    (listener) => session.threads.subscribe(conversation.id, listener),
    () => session.threads.last(conversation.id),
  );
  useEffect(() => {
    void session.loadNewest(conversation.id, conversation.lastSeq).catch(() => undefined);
  }, [session, conversation.id, conversation.lastSeq]);
  const partner = conversation.kind === 'DIRECT' ? others(conversation, session.memberId)[0] : undefined;
  const title = conversationTitle(t, conversation, session.memberId, people);
  const unread = conversation.unreadCount;
  const preview = last
    ? last.body
      ? last.body.text
      : t('message.undecryptableShort')
    : conversation.lastSeq === 0
      ? t('list.noMessages')
      : '';
  return (
    <Link
      to={`/chat/${conversation.id}`}
      className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white p-3 hover:bg-slate-50"
    >
      <span className="flex items-center gap-2">
        {partner ? <PresenceDot session={session} memberId={partner} /> : null}
        <span className="min-w-0 flex-1 truncate font-semibold text-slate-900">{title}</span>
        {unread > 0 ? (
          <span className="rounded-full bg-brand-700 px-2 text-sm font-semibold text-white">
            <span aria-hidden="true">{unread}</span>
            <span className="sr-only">{t('list.unread', { count: unread })}</span>
          </span>
        ) : null}
      </span>
      <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <span>
          {conversation.kind === 'GROUP'
            ? t('list.group', { count: conversation.participants.length })
            : t('list.direct')}
        </span>
        <time dateTime={conversation.lastActivityAt}>{format.dateTime(conversation.lastActivityAt)}</time>
      </span>
      {last?.body?.caveat ? <CaveatBadge caveat={last.body.caveat} /> : null}
      {preview ? <span className="truncate text-sm text-slate-800">{preview}</span> : null}
    </Link>
  );
}

/** Presence of these members as the API has it now; live events keep it current after. */
export function usePresenceSeed(session: ChatSession, memberIds: readonly string[]): void {
  const ids = [...new Set(memberIds)].sort().slice(0, 100);
  const [{ data }] = useQuery({
    query: ChatPresenceDocument,
    variables: { memberIds: ids },
    pause: ids.length === 0,
    requestPolicy: 'network-only',
  });
  useEffect(() => {
    if (data) {
      session.seedPresence(data.presence);
    }
  }, [data, session]);
}

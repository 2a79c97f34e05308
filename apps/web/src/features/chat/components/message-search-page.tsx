import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Field } from '@web/components/field';
import { Page } from '@web/components/page';
import { useFormat } from '@web/lib/format';
import {
  ChatConversationsDocument,
  type ChatConversationFragment,
  type ChatPersonFragment,
} from '@web/lib/graphql/graphql';
import { conversationTitle, personName } from '../lib/conversation';
import type { IndexedMessage } from '../lib/message-index';
import type { MessageSearch, MessageSearchState } from '../lib/message-search';
import { useChatSession, useLastKnown, usePeople } from '../lib/use-chat';
import { CaveatBadge } from './caveat';

/** Results shown at first, and added by each "show more" (a screenful or two: rendering them is most of a query's time). */
const PAGE = 20;
const MAX_QUERY_LENGTH = 200;

/**
 * "Search my messages": what this device decrypted, searched on this device only. Opening it fetches the folding
 * tables and decrypts the device's sealed cache into memory (the status says how many); then every query word must
 * start a word of a message, in any script ("avtobus" finds "автобус"). Newest first, the matched words marked, each
 * result a link to its conversation.
 */
export function MessageSearchPage() {
  const { t } = useTranslation('chat');
  const { t: common } = useTranslation();
  const session = useChatSession();
  const search = useMemo(() => session.messageSearch(), [session]);
  const state = useSyncExternalStore(search.subscribe, search.getState);
  useEffect(() => search.start(), [search]);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [{ data }] = useQuery({ query: ChatConversationsDocument });
  const conversations = useLastKnown(data)?.conversations;
  const found = useMemo(
    // `state` changes when messages arrive while the screen is open: the same query answers again.
    () => (state.status === 'ready' ? search.search(query, limit) : null),
    [search, state, query, limit],
  );
  const byId = useMemo(
    () => new Map((conversations ?? []).map((conversation) => [conversation.id, conversation])),
    [conversations],
  );
  const peopleIds = useMemo(
    () => [
      ...(conversations ?? []).flatMap((conversation) =>
        conversation.participants.map((participant) => participant.memberId),
      ),
      ...(found?.messages ?? []).map((message) => message.senderId),
    ],
    [conversations, found],
  );
  const people = usePeople(peopleIds);

  return (
    <Page title={t('search.title')} intro={t('search.intro')} before={<BackToList />}>
      <form role="search" aria-label={t('search.title')} onSubmit={(event) => event.preventDefault()}>
        <Field
          type="search"
          name="q"
          label={t('search.label')}
          hint={t('search.hint')}
          value={query}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          dir="auto"
          onChange={(event) => {
            setQuery(event.target.value);
            setLimit(PAGE);
          }}
        />
      </form>
      <SearchStatus
        state={state}
        query={query}
        total={found?.total ?? null}
        shown={found?.messages.length ?? 0}
      />
      {state.status === 'failed' ? (
        <div>
          <Button variant="secondary" onClick={() => search.start()}>
            {common('actions.retry')}
          </Button>
        </div>
      ) : null}
      {state.status === 'ready' && state.size === 0 ? (
        <Alert title={t('search.emptyTitle')}>{t('search.emptyBody')}</Alert>
      ) : null}
      {found && found.messages.length > 0 ? (
        <ol aria-label={t('search.results')} className="flex flex-col gap-2">
          {found.messages.map((message) => (
            <li key={`${message.conversationId}:${message.seq}`}>
              <SearchHit
                search={search}
                message={message}
                words={found.words}
                // Undefined until the conversations are known; null for one the member is no longer in.
                conversation={conversations ? (byId.get(message.conversationId) ?? null) : undefined}
                memberId={session.memberId}
                people={people}
              />
            </li>
          ))}
        </ol>
      ) : null}
      {found && found.total > found.messages.length ? (
        <div>
          <Button variant="secondary" onClick={() => setLimit(limit + PAGE)}>
            {t('search.more')}
          </Button>
        </div>
      ) : null}
    </Page>
  );
}

/**
 * Where the search stands, announced politely: indexing, how many can be searched, how many were found, or that
 * nothing was. `data-search-query` / `data-search-total`: the query this text answers (bench:web times to it).
 */
function SearchStatus({
  state,
  query,
  total,
  shown,
}: {
  state: MessageSearchState;
  query: string;
  total: number | null;
  shown: number;
}) {
  const { t } = useTranslation('chat');
  if (state.status === 'failed') {
    return <Alert tone="error">{t('search.failed')}</Alert>;
  }
  let text: string;
  if (state.status === 'idle' || state.status === 'loading') {
    text = t('search.loading');
  } else if (state.status === 'indexing') {
    text = t('search.indexing', { count: state.count });
  } else if (total === null || query.trim() === '' || state.size === 0) {
    text = state.size === 0 ? '' : t('search.ready', { count: state.size });
  } else if (total === 0) {
    text = t('search.nothing', { query: query.trim() });
  } else {
    text = [t('search.found', { count: total }), shown < total ? t('search.showing', { shown }) : ''].join(
      ' ',
    );
  }
  const unreadable =
    state.status === 'ready' && state.unreadable > 0
      ? t('search.unreadable', { count: state.unreadable })
      : '';
  return (
    <div className="flex flex-col gap-1 text-sm text-slate-700">
      <p
        role="status"
        className="min-h-5"
        data-search-query={state.status === 'ready' ? query : undefined}
        data-search-total={state.status === 'ready' ? (total ?? 0) : undefined}
      >
        {text.trim()}
      </p>
      {unreadable ? <p>{unreadable}</p> : null}
    </div>
  );
}

function SearchHit({
  search,
  message,
  words,
  conversation,
  memberId,
  people,
}: {
  search: MessageSearch;
  message: IndexedMessage;
  words: readonly string[];
  /** undefined: the conversations are still loading; null: the member is no longer in this one. */
  conversation: ChatConversationFragment | null | undefined;
  memberId: string;
  people: Map<string, ChatPersonFragment> | undefined;
}) {
  const { t } = useTranslation('chat');
  const format = useFormat();
  const title = conversation
    ? conversationTitle(t, conversation, memberId, people)
    : conversation === null
      ? t('search.leftConversation')
      : t('search.conversationLoading');
  const sender = message.senderId === memberId ? t('search.you') : personName(t, people, message.senderId);
  const body = (
    <>
      <span className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="min-w-0 flex-1 font-semibold break-words text-slate-900">{title}</span>
        <time dateTime={message.sentAt} className="text-sm text-slate-700">
          {format.dateTime(message.sentAt)}
        </time>
      </span>
      <span className="text-sm font-medium text-slate-800">{sender}</span>
      {message.caveat ? <CaveatBadge caveat={message.caveat} /> : null}
      <span dir="auto" className="text-sm break-words whitespace-pre-line text-slate-900">
        {search.highlight(message.text, words).map((part, index) =>
          part.mark ? (
            <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-slate-950">
              {part.text}
            </mark>
          ) : (
            part.text
          ),
        )}
      </span>
    </>
  );
  // A conversation the member left has no page to open (/chat/:id would say it does not exist): the hit is text only.
  return conversation === null ? (
    <div className="flex min-w-0 flex-col gap-1 rounded-md border border-slate-200 bg-white p-3">{body}</div>
  ) : (
    <Link
      to={`/chat/${message.conversationId}`}
      className="flex min-w-0 flex-col gap-1 rounded-md border border-slate-200 bg-white p-3 hover:bg-slate-50"
    >
      {body}
    </Link>
  );
}

function BackToList() {
  const { t } = useTranslation('chat');
  return (
    <Link to="/chat" className="text-sm font-medium text-brand-700 underline">
      {t('search.back')}
    </Link>
  );
}

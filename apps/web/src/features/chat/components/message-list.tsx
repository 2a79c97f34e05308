import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@web/components/button';
import { useFormat } from '@web/lib/format';
import type { ChatPersonFragment } from '@web/lib/graphql/graphql';
import type { ChatSession } from '../lib/chat-session';
import { personName } from '../lib/conversation';
import type { ChatLine } from '../lib/threads';
import { CaveatBadge } from './caveat';

const NEAR_BOTTOM_PX = 48;

/**
 * A conversation's messages, oldest at the top, virtualized (only the rows near the viewport are in the page, so 5,000
 * messages scroll like 50). It follows new messages while the reader is at the bottom and stays put when they are
 * reading back; reaching the top loads the page before (a button does the same for keyboards). What the reader has
 * seen at the bottom is marked read.
 */
export function MessageList({
  session,
  conversationId,
  lines,
  people,
  online,
  readBy,
  hasOlder,
  onRetry,
}: {
  session: ChatSession;
  conversationId: string;
  lines: readonly ChatLine[];
  people: Map<string, ChatPersonFragment> | undefined;
  online: boolean;
  /** Whether another participant has read up to this seq. */
  readBy: (seq: number) => boolean;
  hasOlder: boolean;
  /** Sends a refused message again, as a new one. */
  /** Absent: nothing can be sent here any more (e.g. no longer in the conversation), so no "Send again". */
  onRetry?: (line: ChatLine) => void;
}) {
  const { t } = useTranslation('chat');
  // One set of Intl formatters for every row (each makes its own otherwise: a cost per row mounted).
  const format = useFormat();
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const anchor = useRef<{ firstId: string | undefined; total: number; top: number } | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderFailed, setOlderFailed] = useState(false);
  // The virtualizer changes in place as it measures: React Compiler leaves this component unmemoized, as it must be.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length + 1,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (index === 0 ? 56 : 88),
    getItemKey: (index) => (index === 0 ? 'top' : lines[index - 1].id),
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const topVisible = items[0]?.index === 0;

  async function loadOlder() {
    if (loadingOlder || !hasOlder) {
      return;
    }
    const element = scroller.current;
    anchor.current = element
      ? { firstId: lines[0]?.id, total: virtualizer.getTotalSize(), top: element.scrollTop }
      : null;
    setLoadingOlder(true);
    setOlderFailed(false);
    try {
      await session.loadOlder(conversationId);
    } catch {
      setOlderFailed(true);
    } finally {
      setLoadingOlder(false);
    }
  }

  // Reaching the top loads the page before (once per arrival at the top).
  useEffect(() => {
    if (topVisible && hasOlder && !loadingOlder && !olderFailed) {
      void loadOlder();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loadOlder reads the latest state; run on arrival only
  }, [topVisible, hasOlder, lines.length === 0]);

  // Older lines came in above: keep the reader's place. New lines at the bottom: follow them if at the bottom.
  const lastId = lines.at(-1)?.id;
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) {
      return;
    }
    const kept = anchor.current;
    if (kept && kept.firstId !== lines[0]?.id) {
      anchor.current = null;
      element.scrollTop = kept.top + (virtualizer.getTotalSize() - kept.total);
      return;
    }
    const mine = lines.at(-1)?.senderId === session.memberId && lines.at(-1)?.status !== 'stored';
    if ((atBottom.current || mine) && lines.length > 0) {
      virtualizer.scrollToIndex(lines.length, { align: 'end' });
    }
  }, [lines, lastId, virtualizer, session.memberId]);

  // What is on screen at the bottom, in a visible tab, is read.
  const newestStored = [...lines].reverse().find((line) => line.seq !== null)?.seq ?? 0;
  useEffect(() => {
    const markIfSeen = () => {
      if (atBottom.current && document.visibilityState === 'visible' && newestStored > 0) {
        void session.markRead(conversationId, newestStored);
      }
    };
    markIfSeen();
    document.addEventListener('visibilitychange', markIfSeen);
    return () => document.removeEventListener('visibilitychange', markIfSeen);
  }, [session, conversationId, newestStored]);

  return (
    <div
      ref={scroller}
      role="log"
      aria-label={t('conversation.messages')}
      // A scrollable region must be reachable by keyboard (axe: scrollable-region-focusable).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrolled with the arrow keys once focused
      tabIndex={0}
      onScroll={(event) => {
        const element = event.currentTarget;
        atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
        if (atBottom.current && newestStored > 0) {
          void session.markRead(conversationId, newestStored);
        }
      }}
      className="h-[60vh] min-h-64 overflow-y-auto rounded-md border border-slate-200 bg-slate-50 focus:outline-2 focus:outline-offset-2 focus:outline-brand-700"
    >
      <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="absolute left-0 top-0 w-full px-2 py-1"
            style={{ transform: `translateY(${item.start}px)` }}
          >
            {item.index === 0 ? (
              <div className="flex justify-center py-2 text-sm text-slate-700">
                {hasOlder ? (
                  <Button variant="secondary" disabled={loadingOlder} onClick={() => void loadOlder()}>
                    {loadingOlder
                      ? t('conversation.loadingOlder')
                      : olderFailed
                        ? t('conversation.olderFailed')
                        : t('conversation.loadOlder')}
                  </Button>
                ) : (
                  <p>{lines.length === 0 ? t('conversation.empty') : t('conversation.beginning')}</p>
                )}
              </div>
            ) : (
              <MessageRow
                session={session}
                line={lines[item.index - 1]}
                people={people}
                online={online}
                read={lines[item.index - 1].seq !== null && readBy(lines[item.index - 1].seq!)}
                onRetry={onRetry}
                format={format}
              />
            )}
          </div>
        ))}
      </div>
    </div>
  );
}

function MessageRow({
  session,
  line,
  people,
  online,
  read,
  onRetry,
  format,
}: {
  session: ChatSession;
  line: ChatLine;
  people: Map<string, ChatPersonFragment> | undefined;
  online: boolean;
  read: boolean;
  onRetry?: (line: ChatLine) => void;
  format: ReturnType<typeof useFormat>;
}) {
  const { t } = useTranslation('chat');
  const mine = line.senderId === session.memberId;
  const sender = mine ? t('message.you') : personName(t, people, line.senderId);
  return (
    <article
      aria-label={t('message.from', { sender })}
      className={`flex flex-col gap-1 rounded-md border p-2 ${mine ? 'ml-8 border-brand-700/30 bg-white' : 'mr-8 border-slate-300 bg-white'} ${line.status === 'refused' ? 'border-red-700' : ''}`}
    >
      <p className="text-sm font-semibold text-slate-900">{sender}</p>
      <CaveatBadge caveat={line.body?.caveat} wide />
      {line.body ? (
        <p className="whitespace-pre-wrap break-words text-slate-900">{line.body.text}</p>
      ) : (
        <p className="text-slate-800">
          <span className="font-semibold">{t('message.undecryptable')}</span>{' '}
          {t(`message.problem.${line.problem ?? 'MALFORMED'}`)}
        </p>
      )}
      {line.senderTrust === 'changed' ? (
        <p className="text-sm font-medium text-amber-900">{t('message.senderKeysChanged')}</p>
      ) : null}
      <p className="flex flex-wrap gap-x-2 text-xs text-slate-700">
        {line.sentAt ? <time dateTime={line.sentAt}>{format.dateTime(line.sentAt)}</time> : null}
        {mine ? (
          <OwnStatus session={session} line={line} online={online} read={read} onRetry={onRetry} />
        ) : null}
      </p>
    </article>
  );
}

function OwnStatus({
  session,
  line,
  online,
  read,
  onRetry,
}: {
  session: ChatSession;
  line: ChatLine;
  online: boolean;
  read: boolean;
  onRetry?: (line: ChatLine) => void;
}) {
  const { t } = useTranslation('chat');
  if (line.status === 'stored') {
    return <span>{read ? t('message.read') : t('message.sent')}</span>;
  }
  if (line.status === 'waiting') {
    return (
      <span className="font-semibold text-amber-900">
        {online ? t('message.sending') : t('message.waiting')}
      </span>
    );
  }
  const code = line.failure?.code ?? 'UNKNOWN';
  return (
    <span className="flex flex-wrap items-center gap-2 font-semibold text-red-800">
      {t(`message.refused.${code === 'SAFETY_NUMBER_CHANGED' ? 'SAFETY_NUMBER_CHANGED' : 'OTHER'}`)}
      {onRetry ? (
        <Button variant="link" onClick={() => onRetry(line)} className="text-xs">
          {t('message.retry')}
        </Button>
      ) : null}
      <Button
        variant="link"
        onClick={() => session.threads.discard(line.conversationId, line.id)}
        className="text-xs"
      >
        {t('message.discard')}
      </Button>
    </span>
  );
}

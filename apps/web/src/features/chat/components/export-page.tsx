import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { Page } from '@web/components/page';
import { ApiError, resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { useFormat } from '@web/lib/format';
import { ChatConversationsDocument } from '@web/lib/graphql/graphql';
import type { ChatSession } from '../lib/chat-session';
import { conversationTitle } from '../lib/conversation';
import {
  buildExport,
  exportFileName,
  exportJson,
  type ConversationExport,
  type ExportMessage,
  type ExportParticipant,
} from '../lib/export';
import { useChatSession, useChatState, useLines, usePeople } from '../lib/use-chat';
import { CaveatBadge } from './caveat';

/** How long the file's object URL outlives the click that downloads it (a browser reads it after the click returns). */
const REVOKE_AFTER_MS = 1_000;

/**
 * A conversation for the record: the whole history loaded and decrypted on this device first, then a printable page
 * (who exported it, when, each participant's verification as this device sees it, every message with its sender, time
 * and caveat) and the same as a JSON file — the start of a formal request. Nothing of it goes to the server.
 */
export function ExportPage() {
  const { t } = useTranslation('chat');
  const { t: common } = useTranslation();
  const { conversationId = '' } = useParams();
  const session = useChatSession();
  const { deviceId } = useChatState(session);
  const [{ data, error, fetching }] = useQuery({
    query: ChatConversationsDocument,
    requestPolicy: 'cache-and-network',
  });
  const conversation = data?.conversations.find((candidate) => candidate.id === conversationId);
  const lines = useLines(session, conversationId);
  const history = useWholeHistory(session, conversationId);

  useEffect(() => {
    if (conversationId) {
      void session.refreshKeys(conversationId);
    }
  }, [session, conversationId]);

  // Everyone named in the record: the participants, whoever sent a message (some may have left), the exporter
  // (usePeople keys its fetch on the ids, so a new array each render asks nothing new).
  const senderKey =
    history.status === 'done' ? [...new Set(lines.map((line) => line.senderId))].join(',') : '';
  const participantKey =
    conversation?.participants.map((participant) => participant.memberId).join(',') ?? '';
  const ids = [session.memberId, ...participantKey.split(','), ...senderKey.split(',')].filter(Boolean);
  const people = usePeople(ids);

  const before = (
    <Link
      to={`/chat/${conversationId}`}
      className="text-sm font-medium text-brand-700 underline print:hidden"
    >
      {t('exporting.back')}
    </Link>
  );
  const stored = lines.filter((line) => line.status === 'stored');
  const pending = lines.length - stored.length;

  let body: ReactNode;
  if (!conversation && error && !data) {
    body = <Alert tone="error">{errorText(common, resultError(error))}</Alert>;
  } else if (!conversation && data && !fetching) {
    body = <Alert tone="error">{t('conversation.notFound')}</Alert>;
  } else if (history.status === 'failed') {
    body = (
      <div className="flex flex-col gap-3 print:hidden">
        <Alert tone="error" title={t('exporting.loadFailed')}>
          {errorText(common, history.error)}
        </Alert>
        <div>
          <Button variant="secondary" onClick={history.retry}>
            {common('actions.retry')}
          </Button>
        </div>
      </div>
    );
  } else if (history.status === 'loading' || !conversation || !people) {
    body = (
      <p role="status" className="print:hidden">
        {history.status === 'loading'
          ? t('exporting.loading', { count: stored.length })
          : common('status.loading')}
      </p>
    );
  } else {
    const record = buildExport({
      exportedAt: history.exportedAt,
      exporter: { memberId: session.memberId, deviceId },
      conversation,
      title: conversationTitle(t, conversation, session.memberId, people),
      people,
      trustOf: (memberId) => session.trustOf(memberId),
      lines: stored,
    });
    body = (
      <>
        <div className="flex flex-wrap gap-2 print:hidden">
          <Button onClick={() => window.print()}>{t('exporting.print')}</Button>
          <Button variant="secondary" onClick={() => download(record)}>
            {t('exporting.download')}
          </Button>
        </div>
        {pending > 0 ? (
          <p className="text-sm text-slate-800 print:hidden">
            {t('exporting.pendingLeftOut', { count: pending })}
          </p>
        ) : null}
        <Record record={record} />
      </>
    );
  }

  return (
    <Page title={t('exporting.title')} before={before}>
      <Alert tone="warning" title={t('exporting.warningTitle')}>
        {t('exporting.warningBody')}
      </Alert>
      {body}
    </Page>
  );
}

type HistoryLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown; retry: () => void }
  | { status: 'done'; exportedAt: Date };

/**
 * Loads the conversation's history page by page, back to its first message (each page decrypted here), and says when
 * it is all in. A page that brings nothing while more is said to exist fails the load rather than loop.
 */
function useWholeHistory(session: ChatSession, conversationId: string): HistoryLoad {
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<{
    key: string;
    result: { status: 'failed'; error: unknown } | { status: 'done'; exportedAt: Date };
  }>();
  const key = `${conversationId}:${attempt}`;
  useEffect(() => {
    let current = true;
    const load = async () => {
      while (session.threads.extent(conversationId).hasOlder) {
        const oldest = session.threads.extent(conversationId).oldestSeq;
        await session.loadOlder(conversationId);
        const now = session.threads.extent(conversationId);
        if (!current) {
          return;
        }
        if (now.hasOlder && now.oldestSeq === oldest) {
          throw new ApiError('UNAVAILABLE');
        }
      }
    };
    load().then(
      () => current && setOutcome({ key, result: { status: 'done', exportedAt: new Date() } }),
      (error: unknown) => current && setOutcome({ key, result: { status: 'failed', error } }),
    );
    return () => {
      current = false;
    };
  }, [session, conversationId, key]);
  if (outcome?.key !== key) {
    return { status: 'loading' };
  }
  return outcome.result.status === 'failed'
    ? { ...outcome.result, retry: () => setAttempt((count) => count + 1) }
    : outcome.result;
}

/** The record as printed: the same content as the JSON file, in the reader's language. */
function Record({ record }: { record: ConversationExport }) {
  const { t } = useTranslation('chat');
  const time = useRecordTime();
  const exporter = record.exportedBy.name ?? t('person.unknown');
  return (
    <div className="flex flex-col gap-6 rounded-md border border-slate-200 bg-white p-4 text-slate-900 print:border-0 print:p-0">
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t('exporting.conversation')}</dt>
        <dd className="mb-2 sm:mb-0">
          {record.conversation.title} ({t(`exporting.kind.${record.conversation.kind}`)})
        </dd>
        <dt className="font-semibold">{t('exporting.exportedBy')}</dt>
        <dd className="mb-2 sm:mb-0">{exporter}</dd>
        <dt className="font-semibold">{t('exporting.exportedAt')}</dt>
        <dd className="mb-2 sm:mb-0">
          <time dateTime={record.exportedAt}>{time(record.exportedAt)}</time>
        </dd>
        <dt className="font-semibold">{t('exporting.device')}</dt>
        <dd className="break-all font-mono text-xs">{record.exportedBy.deviceId ?? '—'}</dd>
      </dl>

      <section aria-labelledby="export-participants" className="flex flex-col gap-2">
        <h2 id="export-participants" className="text-lg font-semibold">
          {t('exporting.participants')}
        </h2>
        <ul className="flex flex-col gap-2">
          {record.participants.map((participant) => (
            <ParticipantRow key={participant.memberId} participant={participant} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="export-messages" className="flex flex-col gap-2">
        <h2 id="export-messages" className="text-lg font-semibold">
          {t('exporting.messages')}
        </h2>
        <p className="text-sm text-slate-700">{t('exporting.count', { count: record.messages.length })}</p>
        {record.messages.length === 0 ? (
          <p>{t('exporting.empty')}</p>
        ) : (
          <ol className="flex flex-col">
            {record.messages.map((message) => (
              <MessageRow
                key={message.seq}
                message={message}
                mine={message.senderId === record.exportedBy.memberId}
                time={time}
              />
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="export-about" className="flex flex-col gap-2 text-sm">
        <h2 id="export-about" className="text-lg font-semibold">
          {t('exporting.about')}
        </h2>
        <p>{t('exporting.notePlaintext')}</p>
        <p>{t('exporting.noteVerification')}</p>
        <p>{t('exporting.noteFormal')}</p>
      </section>
    </div>
  );
}

function ParticipantRow({ participant }: { participant: ExportParticipant }) {
  const { t } = useTranslation('chat');
  const format = useFormat();
  const name = participant.name ?? t('person.unknown');
  const details = [
    participant.country ? format.country(participant.country) : null,
    participant.position,
    participant.agency,
    t(`exporting.role.${participant.role}`),
  ].filter(Boolean);
  return (
    <li className="break-inside-avoid border-b border-slate-200 pb-2 text-sm">
      <p className="font-semibold">{participant.exporter ? t('exporting.you', { name }) : name}</p>
      <p className="text-slate-700">{details.join(' · ')}</p>
      <p>
        {t('exporting.verification.label')}: <Verification participant={participant} />
      </p>
    </li>
  );
}

function Verification({ participant }: { participant: ExportParticipant }) {
  const { t } = useTranslation('chat');
  switch (participant.verification) {
    case null:
      return <span>{t('exporting.verification.exporter')}</span>;
    case 'verified':
      return (
        <span className="inline-flex items-center gap-1 font-semibold text-green-800">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0">
            <path d="m4 10 4 4 8-8" fill="none" stroke="currentColor" strokeWidth="2.5" />
          </svg>
          {t('exporting.verification.verified')}
        </span>
      );
    case 'changed':
      return <span className="font-semibold text-red-800">{t('exporting.verification.changed')}</span>;
    case 'unverified':
    case 'unknown':
      return <span className="font-semibold">{t(`exporting.verification.${participant.verification}`)}</span>;
  }
}

function MessageRow({
  message,
  mine,
  time,
}: {
  message: ExportMessage;
  mine: boolean;
  time: (iso: string) => string;
}) {
  const { t } = useTranslation('chat');
  const sender = message.senderName ?? t('person.unknown');
  return (
    <li className="flex break-inside-avoid flex-col gap-1 border-b border-slate-200 py-3">
      <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-sm">
        <span className="text-slate-700">{t('exporting.messageNumber', { seq: message.seq })}</span>
        <span>
          {t('exporting.sender')}:{' '}
          <span className="font-semibold">{mine ? t('exporting.you', { name: sender }) : sender}</span>
        </span>
        <span>
          {t('exporting.sentAt')}: <time dateTime={message.sentAt}>{time(message.sentAt)}</time>
        </span>
      </p>
      <Caveat caveat={message.caveat} />
      {message.text !== null ? (
        <p className="whitespace-pre-wrap break-words">{message.text}</p>
      ) : (
        <p>
          <span className="font-semibold">{t('exporting.undecryptable')}</span>{' '}
          {t(`message.problem.${message.undecryptable ?? 'MALFORMED'}`)}
        </p>
      )}
      {message.senderKeys === 'changed' ? (
        <p className="text-sm font-medium text-amber-900">{t('exporting.senderKeysChanged')}</p>
      ) : null}
    </li>
  );
}

/**
 * A message's caveat: the chat's badge on screen; on paper (where browsers drop background colours) the caveat's
 * words in capitals, in brackets, in a black frame.
 */
function Caveat({ caveat }: { caveat: ExportMessage['caveat'] }) {
  const { t } = useTranslation('chat');
  if (caveat === null || caveat === 'NONE') {
    return (
      <p className="text-sm text-slate-700 print:text-black">
        {t('exporting.caveat')}: {caveat === null ? t('exporting.caveatUnknown') : t('caveat.NONE')}
      </p>
    );
  }
  return (
    <>
      <div className="print:hidden">
        <CaveatBadge caveat={caveat} wide />
      </div>
      <p className="hidden w-fit border-2 border-black px-2 py-0.5 text-sm font-bold uppercase tracking-wide text-black print:block">
        [{t(`caveat.${caveat}`)}]
      </p>
    </>
  );
}

/** Date and time to the second, with the time zone, in the reader's language ("1 December 2026 at 10:05:00 UTC"). */
function useRecordTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
      dateStyle: 'long',
      timeStyle: 'long',
    });
    return (iso: string) => format.format(new Date(iso));
  }, [locale]);
}

/** Saves the record as a JSON file: a Blob behind an object URL, clicked as a download link, then let go. */
function download(record: ConversationExport): void {
  const url = URL.createObjectURL(new Blob([exportJson(record)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(record);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

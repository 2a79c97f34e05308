import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { Alert } from '@web/components/alert';
import { Button } from '@web/components/button';
import { ConfirmDialog } from '@web/components/confirm-dialog';
import { Page } from '@web/components/page';
import { resultError } from '@web/lib/api-error';
import { errorText } from '@web/lib/error-text';
import { useFormat } from '@web/lib/format';
import {
  ChatAddParticipantsDocument,
  ChatConversationsDocument,
  ChatLeaveDocument,
  ChatRemoveParticipantDocument,
  type ChatConversationFragment,
  type ChatPersonFragment,
} from '@web/lib/graphql/graphql';
import type { ChatSession } from '../lib/chat-session';
import { conversationTitle, others, personName } from '../lib/conversation';
import { useActivityRefetch } from '../lib/use-activity';
import { useChatSession, usePeople } from '../lib/use-chat';
import { MAX_GROUP_SIZE, PersonSearch } from './person-search';
import { TrustMark } from './trust-mark';

type People = Map<string, ChatPersonFragment> | undefined;
type Participant = ChatConversationFragment['participants'][number];

const PARTICIPANTS_HEADING_ID = 'group-participants';

/**
 * What a conversation is and who is in it. A group: its people (name, country and position, owner or member, whether
 * their keys are verified, their safety number); owners add people found by name and remove them, everyone may leave —
 * both asking first. A direct conversation: the partner's card, with their clock, their keys and their profile.
 */
export function ConversationDetailsPage() {
  const { t } = useTranslation('chat');
  const { t: common } = useTranslation();
  const { conversationId = '' } = useParams();
  const session = useChatSession();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ChatConversationsDocument,
    requestPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useActivityRefetch(session, reload, conversationId);
  const conversation = data?.conversations.find((candidate) => candidate.id === conversationId);
  const ids = useMemo(
    () => (conversation ? conversation.participants.map((participant) => participant.memberId) : []),
    [conversation],
  );
  const people = usePeople(ids);
  /** Left just now: the list read again no longer has it, and the way back to the list is on its way. */
  const [left, setLeft] = useState(false);

  const back = (
    <Link to={`/chat/${conversationId}`} className="text-sm font-medium text-brand-700 underline">
      {t('group.details.back')}
    </Link>
  );

  if (!conversation) {
    return (
      <Page title={t('conversation.title')} before={back}>
        {left ? (
          <p role="status">{common('status.working')}</p>
        ) : fetching || (!data && !error) ? (
          <p role="status">{common('status.loading')}</p>
        ) : error && !data ? (
          <>
            <Alert tone="error">{errorText(common, resultError(error))}</Alert>
            <div>
              <Button variant="secondary" onClick={reload}>
                {common('actions.retry')}
              </Button>
            </div>
          </>
        ) : (
          <Alert tone="error">{t('conversation.notFound')}</Alert>
        )}
      </Page>
    );
  }

  if (conversation.kind === 'DIRECT') {
    const partner = others(conversation, session.memberId)[0];
    const name = partner ? personName(t, people, partner) : t('list.justYou');
    return (
      <Page title={t('group.details.directTitle', { name })} before={back}>
        {partner ? (
          <PartnerCard
            session={session}
            conversationId={conversationId}
            memberId={partner}
            person={people?.get(partner)}
            name={name}
          />
        ) : null}
      </Page>
    );
  }

  return (
    <GroupDetails
      session={session}
      conversation={conversation}
      people={people}
      back={back}
      reload={reload}
      onLeft={() => setLeft(true)}
    />
  );
}

/** The partner of a direct conversation: who they are, their clock now, their keys and their profile. */
function PartnerCard({
  session,
  conversationId,
  memberId,
  person,
  name,
}: {
  session: ChatSession;
  conversationId: string;
  memberId: string;
  person: ChatPersonFragment | undefined;
  name: string;
}) {
  const { t } = useTranslation('chat');
  const format = useFormat();
  const term = 'font-medium text-slate-800';
  return (
    <article className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4">
      <h2 className="break-words text-lg font-semibold text-slate-900">{name}</h2>
      {person?.nativeName && person.nativeName !== person.displayName ? (
        <p dir="auto" className="-mt-2 text-slate-800">
          {person.nativeName}
        </p>
      ) : null}
      <dl className="grid grid-cols-1 gap-x-3 gap-y-1 text-sm min-[400px]:grid-cols-[max-content_1fr]">
        {person?.position ? (
          <>
            <dt className={term}>{t('group.details.position')}</dt>
            <dd className="text-slate-700">{person.position}</dd>
          </>
        ) : null}
        {person?.agency ? (
          <>
            <dt className={term}>{t('group.details.agency')}</dt>
            <dd className="text-slate-700">{person.agency.name}</dd>
          </>
        ) : null}
        {person ? (
          <>
            <dt className={term}>{t('group.details.country')}</dt>
            <dd className="text-slate-700">{format.country(person.country)}</dd>
            <dt className={term}>{t('group.details.localTime')}</dt>
            <dd className="text-slate-700">
              {person.localTime.slice(11, 16)}
              {' · '}
              {person.availableNow ? (
                <span className="font-medium text-green-800">{t('header.canAnswer')}</span>
              ) : (
                <span>{t('header.outOfHours')}</span>
              )}
            </dd>
          </>
        ) : null}
        <dt className={term}>{t('group.details.keys')}</dt>
        <dd className="text-slate-700">
          <TrustMark session={session} memberId={memberId} />
        </dd>
      </dl>
      <p className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <Link
          to={`/chat/${conversationId}/safety/${memberId}`}
          className="font-medium text-brand-700 underline"
        >
          {t('group.details.safetyNumber')}
        </Link>
        <Link to={`/directory/${memberId}`} className="font-medium text-brand-700 underline">
          {t('group.details.profile')}
        </Link>
      </p>
    </article>
  );
}

/** A group's people, what owners may change about them, and the way out. */
function GroupDetails({
  session,
  conversation,
  people,
  back,
  reload,
  onLeft,
}: {
  session: ChatSession;
  conversation: ChatConversationFragment;
  people: People;
  back: ReactNode;
  reload: () => void;
  /** Called once the server let the member leave, before the list is read again. */
  onLeft: () => void;
}) {
  const { t } = useTranslation('chat');
  const { t: common } = useTranslation();
  const navigate = useNavigate();
  const client = useClient();
  const [, addParticipants] = useMutation(ChatAddParticipantsDocument);
  const [, removeParticipant] = useMutation(ChatRemoveParticipantDocument);
  const [, leaveConversation] = useMutation(ChatLeaveDocument);
  // Kept as what happened, not as words: a language switch re-reads the notice in the new language.
  const [notice, setNotice] = useState<{ change: 'added' | 'removed'; name: string }>();
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string>();
  const [pending, setPending] = useState<Participant | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string>();
  const participantsHeading = useRef<HTMLHeadingElement>(null);
  const focusAfterClose = useRef(false);

  const conversationId = conversation.id;
  const title = conversationTitle(t, conversation, session.memberId, people);
  const owner = conversation.myRole === 'OWNER';
  const nameOf = (memberId: string) => personName(t, people, memberId);
  const participants = [...conversation.participants].sort(
    (a, b) =>
      Number(b.role === 'OWNER') - Number(a.role === 'OWNER') ||
      nameOf(a.memberId).localeCompare(nameOf(b.memberId)),
  );
  const lastOwner =
    owner &&
    participants.length > 1 &&
    !participants.some(
      (participant) => participant.role === 'OWNER' && participant.memberId !== session.memberId,
    );
  const full = participants.length >= MAX_GROUP_SIZE;

  async function add(person: ChatPersonFragment) {
    setAdding(true);
    setAddError(undefined);
    const result = await addParticipants({ input: { conversationId, memberIds: [person.id] } });
    setAdding(false);
    if (result.data) {
      setNotice({ change: 'added', name: person.displayName });
      reload();
      return;
    }
    const failure = resultError(result.error);
    setAddError(
      failure?.code === 'BAD_USER_INPUT'
        ? failure.field('memberIds')
          ? t('group.details.cannotAdd', { name: person.displayName })
          : t('group.details.full', { max: MAX_GROUP_SIZE })
        : errorText(common, failure),
    );
  }

  async function confirmRemove() {
    if (!pending) {
      return;
    }
    setBusy(true);
    setDialogError(undefined);
    const result = await removeParticipant({ input: { conversationId, memberId: pending.memberId } });
    setBusy(false);
    const failure = resultError(result.error);
    // NOT_FOUND: they had left already; the list is simply out of date.
    if (failure && failure.code !== 'NOT_FOUND') {
      setDialogError(errorText(common, failure));
      return;
    }
    setNotice({ change: 'removed', name: nameOf(pending.memberId) });
    reload();
    focusAfterClose.current = true;
    setPending(null);
  }

  async function confirmLeave() {
    setBusy(true);
    setDialogError(undefined);
    const result = await leaveConversation({ conversationId });
    const failure = resultError(result.error);
    // FORBIDDEN / NOT_FOUND: no longer in it anyway.
    if (failure && failure.code !== 'FORBIDDEN' && failure.code !== 'NOT_FOUND') {
      setBusy(false);
      setDialogError(errorText(common, failure));
      return;
    }
    onLeft();
    // The answer is a boolean the cache cannot relate to the list: it is asked again before the list shows.
    await client
      .query(ChatConversationsDocument, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .catch(() => undefined);
    void navigate('/chat');
  }

  const closeDialog = () => {
    setPending(null);
    setLeaving(false);
    setDialogError(undefined);
  };

  return (
    <Page title={t('group.details.groupTitle', { title })} before={back}>
      <div className="flex flex-col gap-1 text-slate-700">
        <p>{t('group.details.summary', { count: participants.length })}</p>
        <p>{owner ? t('group.details.youOwn') : t('group.details.youMember')}</p>
      </div>
      <p
        role="status"
        className={notice ? 'rounded-md border-l-4 border-green-700 bg-green-50 p-3' : 'sr-only'}
      >
        {notice ? t(`group.details.${notice.change}`, { name: notice.name }) : null}
      </p>

      <section aria-labelledby={PARTICIPANTS_HEADING_ID} className="flex flex-col gap-3">
        <h2
          id={PARTICIPANTS_HEADING_ID}
          ref={participantsHeading}
          tabIndex={-1}
          className="text-lg font-semibold text-slate-900 focus:outline-none"
        >
          {t('group.details.participants')}
        </h2>
        <ul aria-labelledby={PARTICIPANTS_HEADING_ID} className="flex flex-col gap-2">
          {participants.map((participant) => (
            <li key={participant.memberId}>
              <ParticipantCard
                session={session}
                conversationId={conversationId}
                participant={participant}
                person={people?.get(participant.memberId)}
                name={nameOf(participant.memberId)}
                canRemove={owner}
                onRemove={() => {
                  setDialogError(undefined);
                  setPending(participant);
                }}
              />
            </li>
          ))}
        </ul>
      </section>

      {owner ? (
        <section aria-labelledby="group-add" className="flex flex-col gap-3">
          <h2 id="group-add" className="text-lg font-semibold text-slate-900">
            {t('group.details.add')}
          </h2>
          {full ? (
            <Alert>{t('group.details.full', { max: MAX_GROUP_SIZE })}</Alert>
          ) : (
            <>
              <p className="text-sm text-slate-700">{t('group.details.addHint')}</p>
              {addError ? <Alert tone="error">{addError}</Alert> : null}
              <PersonSearch
                memberId={session.memberId}
                isIn={(memberId) => participants.some((participant) => participant.memberId === memberId)}
                onAdd={(person) => void add(person)}
                busy={adding}
              />
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="group-leave" className="flex flex-col gap-3">
        <h2 id="group-leave" className="text-lg font-semibold text-slate-900">
          {t('group.details.leave')}
        </h2>
        <p className="text-sm text-slate-700">{t('group.details.leaveHint')}</p>
        <div>
          <Button
            variant="caution"
            onClick={() => {
              setDialogError(undefined);
              setLeaving(true);
            }}
          >
            {t('group.details.leave')}
          </Button>
        </div>
      </section>

      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => (open ? undefined : closeDialog())}
        title={pending ? t('group.details.removeDialog.title', { name: nameOf(pending.memberId) }) : ''}
        description={
          pending ? t('group.details.removeDialog.body', { name: nameOf(pending.memberId), title }) : ''
        }
        confirmLabel={t('group.details.removeDialog.confirm')}
        cancelLabel={common('actions.cancel')}
        busy={busy}
        error={pending ? dialogError : undefined}
        onConfirm={() => void confirmRemove()}
        onCloseAutoFocus={(event) => {
          if (focusAfterClose.current) {
            focusAfterClose.current = false;
            event.preventDefault();
            participantsHeading.current?.focus();
          }
        }}
      />
      <ConfirmDialog
        open={leaving}
        onOpenChange={(open) => (open ? undefined : closeDialog())}
        title={t('group.details.leaveDialog.title', { title })}
        description={[
          t('group.details.leaveDialog.body'),
          lastOwner ? t('group.details.leaveDialog.lastOwner') : '',
        ]
          .filter(Boolean)
          .join(' ')}
        confirmLabel={t('group.details.leaveDialog.confirm')}
        cancelLabel={common('actions.cancel')}
        busy={busy}
        error={leaving ? dialogError : undefined}
        onConfirm={() => void confirmLeave()}
      />
    </Page>
  );
}

/** One participant: name, country and position, role, and for the others their keys, safety number and removal. */
function ParticipantCard({
  session,
  conversationId,
  participant,
  person,
  name,
  canRemove,
  onRemove,
}: {
  session: ChatSession;
  conversationId: string;
  participant: Participant;
  person: ChatPersonFragment | undefined;
  name: string;
  canRemove: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation('chat');
  const format = useFormat();
  const me = participant.memberId === session.memberId;
  const details = person ? [format.country(person.country), person.position].filter(Boolean).join(' · ') : '';
  return (
    <article className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="break-words font-semibold text-slate-900">{name}</span>
        {me ? <span className="text-slate-700">{t('group.you')}</span> : null}
        <span className="rounded-full bg-slate-100 px-2 text-sm font-medium text-slate-800">
          {participant.role === 'OWNER' ? t('group.owner') : t('group.member')}
        </span>
      </p>
      {person?.nativeName && person.nativeName !== person.displayName ? (
        <p dir="auto" className="text-sm text-slate-800">
          {person.nativeName}
        </p>
      ) : null}
      {details ? <p className="text-sm text-slate-700">{details}</p> : null}
      {me ? null : (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <TrustMark session={session} memberId={participant.memberId} />
          <Link
            to={`/chat/${conversationId}/safety/${participant.memberId}`}
            aria-label={t('group.details.safetyNumberWith', { name })}
            className="font-medium text-brand-700 underline"
          >
            {t('group.details.safetyNumber')}
          </Link>
          {canRemove ? (
            <Button
              variant="caution"
              aria-label={t('group.details.removeNamed', { name })}
              onClick={onRemove}
            >
              {t('group.details.remove')}
            </Button>
          ) : null}
        </div>
      )}
    </article>
  );
}
